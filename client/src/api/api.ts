/**
 * The REST API under /api. Every response is validated against the shared contract on receipt, so a
 * server change that breaks the contract fails here, loudly, instead of as an odd render later.
 */
import {
  ApiError,
  BOOT_DATA_ELEMENT_ID,
  BootData,
  ClientConfig,
  type DemoSignInBody,
  PersonaList,
  PlaceDetails,
  PlacesCollection,
  PushSettings,
  type PushSettingsPatch,
  SessionInfo,
  type ApiErrorCode,
} from '@escale/shared';

/** Any shared schema; structural so the client needs no direct dependency on zod. */
interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: unknown } };
}

/** Where a request body broke the contract and how, as the server's validation said it. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** A failed call: the server's error code when it sent one, `network` or `invalid_response` otherwise. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode | 'network' | 'invalid_response',
    message: string,
    readonly status: number,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export async function request<T>(path: string, schema: Schema<T> | null, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiFailure('network', cause instanceof Error ? cause.message : String(cause), 0);
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    if (error.success) throw new ApiFailure(error.data.error.code, error.data.error.message, response.status, error.data.error.issues);
    throw new ApiFailure('invalid_response', `HTTP ${response.status} from ${path}`, response.status);
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Response of ${path} does not match the contract`, parsed.error.issues);
    throw new ApiFailure('invalid_response', `Unexpected response from ${path}`, response.status);
  }
  return parsed.data;
}

export const jsonBody = (body: unknown, method: 'POST' | 'PUT' = 'POST'): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export const getConfig = () => request('/api/config', ClientConfig);

/**
 * The config and session the page was served with (http/static-client.ts), read once: the element is removed
 * so a later boot (after a sign-out, a retry) asks the server instead of trusting an old answer. Null when
 * the page has none (the Vite dev server) or it breaks the contract; the app then fetches both.
 */
export function takeBootData(): BootData | null {
  const element = document.getElementById(BOOT_DATA_ELEMENT_ID);
  if (!element) return null;
  element.remove();
  let raw: unknown;
  try {
    raw = JSON.parse(element.textContent ?? '');
  } catch {
    return null;
  }
  const parsed = BootData.safeParse(raw);
  if (!parsed.success) console.warn('The page came with boot data that breaks the contract; asking the server instead', parsed.error.issues);
  return parsed.success ? parsed.data : null;
}
export const getPersonas = () => request('/api/personas', PersonaList);
export const getPlaces = () => request('/api/places', PlacesCollection);
/** One place's details; its id holds a slash ("osm:node/123"), hence the encoding. */
export const getPlace = (id: string) => request(`/api/places/${encodeURIComponent(id)}`, PlaceDetails);

/** The current session, or null when nobody is signed in (the server answers 401). */
export async function getSession(): Promise<SessionInfo | null> {
  try {
    return await request('/api/session', SessionInfo);
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'unauthenticated') return null;
    throw error;
  }
}

export function signInDemo(personaId: string): Promise<SessionInfo> {
  const body: DemoSignInBody = { personaId };
  return request('/api/session/demo', SessionInfo, jsonBody(body));
}

export const signOut = () => request('/api/session', null, { method: 'DELETE' });

export const getPushSettings = () => request('/api/push-settings', PushSettings);
/** Sends only what changed; the answer is the whole settings as stored. */
export const savePushSettings = (patch: PushSettingsPatch) => request('/api/push-settings', PushSettings, jsonBody(patch, 'PUT'));
