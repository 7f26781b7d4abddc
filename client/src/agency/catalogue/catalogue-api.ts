/** The console's catalogue calls (server/src/catalogue/editing/), each answer checked against the contract. */
import type { z } from 'zod';
import {
  AdminEvent,
  AdminEventList,
  AdminOffer,
  AdminOfferList,
  AdminPromotion,
  AdminPromotionList,
  type CatalogueItemKind,
  ItemChangeResult,
  AdminPlace,
  AdminPlaceList,
  ApiError,
  type CatalogueImportReport,
  ImportProgressLine,
  type CatalogueImportTarget,
  PlaceChangeResult,
  type PlaceCreate,
  type PlaceEdit,
  PublishResult,
} from '@escale/shared';
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
export const publishKind = (kind: CatalogueItemKind) => request('/api/agency/catalogue/publish', PublishResult, jsonBody({ kinds: [kind] }));

const ITEM_LISTS = { events: AdminEventList, offers: AdminOfferList, promotions: AdminPromotionList } as const;
const ITEMS = { events: AdminEvent, offers: AdminOffer, promotions: AdminPromotion } as const;
export type AdminItemOf<K extends CatalogueItemKind> = z.infer<(typeof ITEMS)[K]>;
export type AdminItemListOf<K extends CatalogueItemKind> = z.infer<(typeof ITEM_LISTS)[K]>;
const itemPath = (kind: CatalogueItemKind, id: string) => `/api/agency/${kind}/${encodeURIComponent(id)}`;

export function listItems<K extends CatalogueItemKind>(kind: K, query: Record<string, string | number | undefined>): Promise<AdminItemListOf<K>> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return request(`/api/agency/${kind}?${params}`, ITEM_LISTS[kind] as unknown as z.ZodType<AdminItemListOf<K>>);
}
export const createItem = <K extends CatalogueItemKind>(kind: K, body: unknown) => request(`/api/agency/${kind}`, ITEMS[kind] as unknown as z.ZodType<AdminItemOf<K>>, jsonBody(body));
export const editItem = <K extends CatalogueItemKind>(kind: K, id: string, edit: unknown) => request(itemPath(kind, id), ITEMS[kind] as unknown as z.ZodType<AdminItemOf<K>>, jsonBody(edit, 'PUT'));
export const discardItem = (kind: CatalogueItemKind, id: string) => request(itemPath(kind, id), null, { method: 'DELETE' });
export const archiveItems = (kind: CatalogueItemKind, ids: string[]) => request(`/api/agency/${kind}/archive`, ItemChangeResult, jsonBody({ ids }));
export const restoreItems = (kind: CatalogueItemKind, ids: string[]) => request(`/api/agency/${kind}/restore`, ItemChangeResult, jsonBody({ ids }));

/** An import refused whole: the server's reason (`city_needed` asks for the city) and its words. */
export class ImportRefusal extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** Where an import stands: the upload (share of the file sent), then the server's phases; `share` null: the elements read so far, the total not known yet. */
export type ImportStep = { phase: 'uploading' | 'reading' | 'comparing' | 'writing'; share: number | null; done: number };

/**
 * Sends the file itself (not a form) with its name, and follows the import as it happens: XMLHttpRequest,
 * since fetch cannot tell how much of a body has gone; the server answers line by line (progress, then the
 * report or the refusal), read as the lines arrive.
 */
export function importFile(file: File, target: CatalogueImportTarget, onStep: (step: ImportStep) => void): Promise<CatalogueImportReport> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(target)) if (v !== undefined && v !== '') params.set(k, String(v));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/agency/catalogue/import?${params}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && onStep({ phase: 'uploading', share: e.loaded / e.total, done: e.loaded });
    let read = 0;
    const lines = (): ImportProgressLine[] => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      const out: ImportProgressLine[] = [];
      for (const raw of text.slice(read, end).split('\n')) {
        if (!raw) continue;
        const parsed = ImportProgressLine.safeParse(JSON.parse(raw));
        if (parsed.success) out.push(parsed.data);
      }
      read = end;
      return out;
    };
    let outcome: ImportProgressLine | null = null;
    const take = () => {
      for (const line of lines()) {
        if (line.type === 'progress') onStep({ phase: line.phase, share: line.total > 0 ? line.done / line.total : null, done: line.done });
        else outcome = line;
      }
    };
    xhr.onprogress = take;
    xhr.onerror = () => reject(new ApiFailure('network', 'The upload did not reach the server.', 0));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        // Refused before the import began (a role, a bad query, a file too large for the upload).
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          /* answered below */
        }
        const error = ApiError.safeParse(body);
        return reject(
          error.success ? new ApiFailure(error.data.error.code, error.data.error.message, xhr.status, error.data.error.issues) : new ApiFailure('invalid_response', `HTTP ${xhr.status}`, xhr.status),
        );
      }
      take();
      const last = outcome as ImportProgressLine | null;
      if (last?.type === 'report') return resolve(last.report);
      if (last?.type === 'error' && last.error.reason) return reject(new ImportRefusal(last.error.reason, last.error.message));
      if (last?.type === 'error') return reject(new ApiFailure('internal', last.error.message, last.status));
      reject(new ApiFailure('invalid_response', 'The import ended without a report', 200));
    };
    xhr.send(file);
  });
}
