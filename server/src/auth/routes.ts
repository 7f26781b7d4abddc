/** Sign-in (demo personas for now; real accounts come with the agency console), session info, sign-out. */
import { Router } from 'express';
import {
  DemoSignInBody,
  type InvitationCheck,
  InvitationCheckBody,
  PasswordResetBody,
  PasswordResetRequest,
  SessionClockBody,
  type SessionClockInfo,
  TravellerSignInBody,
  TravellerSignUpBody,
} from '@escale/shared';
import { agencyOfInvitation } from '../agency/invitations.ts';
import { LoginAttempts } from '../agency/login-limits.ts';
import { signInWithPassword } from '../agency/password-sign-in.ts';
import { accountByEmail, issueAccountPasswordLink, RESET_PATH, resetAccountPassword, signUp } from './accounts.ts';
import type { AppContext } from '../context.ts';
import { countDemoVisitors, createDemoVisitor } from '../demo/visitors.ts';
import { HttpError, parseBody } from '../http/errors.ts';
import { perClientLimit } from '../http/rate-limit.ts';
import { requestOrigin } from '../http/trusted-proxy.ts';
import { findTraveller } from '../travellers/queries.ts';
import { endAllSessions, endSession } from './end-session.ts';
import { currentSession, currentTraveller, requireTraveller, sessionOfRequest } from './require-traveller.ts';
import { sessionInfo } from './session-info.ts';
import { ClockOutOfRange } from './session-clocks.ts';
import { clearedSessionCookie, createSession, sessionCookie } from './sessions.ts';

