import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, HealthResponse, PersonaList, PlacesCollection, SessionInfo } from '@escale/shared';
import { signInAs, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init);
const post = (path: string, body: string, headers: Record<string, string> = {}) => api(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = ApiError.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  return body;
}

describe('REST API', () => {
  it('reports the loaded catalogue and graph in /api/health', async () => {
    const health = HealthResponse.parse(await (await api('/health')).json());
    expect(health.catalogue.places).toBeGreaterThanOrEqual(300);
    expect(health.catalogue.offers).toBeGreaterThanOrEqual(20);
    expect(health.catalogue.events).toBeGreaterThan(0);
    expect(health.graph.nodes).toMatchObject({ place: health.catalogue.places, traveller: expect.any(Number) });
    // The three personas and the seeded demo travellers (data/paris/demo-travellers.json) the taste walk goes through.
    expect(health.graph.nodes.traveller).toBeGreaterThanOrEqual(3 + 120);
    for (const type of ['in_category', 'tagged', 'in_area', 'area_neighbour', 'in_city', 'held_at', 'interaction']) {
      expect(health.graph.edges[type], type).toBeGreaterThan(0);
    }
  });

  it('lists the three demo travellers', async () => {
    const { personas } = PersonaList.parse(await (await api('/personas')).json());
    expect(personas.map((p) => p.name.en)).toEqual(expect.arrayContaining(['Léa', 'The Martins', 'Marc']));
    expect(personas.find((p) => p.id === 'martin-family')?.name.fr).toBe('Les Martin');
  });

  it('serves every place as GeoJSON for the map', async () => {
    const places = PlacesCollection.parse(await (await api('/places')).json());
    expect(places.features.length).toBeGreaterThanOrEqual(300);
  });

  it('signs in a demo traveller with an httpOnly cookie and answers who is signed in', async () => {
    const res = await post('/session/demo', JSON.stringify({ personaId: 'lea' }));
    expect(res.status).toBe(201);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/escale_session=[\w-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const session = SessionInfo.parse(await (await api('/session', { headers: { cookie } })).json());
    // A private traveller of the visitor's own, copied from the persona (tests/integration/demo-visitors.test.ts).
    expect(session.traveller).toMatchObject({ id: expect.stringMatching(/^lea~[\w-]{12}$/), name: 'Léa', cityId: 'paris' });
    expect(session.traveller.startPosition).not.toBeNull();
  });

  it('ends the session on sign-out', async () => {
    const cookie = await signInAs(server, 'marc');
    expect((await api('/session', { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    await expectError(await api('/session', { headers: { cookie } }), 401, 'unauthenticated');
  });

  it('answers 401 without a session', async () => {
    await expectError(await api('/session'), 401, 'unauthenticated');
  });

  it('refuses malformed JSON, wrong shapes and unknown personas with a code and a sentence', async () => {
    await expectError(await post('/session/demo', '{"personaId":'), 400, 'bad_json');
    const shape = await expectError(await post('/session/demo', JSON.stringify({ personaId: 42 })), 400, 'bad_request');
    expect(shape.error.issues?.[0]?.path).toBe('personaId');
    await expectError(await post('/session/demo', JSON.stringify({ personaId: 'lea', admin: true })), 400, 'bad_request');
    await expectError(await post('/session/demo', JSON.stringify({ personaId: 'nobody' })), 404, 'not_found');
  });

  it('explains a refused session clock by the problem of the shape the client meant', async () => {
    const cookie = await signInAs(server, 'lea');
    const setClock = (body: unknown) => api('/session/clock', { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const yesterday = await expectError(await setClock({ at: 'yesterday' }), 400, 'bad_request');
    expect(yesterday.error.message).toBe('Invalid request: at: Invalid ISO datetime');
    const fast = await expectError(await setClock({ at: '2026-11-24T18:00:00+01:00', speed: 'fast' }), 400, 'bad_request');
    expect(fast.error.issues).toEqual([{ path: 'speed', message: 'Invalid input: expected number, received string' }]);
    const empty = await expectError(await setClock({}), 400, 'bad_request');
    expect(empty.error.message).toMatch(/expected either \(at: .+\) or \(reset: .+\)/);
  });

  it('refuses a body larger than the limit with 413', async () => {
    await expectError(await post('/session/demo', JSON.stringify({ personaId: 'x'.repeat(100_000) })), 413, 'payload_too_large');
  });

  it('refuses a body that is not JSON with 415 before any route reads it', async () => {
    const body = JSON.stringify({ personaId: 'lea' });
    const asText = await expectError(await post('/session/demo', body, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    expect(asText.error.message).toMatch(/application\/json/);
    const cookie = await signInAs(server, 'lea');
    const form = await api('/push-settings', { method: 'PUT', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'repeatSameDay=true' });
    await expectError(form, 415, 'unsupported_media_type');
    await expectError(await api('/session/demo', { method: 'POST', body: new Uint8Array(Buffer.from(body)) }), 415, 'unsupported_media_type');
    await expectError(await post('/session/demo', body, { 'content-type': 'application/json; charset=latin1' }), 415, 'unsupported_media_type');
    expect((await post('/session/demo', body, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it('lets a write without a body through, whatever its content type says', async () => {
    const cookie = await signInAs(server, 'marc');
    const signOut = await api('/session', { method: 'DELETE', headers: { cookie, 'content-type': 'text/plain' }, body: '' });
    expect(signOut.status).toBe(204);
    // An empty sign-in reaches the route and is answered by its validation, not as a media type.
    await expectError(await api('/session/demo', { method: 'POST' }), 400, 'bad_request');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    await expectError(await api('/nope'), 404, 'not_found');
  });

  it('answers a plain HTTP request to the live channel with 426, the error shape and the protocol to use', async () => {
    const res = await fetch(`${server.url}/ws`);
    await expectError(res, 426, 'upgrade_required');
    expect(res.headers.get('upgrade')).toBe('websocket');
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await api('/health');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends Strict-Transport-Security over a secure connection only', async () => {
    expect((await api('/health')).headers.get('strict-transport-security')).toBeNull();
    // The test client is on loopback, where a TLS-terminating proxy is trusted to say the scheme.
    const overTls = await api('/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('demo sign-in limits', () => {
  it('limits demo sign-ins per client address with a 429 in the usual shape and a Retry-After', async () => {
    const limited = await startTestServer({ env: { DEMO_SIGNINS_PER_HOUR: '3' } });
    try {
      const signIn = () => fetch(`${limited.url}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personaId":"lea"}' });
      for (let i = 0; i < 3; i++) expect((await signIn()).status).toBe(201);
      const refused = await signIn();
      await expectError(refused, 429, 'rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.ctx.db.selectFrom('travellers').select('id').where('ephemeral', '=', 1).execute()).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });

  it('refuses a demo sign-in with 503 while the demo holds as many visitors as allowed', async () => {
    const full = await startTestServer({ env: { DEMO_MAX_VISITORS: '2' } });
    try {
      const signIn = () => fetch(`${full.url}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personaId":"marc"}' });
      const first = await signIn();
      expect((await signIn()).status).toBe(201);
      await expectError(await signIn(), 503, 'unavailable');
      // One visitor signs out: there is room again.
      const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`${full.url}/api/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
      expect((await signIn()).status).toBe(201);
    } finally {
      await full.close();
    }
  });
});

describe('demo mode switched off', () => {
  it('refuses demo sign-in and the persona list', async () => {
    const closed = await startTestServer({ env: { DEMO_MODE: 'false' } });
    try {
      const res = await fetch(`${closed.url}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personaId":"lea"}' });
      await expectError(res, 403, 'demo_disabled');
      await expectError(await fetch(`${closed.url}/api/personas`), 403, 'demo_disabled');
    } finally {
      await closed.close();
    }
  });
});
