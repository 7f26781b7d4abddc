/** Resolves the session cookie to a traveller once, for every route that needs one. */
import type { RequestHandler } from 'express';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';
import { findTraveller } from '../travellers/queries.ts';
import { tokenFromCookieHeader, travellerForToken } from './sessions.ts';

export function requireTraveller(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const id = await travellerForToken(ctx.db, tokenFromCookieHeader(req.headers.cookie), ctx.clock.now());
    const traveller = id ? await findTraveller(ctx.db, id) : null;
    if (!traveller) throw new HttpError(401, 'unauthenticated', 'Sign in first.');
    res.locals.traveller = traveller;
    next();
  };
}

export function currentTraveller(res: { locals: Record<string, unknown> }): Traveller {
  return res.locals.traveller as Traveller;
}

