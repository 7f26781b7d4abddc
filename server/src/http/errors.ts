/**
 * One error shape for every API reply, `{error:{code,message}}`, and the express handlers that produce it.
 * Unknown failures become a 500 with a generic message; the detail goes to the log, not to the client.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiError, ApiErrorCode } from '@escale/shared';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  throw new HttpError(400, 'bad_request', `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `No API route ${req.method} ${req.path}`));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** `onUnexpected` hears every failure answered 500 (the store counts its own there: store-health.ts). */
export const errorHandler = (onUnexpected: (err: unknown) => void = () => {}): ErrorRequestHandler => (err, req, res, _next) => {
  let error: HttpError;
  const bodyErr = err as BodyParserError;
  if (err instanceof HttpError) error = err;
  else if (bodyErr.type === 'entity.parse.failed') error = new HttpError(400, 'bad_json', 'The request body is not valid JSON.');
  else if (bodyErr.type === 'entity.too.large') error = new HttpError(413, 'payload_too_large', 'The request body is too large.');
  else if (bodyErr.type === 'encoding.unsupported' || bodyErr.type === 'charset.unsupported')
    error = new HttpError(415 as number, 'bad_request', 'Unsupported body encoding.');
  else if (typeof bodyErr.status === 'number' && bodyErr.status >= 400 && bodyErr.status < 500)
    error = new HttpError(bodyErr.status, 'bad_request', 'The request could not be read.');
  else {
    req.log?.error({ err }, 'unhandled error');
    onUnexpected(err);
    error = new HttpError(500, 'internal', 'Something went wrong on our side.');
  }
  const body: ApiError = { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
  res.status(error.status).json(body);
};
