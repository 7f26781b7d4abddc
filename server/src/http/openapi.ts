/**
 * GET /api/openapi.json: the REST API as OpenAPI 3.1, generated from the shared contract (`API_ROUTES` and
 * its zod schemas, through zod's own JSON Schema output), so what is documented is what is validated.
 */
import { Router } from 'express';
import { z } from 'zod';
import { API_ROUTES, ApiError } from '@escale/shared';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });
const ERROR_TEXT: Record<number, string> = {
  400: 'invalid request (`bad_request`, with `issues`)',
  401: 'not signed in (`unauthenticated`)',
  403: 'not allowed (e.g. demo mode off)',
  404: 'not found',
  409: 'conflict (`sold_out`; `idempotency_conflict`: the Idempotency-Key was used for another request)',
  412: 'the booking changed since the If-Match revision (`conflict`): nothing was changed',
  413: 'the file is too large (`import_refused`)',
  415: 'not a format Escale reads (`import_refused`, `unsupported_media_type`)',
  422: 'the file could not be read (`import_refused`, with its `reason`)',
  429: 'too many requests',
};

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.ok)) {
      responses[status] = r.schema ? { description: r.description, content: { [r.mediaType ?? 'application/json']: { schema: json(r.schema) } } } : { description: r.description };
    }
    for (const status of [...route.errors, ...(route.session || route.staff ? [401] : []), ...(route.staff && route.staff !== 'viewer' ? [403] : [])])
      responses[String(status)] = errorResponse(ERROR_TEXT[status] ?? 'error');
    responses.default = errorResponse('any other error, in the same shape');
    const parameters: Record<string, unknown>[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (route.query) {
      const schema = json(route.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(schema.properties ?? {})) parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property });
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(route.session ? { security: [{ session: [] }] } : route.staff ? { security: [{ staffSession: [] }], 'x-staff-role': route.staff } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(route.body) } } } } : {}),
      ...(route.fileBody ? { requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Escale API', version, license: { name: 'MIT', identifier: 'MIT' } },
    paths,
    components: {
      schemas: { ApiError: json(ApiError) },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'escale_session' }, staffSession: { type: 'apiKey', in: 'cookie', name: 'escale_staff' } },
    },
  };
}

export function openApiRoutes(version: string): Router {
  const router = Router();
  // Built once: the contract does not change while the server runs.
  const document = openApiDocument(version);
  router.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(document);
  });
  return router;
}
