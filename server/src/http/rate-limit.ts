/**
 * A per-client-address request limit for routes that create something (a demo sign-in creates a traveller),
 * answered in the API's one error shape with a Retry-After. express-rate-limit counts in memory per
 * instance; behind a load balancer each instance counts its own share (docs/SECURITY.md).
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './errors.ts';

export function perClientLimit(options: { windowMs: number; limit: number; what: string }): RequestHandler {
  const minutes = Math.round(options.windowMs / 60_000);
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    // The draft-8 RateLimit headers tell a well-behaved client how much is left; Retry-After comes with a 429.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const wait = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : null;
      next(new HttpError(429, 'rate_limited', `Too many ${options.what} from your address: at most ${options.limit} per ${minutes} minutes.${wait === null ? '' : ` Try again in ${wait} s.`}`));
    },
  });
}