const clockInfo = (c: { now: Date; virtual: boolean; speed: number }): SessionClockInfo => ({ now: c.now.toISOString(), virtual: c.virtual, speed: c.speed });

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const demo = ctx.config.demo;

  // Each demo sign-in creates a traveller: limited per client address, and in total.
  const signinLimit = perClientLimit({ windowMs: 3600_000, limit: demo.signinsPerHour, what: 'demo sign-ins' });
  router.post('/session/demo', signinLimit, async (req, res) => {
    if (!ctx.config.demoMode) throw new HttpError(403, 'demo_disabled', 'Demo sign-in is switched off on this server.');
    const { personaId } = parseBody(DemoSignInBody, req.body);
    if (!ctx.personas.has(personaId)) throw new HttpError(404, 'not_found', `There is no demo traveller "${personaId}".`);
    // The browser's previous session, if any, ends here (a new token at every sign-in: no session fixation).
    const previous = await sessionOfRequest(ctx, req);
    if (previous) await endSession(ctx, previous, 'signed_out');
    if ((await countDemoVisitors(ctx.db)) >= demo.maxVisitors) {
      throw new HttpError(503, 'unavailable', 'The demo is full right now: try again in a little while.');
    }
    const now = ctx.clock.now();
    const travellerId = await createDemoVisitor(ctx.changes, personaId, now);
    const traveller = travellerId ? await findTraveller(ctx.db, travellerId) : null;
    if (!traveller) throw new HttpError(404, 'not_found', `There is no demo traveller "${personaId}".`);
    const { token } = await createSession(ctx.db, traveller.id, now, demo.sessionTtlMs, { demo: true });
    res.setHeader('Set-Cookie', sessionCookie(token, demo.sessionTtlMs, req.secure));
    res.status(201).json(await sessionInfo(ctx, traveller));
  });

  // A traveller's own account: made from an agency's invitation, then signed in with e-mail and password.
  const signedIn = async (req: Parameters<typeof sessionOfRequest>[1], res: { setHeader(name: string, value: string): void }, travellerId: string) => {
    // A new token at every sign-in; the one this browser held, if any, ends (no session fixation).
    const previous = await sessionOfRequest(ctx, req);
    if (previous) await endSession(ctx, previous, 'signed_out');
    const { token } = await createSession(ctx.db, travellerId, ctx.clock.now(), ctx.config.sessionTtlMs);
    res.setHeader('Set-Cookie', sessionCookie(token, ctx.config.sessionTtlMs, (req as { secure?: boolean }).secure ?? false));
    return sessionInfo(ctx, (await findTraveller(ctx.db, travellerId))!);
  };

  router.post('/signup/check', async (req, res) => {
    const { token } = parseBody(InvitationCheckBody, req.body);
    const agencyId = await agencyOfInvitation(ctx.db, token, ctx.clock.now());
    if (!agencyId) throw new HttpError(404, 'not_found', 'This invitation has expired or was already used: ask your agency for a new one.');
    res.json({ agency: ctx.recommender.agencyNameOf(agencyId) } satisfies InvitationCheck);
  });

  router.post('/signup', signinLimit, async (req, res) => {
    const body = parseBody(TravellerSignUpBody, req.body);
    const travellerId = await signUp(ctx, body);
    res.status(201).json(await signedIn(req, res, travellerId));
  });

  const attempts = new LoginAttempts(ctx.config.staff);
  router.post('/session', async (req, res) => {
    const { email, password } = parseBody(TravellerSignInBody, req.body);
    const account = await signInWithPassword(attempts, res, { email, password, address: req.ip ?? 'unknown', now: Date.now() }, (e) => accountByEmail(ctx, e));
    res.json(await signedIn(req, res, account.travellerId));
  });

  // Forgot my password: the same answer whether the address has an account; the link by e-mail (logged in
  // demo mode: no mail transport yet). A new password ends every session of the traveller.
  const resetLimit = perClientLimit({ windowMs: 3_600_000, limit: 10, what: 'password reset requests' });
  router.post('/password-reset', resetLimit, async (req, res) => {
    const { email } = parseBody(PasswordResetRequest, req.body);
    const token = await issueAccountPasswordLink(ctx, email, ctx.config.staff.passwordLinkTtlMs);
    if (token && ctx.config.demoMode) {
      const origin = ctx.config.allowedOrigins[0] ?? requestOrigin(req) ?? '';
      ctx.logger.info({ mail: { to: email, subject: 'Choose a new password', link: `${origin}${RESET_PATH}#${token}` } }, 'password reset e-mail (demo mode: logged, not sent)');
    }
    res.status(202).json({ message: 'If this address has an account, a link to choose a new password is on its way.' });
  });

  router.post('/password', async (req, res) => {
    const { token, password } = parseBody(PasswordResetBody, req.body);
    const travellerId = await resetAccountPassword(ctx, token, password);
    if (!travellerId) throw new HttpError(400, 'bad_request', 'This link has expired or was already used: ask for a new one.');
    await endAllSessions(ctx, travellerId);
    res.status(204).end();
  });

  // Every session of the traveller, on every device: each one's sockets close (4401).
  router.delete('/sessions', async (req, res) => {
    await endAllSessions(ctx, currentTraveller(res).id);
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  router.get('/session', requireTraveller(ctx), async (_req, res) => {
    res.json(await sessionInfo(ctx, currentTraveller(res)));
  });

  // The session's clock: read by the app; set only in demo mode (demo replays, and tests of time rules).
  router.get('/session/clock', requireTraveller(ctx), async (_req, res) => {
    const clock = await ctx.sessionClocks.forSession(currentSession(res).id);
    res.json(clockInfo({ now: clock.now(), virtual: clock.virtual, speed: clock.speed }));
  });

  router.put('/session/clock', requireTraveller(ctx), async (req, res) => {
    if (!ctx.config.demoMode) throw new HttpError(403, 'demo_disabled', 'The session clock can only be set in demo mode.');
    const body = parseBody(SessionClockBody, req.body);
    try {
      res.json(clockInfo(await ctx.sessionClocks.set(currentSession(res).id, 'reset' in body ? null : { at: new Date(body.at), speed: body.speed })));
    } catch (err) {
      if (err instanceof ClockOutOfRange) throw new HttpError(400, 'bad_request', err.message, [{ path: 'at', message: err.message }]);
      throw err;
    }
  });

  router.delete('/session', async (req, res) => {
    const session = await sessionOfRequest(ctx, req);
    if (session) await endSession(ctx, session, 'signed_out');
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  return router;
}
