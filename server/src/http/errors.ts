/**
 * One error shape for every API reply, `{error:{code,message,issues?}}` with a code from `ApiErrorCode`,
 * and the express handlers that produce it. Unknown failures become a 500 with a generic message; the
 * detail goes to the log, not to the client.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { issuesSentence, validationIssues, type ApiError, type ApiErrorCode, type ValidationIssue } from '@escale/shared';
import type { z } from 'zod';
import { isStoreUnreachable } from '../store/dialect.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
  }
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = validationIssues(parsed.error, '(body)');
  throw new HttpError(400, 'bad_request', `Invalid request: ${issuesSentence(issues)}`, issues);
}

/** A query string checked against its schema, or a 400 naming each wrong parameter, as parseBody does. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issues = validationIssues(parsed.error, '(query)');
  throw new HttpError(400, 'bad_request', `Invalid query: ${issuesSentence(issues)}`, issues);
}

/** A route's `:id`, or a 404 saying `notFound` (an id no record could have is answered like an unknown one). */
export function idParam(req: { params: Record<string, unknown> }, notFound: string): string {
  const id = req.params.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new HttpError(404, 'not_found', notFound);
  return id;
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `No API route ${req.method} ${req.path}`));
};

/**
 * A plain HTTP request to a WebSocket endpoint: 426 with the protocol to switch to (RFC 9110 §15.5.22
 * requires the Upgrade header), in the error shape, rather than the HTML 404 of a path nothing serves.
 */
export const upgradeRequired: RequestHandler = (_req, res, next) => {
  res.setHeader('Upgrade', 'websocket');
  res.setHeader('Connection', 'Upgrade');
  next(new HttpError(426, 'upgrade_required', 'This is the live channel: open it as a WebSocket.'));
};

/** An error from express or body-parser (the http-errors shape): `expose` means its message is meant for the client. */
interface ClientError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/** The code a 4xx without one of ours gets, so a status and its code never disagree (a 403 is not a bad_request). */
const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  426: 'upgrade_required',
  429: 'rate_limited',
};

/** `onUnexpected` hears every failure answered 500 (the store counts its own there: store-health.ts). */
export const errorHandler =
  (onUnexpected: (err: unknown) => void = () => {}): ErrorRequestHandler =>
  (err, req, res, _next) => {
    let error: HttpError;
    const clientErr = err as ClientError;
    if (err instanceof HttpError) error = err;
    else if (clientErr.type === 'entity.parse.failed') error = new HttpError(400, 'bad_json', 'The request body is not valid JSON.');
    else if (clientErr.type === 'entity.too.large') error = new HttpError(413, 'payload_too_large', 'The request body is too large.');
    else if (clientErr.type === 'encoding.unsupported' || clientErr.type === 'charset.unsupported')
      error = new HttpError(415, 'unsupported_media_type', 'Unsupported body charset or Content-Encoding: send the JSON as UTF-8.');
    else if (typeof clientErr.status === 'number' && clientErr.status >= 400 && clientErr.status < 500) {
      const message = clientErr.expose && clientErr.message ? `${clientErr.message}.` : 'The request could not be read.';
      error = new HttpError(clientErr.status, CODE_BY_STATUS[clientErr.status] ?? 'bad_request', message);
    } else if (isStoreUnreachable(err)) {
      req.log?.warn({ code: (err as { code?: unknown }).code }, 'the database cannot be reached');
      onUnexpected(err);
      error = new HttpError(503, 'unavailable', 'The server cannot reach its database right now; try again shortly.');
    } else {
      req.log?.error({ err }, 'unhandled error');
      onUnexpected(err);
      error = new HttpError(500, 'internal', 'Something went wrong on our side.');
    }
    const body: ApiError = { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    res.status(error.status).json(body);
  };
