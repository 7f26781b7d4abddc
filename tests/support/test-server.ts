/**
 * Starts a real Escale server on an ephemeral port with a fresh database (SQLite, or PostgreSQL in the
 * PostgreSQL test run: test-store.ts), for integration tests.
 */
import { pino, type Logger } from 'pino';
import type { BookingInput } from '@escale/shared';
import { startApp, type RunningApp } from '../../server/src/app.ts';
import { VirtualClock, type Clock } from '../../server/src/clock.ts';
import path from 'node:path';
import { loadConfig, REPO_ROOT } from '../../server/src/config.ts';
import { recordBooking } from '../../server/src/wallet/wallet-write.ts';
import { createTestStore, type TestStore } from './test-store.ts';

/** Tuesday 24 November 2026, 18:00 in Paris: bars and restaurants open, an evening ahead. */
export const TUESDAY_EVENING = new Date('2026-11-24T17:00:00Z');

export interface TestServer extends RunningApp {
  /** The server's store; dropped by `close` unless it was handed in (then its owner drops it). */
  store: TestStore;
  dataDir: string;
  clock: VirtualClock;
  wsUrl: string;
}

/**
 * `store`: start over an existing store (a restart) instead of a new one. `logger` replaces the silent one,
 * for a test that reads what the server logs.
 */
/**
 * `clockSpeed`: 0 (the default) holds the server's clock at `at`; 1 lets it run, as a session's virtual clock then does.
 * `allCities`: every catalogue of data/ (the demo's trips, a traveller moving city); otherwise Paris alone, which
 * every other test is written for and which seeds a fresh database in a third of the time.
 */
export async function startTestServer(options: { env?: Record<string, string>; at?: Date; clockSpeed?: number; allCities?: boolean; store?: TestStore; logger?: Logger } = {}): Promise<TestServer> {
  const store = options.store ?? (await createTestStore());
  const owned = !options.store;
  try {
    const cities = options.allCities ? {} : { CATALOGUE_DIR: path.join(REPO_ROOT, 'data/paris') };
    const { config, warnings } = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...cities, ...store.env, ...options.env });
    // A misspelt variable in a test would quietly test the default instead.
    if (warnings.length > 0) throw new Error(`test server configuration: ${warnings.join('; ')}`);
    const clock = new VirtualClock(options.at ?? TUESDAY_EVENING, options.clockSpeed ?? 0);
    const app = await startApp(config, { clock: clock as Clock, logger: options.logger ?? pino({ level: 'silent' }) });
    const close = async () => {
      await app.close();
      if (owned) await store.drop();
    };
    return { ...app, close, store, dataDir: store.dataDir, clock, wsUrl: app.url.replace(/^http/, 'ws') + '/ws' };
  } catch (err) {
    if (owned) await store.drop();
    throw err;
  }
}

/** A demo visitor: the session cookie ("escale_session=…") and the private traveller made for it. */
export interface Visitor {
  cookie: string;
  travellerId: string;
}

/** Signs in as a demo persona: each call is a new visitor with a traveller of their own. */
export async function signIn(server: { url: string }, personaId: string): Promise<Visitor> {
  const res = await fetch(`${server.url}/api/session/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personaId }),
  });
  if (res.status !== 201) throw new Error(`sign-in as ${personaId} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  const body = (await res.json()) as { traveller: { id: string } };
  return { cookie: cookie.split(';')[0]!, travellerId: body.traveller.id };
}

/** Signs in as a demo persona and returns the session cookie. */
export async function signInAs(server: { url: string }, personaId: string): Promise<string> {
  return (await signIn(server, personaId)).cookie;
}

/** Sets the session's virtual clock (demo mode), as a demo replay would. */
export async function setSessionClock(server: { url: string }, cookie: string, at: Date, speed = 0): Promise<void> {
  const res = await fetch(`${server.url}/api/session/clock`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ at: at.toISOString(), speed }),
  });
  if (res.status !== 200) throw new Error(`setting the session clock failed: ${res.status} ${await res.text()}`);
}

/** Changes the signed-in traveller's push settings; returns the response. */
/** A request as the signed-in app sends it: the session cookie, and a JSON body when there is one. */
export function callApi(url: string, cookie: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

export function putPushSettings(server: { url: string }, cookie: string, patch: unknown): Promise<Response> {
  return fetch(`${server.url}/api/push-settings`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(patch) });
}

/** Adds a booking to the traveller's wallet (there is no wallet route yet), with its change for every instance. */
export function addBookingFor(server: { ctx: RunningApp['ctx'] }, travellerId: string, booking: BookingInput): Promise<void> {
  return recordBooking(server.ctx.changes, travellerId, booking, server.ctx.clock.now());
}
