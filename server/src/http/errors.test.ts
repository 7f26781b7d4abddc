import type { Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@escale/shared';
import { errorHandler, HttpError } from './errors.ts';

/** Runs the error handler on `err` and returns the status and the parsed body it answered with. */
function answer(err: unknown) {
  const reply = { status: 0, body: undefined as unknown };
  const res = {
    status(code: number) {
      reply.status = code;
      return this;
    },
    json(body: unknown) {
      reply.body = body;
      return this;
    },
  };
  const log = { error: vi.fn() };
  errorHandler()(err, { log } as unknown as Request, res as unknown as Response, () => {});
  return { status: reply.status, error: ApiError.parse(reply.body).error, logged: log.error.mock.calls.length };
}

describe('the error handler', () => {
  it('answers an HttpError as it says, issues included', () => {
    const issues = [{ path: 'at', message: 'Invalid ISO datetime' }];
    expect(answer(new HttpError(400, 'bad_request', 'Invalid request: at: Invalid ISO datetime', issues))).toMatchObject({
      status: 400,
      error: { code: 'bad_request', issues },
    });
  });

  it.each([
    ['unparsable JSON', { type: 'entity.parse.failed', status: 400 }, 400, 'bad_json'],
    ['a body over the limit', { type: 'entity.too.large', status: 413 }, 413, 'payload_too_large'],
    ['an unsupported charset', { type: 'charset.unsupported', status: 415 }, 415, 'unsupported_media_type'],
    ['an unsupported Content-Encoding', { type: 'encoding.unsupported', status: 415 }, 415, 'unsupported_media_type'],
    ['an aborted request', { type: 'request.aborted', status: 400, expose: true, message: 'request aborted' }, 400, 'bad_request'],
    ['a refused body signature', { type: 'entity.verify.failed', status: 403, expose: true, message: 'Forbidden' }, 403, 'forbidden'],
    ['a missing file', { status: 404, expose: true, message: 'Not Found' }, 404, 'not_found'],
  ])('answers %s with its status and the code that names it', (_what, err, status, code) => {
    expect(answer(err)).toMatchObject({ status, error: { code }, logged: 0 });
  });

  it('answers anything else with a generic 500 and logs the detail', () => {
    const reply = answer(new Error('database is locked at /var/lib/escale'));
    expect(reply).toMatchObject({ status: 500, error: { code: 'internal' }, logged: 1 });
    expect(reply.error.message).not.toMatch(/database/);
  });
});
