/** Resolves the session cookie to a session and its traveller once, for every route that needs one. */
import type { RequestHandler } from 'express';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';
import { findTraveller } from '../travellers/queries.ts';
import { sessionForToken, tokenFromCookieHeader, type Session } from './sessions.ts';

/** The request's live session, or null (see sessions.ts for what "live" means). */
export function sessionOfRequest(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, req: { headers: { cookie?: string | undefined } }): Promise<Session | null> {
  return sessionForToken(ctx.db, tokenFromCookieHeader(req.headers.cookie), ctx.clock.now(), ctx.config);
}

export function requireTraveller(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    // The access guard (agency/access.ts) already resolved it for this request.
    if (res.locals.traveller) return next();
    const session = await sessionOfRequest(ctx, req);
    const traveller = session ? await findTraveller(ctx.db, session.travellerId) : null;
    if (!session || !traveller) throw new HttpError(401, 'unauthenticated', 'Sign in first.');
    res.locals.session = session;
    res.locals.traveller = traveller;
    next();
  };
}

export function currentTraveller(res: { locals: Record<string, unknown> }): Traveller {
  return res.locals.traveller as Traveller;
}

export function currentSession(res: { locals: Record<string, unknown> }): Session {
  return res.locals.session as Session;
}
