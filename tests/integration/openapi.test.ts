import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, expressPath } from '@escale/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

type Operation = { requestBody?: unknown; responses: Record<string, { content?: { 'application/json': { schema: Record<string, unknown> } } }>; security?: unknown };

describe('GET /api/openapi.json', () => {
  it('documents exactly the REST routes the server mounts, from the shared contract', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    const mounted = server.routes
      .filter((r) => r.path.startsWith('/api/'))
      .map((r) => {
        const route = API_ROUTES.find((a) => a.method === r.method && expressPath(a) === r.path);
        return route ? `${route.method} ${route.path}` : `${r.method} ${r.path} (not documented)`;
      })
      .sort();
    expect(documented).toEqual(mounted);
  });

  it('carries the bodies, responses and errors from the zod schemas', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
    const signIn = doc.paths['/api/session/demo']!.post!;
    expect(signIn.requestBody).toMatchObject({ content: { 'application/json': { schema: { type: 'object', properties: { personaId: { type: 'string' } } } } } });
    expect(signIn.responses['201']!.content!['application/json'].schema).toMatchObject({ type: 'object', properties: { traveller: { type: 'object' } } });
    expect(signIn.responses['400']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });
    expect(doc.paths['/api/push-settings']!.put!.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/push-settings']!.put!.responses['401']).toBeDefined();
    expect(doc.paths['/api/places/{id}']!.get!.responses['404']).toBeDefined();
    expect(doc.components.schemas.ApiError).toMatchObject({ type: 'object', properties: { error: { type: 'object' } } });
  });
});
