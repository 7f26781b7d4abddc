/** The console's catalogue calls (server/src/catalogue/editing/), each answer checked against the contract. */
import { AdminPlace, AdminPlaceList, ApiError, CatalogueImportReport, type CatalogueImportTarget, PlaceChangeResult, type PlaceCreate, type PlaceEdit, PublishResult } from '@escale/shared';
import { ApiFailure, jsonBody, request } from '../../api/api.ts';

const placePath = (id: string) => `/api/agency/places/${encodeURIComponent(id)}`;

export function listPlaces(query: Record<string, string | number | undefined>): Promise<AdminPlaceList> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return request(`/api/agency/places?${params}`, AdminPlaceList);
}
export const createPlace = (body: PlaceCreate) => request('/api/agency/places', AdminPlace, jsonBody(body));
export const editPlace = (id: string, edit: PlaceEdit) => request(placePath(id), AdminPlace, jsonBody(edit, 'PUT'));
export const discardPlace = (id: string) => request(placePath(id), null, { method: 'DELETE' });
export const archivePlaces = (ids: string[]) => request('/api/agency/places/archive', PlaceChangeResult, jsonBody({ ids }));
export const restorePlaces = (ids: string[]) => request('/api/agency/places/restore', PlaceChangeResult, jsonBody({ ids }));
export const publishAll = () => request('/api/agency/catalogue/publish', PublishResult, jsonBody({}));

/** An import refused whole: the server's reason (`city_needed` asks for the city) and its words. */
export class ImportRefusal extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends the file itself (not a form) with its name, reporting the upload's progress: XMLHttpRequest, since
 * fetch cannot tell how much of a body has gone. The server then reads it; `onProgress(1)` means it has it all.
 */
export function importFile(file: File, target: CatalogueImportTarget, onProgress: (share: number) => void): Promise<CatalogueImportReport> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(target)) if (v !== undefined && v !== '') params.set(k, String(v));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/agency/catalogue/import?${params}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiFailure('network', 'The upload did not reach the server.', 0));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* answered below */
      }
      if (xhr.status === 200) {
        const report = CatalogueImportReport.safeParse(body);
        return report.success ? resolve(report.data) : reject(new ApiFailure('invalid_response', 'Unexpected import report', 200));
      }
      const refusal = body as { error?: { code?: string; reason?: string; message?: string } } | null;
      if (refusal?.error?.code === 'import_refused' && refusal.error.reason) return reject(new ImportRefusal(refusal.error.reason, refusal.error.message ?? ''));
      const error = ApiError.safeParse(body);
      reject(
        error.success ? new ApiFailure(error.data.error.code, error.data.error.message, xhr.status, error.data.error.issues) : new ApiFailure('invalid_response', `HTTP ${xhr.status}`, xhr.status),
      );
    };
    xhr.send(file);
  });
}
