/**
 * How /api reads request bodies: JSON only, within a size limit. A body of another media type is refused
 * with 415 here, once, instead of reaching a route as an empty body and failing its validation.
 */
import express, { type RequestHandler } from 'express';
import { HttpError } from './errors.ts';
import { IMPORT_PATH } from '../wallet/routes.ts';
import { CATALOGUE_IMPORT_PATH } from '../catalogue/editing/routes.ts';

const BODY_LIMIT = '64kb';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A chunked body, or a declared length above zero: sign-out (DELETE, nothing sent) has no body to check. */
function hasBody(req: express.Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Routes that take a file as it is (a wallet import, up to 10 MB; a catalogue import, up to 64 MB), each
 * read by its own route within its own limit: everything else is JSON.
 */
const RAW_FILE_PATHS = new Set([IMPORT_PATH, CATALOGUE_IMPORT_PATH]);

const refuseOtherMediaTypes: RequestHandler = (req, _res, next) => {
  if (RAW_FILE_PATHS.has(req.path) && req.method === 'POST' && req.is('application/octet-stream')) return next();
  // req.is uses the same matcher as express.json, so what passes here is what it parses.
  if (WRITES.has(req.method) && hasBody(req) && !req.is('application/json')) {
    next(new HttpError(415, 'unsupported_media_type', 'Send the request body as JSON, with Content-Type: application/json.'));
    return;
  }
  next();
};

export function jsonBody(): RequestHandler[] {
  return [refuseOtherMediaTypes, express.json({ limit: BODY_LIMIT })];
}
