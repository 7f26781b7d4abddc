/**
 * CSRF protection for cookie-authenticated writes (OWASP: verify the origin with standard headers). A
 * browser sends `Origin` on every cross-origin POST, PUT and DELETE (and `Sec-Fetch-Site`); a write whose
 * origin is neither this server's nor an allowed one is refused before any route runs, whatever cookie it
 * carries. A request without either header comes from no browser, so carries no victim's cookie. SameSite
 * cookies are the second layer.
 */
import type { RequestHandler } from 'express';
import { originAllowed } from '../realtime/upgrade.ts';
import { HttpError } from './errors.ts';
import { requestOrigin } from './trusted-proxy.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sameOriginWrites(allowedOrigins: string[]): RequestHandler {
  return (req, _res, next) => {
    if (!WRITES.has(req.method)) return next();
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    if (site === 'cross-site' || !originAllowed(origin, requestOrigin(req), allowedOrigins)) {
      return next(new HttpError(403, 'forbidden', 'A change sent from another site was refused (cross-site request).'));
    }
    next();
  };
}
