/**
 * A bounded, seeded fuzz of every REST route the app serves and every WebSocket message type: generated
 * bodies, content types, cookies and frames. The answer is always a 2xx or a 4xx in the documented error
 * shape, never a 5xx; a socket answers with valid protocol messages (never `internal`), stays open, and the
 * server stays healthy with an intact database. Seeded, so a failure replays the same case.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CLIENT_MESSAGE_TYPES, HealthResponse, PROTOCOL_VERSION, type ServerMessage } from '@escale/shared';
import { signInAs, startTestServer, type TestServer } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';

const SEED = 20261203;
let server: TestServer;
beforeAll(async () => {
  // Limits that would answer most of the fuzz with 429 are raised: the point is every route's own validation.
  server = await startTestServer({ env: { DEMO_SIGNINS_PER_HOUR: '100000', WS_RATE_PER_SECOND: '10000', WS_RATE_BURST: '10000' } });
});
afterAll(async () => {
  await server.close();
});

/** Values a client could send: JSON of any shape, near-misses of real fields, and text that is not JSON. */
const FIELD_NAMES = [
  'personaId',
  'at',
  'speed',
  'reset',
  'triggers',
  'quietHours',
  'mealTimes',
  'minMinutesBetweenPushes',
  'moveThresholdMeters',
  'repeatSameDay',
  'lat',
  'lon',
  'lastSeq',
  'protocol',
  'placeId',
  'kind',
  '__proto__',
  'constructor',
];
const value = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('lea', 'marc', 'martin-family', '2026-11-24T18:00:00+01:00', '9999-12-31T23:59:59Z', '22:00', 'osm:node/1', -1, 0, 1e308, Number.MAX_SAFE_INTEGER, true, null),
);
const object = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), value, { maxKeys: 6 });
const rawBody = fc.oneof(
  object.map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"personaId":', 'null', '[]', '"x"', 'personaId=lea', '\u0000\u00ff'),
);
const contentType = fc.constantFrom<string | undefined>(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin-7',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');

describe('fuzz', () => {
  it('answers every REST route with a 2xx or a documented 4xx, never a 5xx', async () => {
    const routes = server.routes.filter((r) => r.path.startsWith('/api'));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    let cookie = await signInAs(server, 'lea');
    const apiCodes = new Set(ApiError.shape.error.shape.code.options);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          route: fc.constantFrom(...routes, { method: 'GET', path: '/api/nope' }),
          otherMethod: fc.option(method, { nil: undefined }),
          body: fc.option(rawBody, { nil: undefined }),
          contentType,
          auth: fc.constantFrom('session', 'none', 'garbage'),
          query: fc.option(fc.string({ maxLength: 20 }).map(encodeURIComponent), { nil: undefined }),
        }),
        async (c) => {
          const verb = c.otherMethod ?? (c.route.method === 'ALL' ? 'GET' : c.route.method);
          const headers: Record<string, string> = {};
          if (c.contentType) headers['content-type'] = c.contentType;
          if (c.auth === 'session') headers.cookie = cookie;
          if (c.auth === 'garbage') headers.cookie = 'escale_session=not-a-token; other=1';
          const hasBody = c.body !== undefined && verb !== 'GET' && verb !== 'OPTIONS';
          const res = await fetch(`${server.url}${c.route.path}${c.query ? `?q=${c.query}` : ''}`, { method: verb, headers, ...(hasBody ? { body: c.body } : {}) });
          const text = await res.text();
          expect(res.status, `${verb} ${c.route.path} ${JSON.stringify(c)} → ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400 && verb !== 'OPTIONS') {
            expect(res.headers.get('content-type')).toMatch(/^application\/json/);
            const error = ApiError.parse(JSON.parse(text));
            expect(apiCodes.has(error.error.code)).toBe(true);
            expect(error.error.message.length).toBeGreaterThan(5);
          }
          // Signing out ends the fuzz's session: the next cases get a fresh one.
          if (verb === 'DELETE' && c.route.path === '/api/session' && c.auth === 'session') cookie = await signInAs(server, 'lea');
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
    const health = HealthResponse.parse(await (await fetch(`${server.url}/api/health`)).json());
    expect(health.status).toBe('ok');
  }, 120_000);

  it('answers every WebSocket message type with valid protocol messages, never an internal error, and stays open', async () => {
    const cookie = await signInAs(server, 'marc');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    // Any field of any message type, with values right and wrong; text that is not JSON; binary frames.
    const frame = fc.oneof(
      { weight: 6, arbitrary: fc.record({ type: fc.constantFrom(...CLIENT_MESSAGE_TYPES), fields: object }).map(({ type, fields }) => JSON.stringify({ ...fields, type })) },
      { weight: 2, arbitrary: fc.record({ type: fc.oneof(fc.string({ maxLength: 10 }), fc.jsonValue()), fields: object }).map(({ type, fields }) => JSON.stringify({ ...fields, type })) },
      { weight: 2, arbitrary: rawBody },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
    );
    let probe = 0;
    await fc.assert(
      fc.asyncProperty(frame, async (f) => {
        const from = socket.messages.length;
        if (typeof f === 'string') socket.send(f);
        else socket.ws.send(f);
        // Frames are handled in order: once the probe's answer is here, the frame's answers are too.
        const placeId = `osm:probe/${++probe}`;
        socket.send({ type: 'feedback', placeId, kind: 'dismissed' });
        await socket.next((m) => m.type === 'error' && m.code === 'not_found' && m.message.includes(placeId), 10_000);
        const answers: ServerMessage[] = socket.messages.slice(from);
        expect(
          answers.filter((m) => m.type === 'error' && m.code === 'internal'),
          String(f),
        ).toEqual([]);
        expect(socket.closeCode, String(f)).toBeNull();
      }),
      { seed: SEED, numRuns: 300 },
    );
    socket.close();
  }, 120_000);

  it('greets or refuses every first message clearly, on a fresh connection each time', async () => {
    const cookie = await signInAs(server, 'martin-family');
    const first = fc.oneof(
      fc
        .record({ protocol: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.jsonValue()), lastSeq: fc.option(fc.oneof(fc.nat(), fc.jsonValue()), { nil: undefined }) })
        .map((h) => JSON.stringify({ type: 'hello', ...h })),
      rawBody,
    );
    await fc.assert(
      fc.asyncProperty(first, async (text) => {
        const socket = await TestSocket.open(server.wsUrl, { cookie });
        socket.send(text);
        const answer = await socket.next((m) => m.type === 'welcome' || m.type === 'error', 10_000);
        if (answer.type === 'error') {
          expect(answer.code, text).not.toBe('internal');
          // Only a protocol mismatch closes the connection; every other refusal leaves it usable.
          if (answer.code === 'protocol_version') expect(await socket.closed()).toBe(4400);
        }
        socket.close();
        await socket.closed();
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 120_000);

  it('leaves the database intact', async () => {
    if (server.store.kind === 'sqlite') {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(server.ctx.db);
      expect(rows).toEqual([{ integrity_check: 'ok' }]);
      return;
    }
    // PostgreSQL: amcheck verifies every B-tree index of Escale's tables against its heap (it raises on damage).
    await sql`create extension if not exists amcheck`.execute(server.ctx.db);
    const { rows } = await sql<{ index: string }>`
      select c.relname as index from pg_index i
      join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
      where am.amname = 'btree' and n.nspname = 'public'`.execute(server.ctx.db);
    expect(rows.length).toBeGreaterThan(10);
    for (const { index } of rows) await sql`select bt_index_check(${index}::regclass, true)`.execute(server.ctx.db);
  });
});
