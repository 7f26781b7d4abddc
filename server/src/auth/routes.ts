/** Sign-in (demo personas for now; real accounts come with the agency console), session info, sign-out. */
import { Router } from 'express';
import { DemoSignInBody, SessionClockBody, type SessionClockInfo, type SessionInfo } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError, parseBody } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';
import { findTraveller } from '../travellers/queries.ts';
import { currentTraveller, requireTraveller } from './require-traveller.ts';
import { clearedSessionCookie, createSession, endSession, sessionCookie, sessionForToken, tokenFromCookieHeader } from './sessions.ts';

async function sessionInfo(ctx: AppContext, t: Traveller): Promise<SessionInfo> {
  const saved = t.consents.location
    ? await ctx.db.selectFrom('positions').select(['lat', 'lon']).where('traveller_id', '=', t.id).executeTakeFirst()
    : undefined;
  const persona = t.personaId ? ctx.personas.get(t.personaId) : undefined;
  return {
    traveller: {
      id: t.id,
      name: t.name,
      cityId: t.cityId,
      locale: t.locale,
      startPosition: saved ?? persona?.startPosition ?? null,
    },
    consents: t.consents,
  };
}

export function authRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/session/demo', async (req, res) => {
    if (!ctx.config.demoMode) throw new HttpError(403, 'demo_disabled', 'Demo sign-in is switched off on this server.');
    const { personaId } = parseBody(DemoSignInBody, req.body);
    const traveller = ctx.personas.has(personaId) ? await findTraveller(ctx.db, personaId) : null;
    if (!traveller) throw new HttpError(404, 'not_found', `There is no demo traveller "${personaId}".`);
    // A new token at every sign-in (no session fixation); the previous one, if any, ends here.
    await endSession(ctx.db, tokenFromCookieHeader(req.headers.cookie));
    const { token, expiresAt } = await createSession(ctx.db, traveller.id, ctx.clock.now(), ctx.config.sessionTtlMs);
    res.setHeader('Set-Cookie', sessionCookie(token, expiresAt, req.secure));
    res.status(201).json(await sessionInfo(ctx, traveller));
  });

  router.get('/session', requireTraveller(ctx), async (_req, res) => {
    res.json(await sessionInfo(ctx, currentTraveller(res)));
  });

  // The session's clock: read by the app; set only in demo mode (demo replays, and tests of time rules).
  router.get('/session/clock', requireTraveller(ctx), async (req, res) => {
    const session = await sessionForToken(ctx.db, tokenFromCookieHeader(req.headers.cookie), ctx.clock.now());
    const clock = await ctx.sessionClocks.forSession(session!.id);
    res.json({ now: clock.now().toISOString(), virtual: clock.virtual, speed: clock.speed } satisfies SessionClockInfo);
  });

  router.put('/session/clock', requireTraveller(ctx), async (req, res) => {
    if (!ctx.config.demoMode) throw new HttpError(403, 'demo_disabled', 'The session clock can only be set in demo mode.');
    const body = parseBody(SessionClockBody, req.body);
    const session = await sessionForToken(ctx.db, tokenFromCookieHeader(req.headers.cookie), ctx.clock.now());
    const info = await ctx.sessionClocks.set(session!.id, 'reset' in body ? null : { at: new Date(body.at), speed: body.speed });
    res.json({ now: info.now.toISOString(), virtual: info.virtual, speed: info.speed } satisfies SessionClockInfo);
  });

  router.delete('/session', async (req, res) => {
    const token = tokenFromCookieHeader(req.headers.cookie);
    const session = await sessionForToken(ctx.db, token, ctx.clock.now());
    if (session) ctx.sessionClocks.forget(session.id);
    await endSession(ctx.db, token);
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  return router;
}
