/**
 * The agency console's accounts over HTTP: sign-in and out (here and everywhere), the staff of the agency
 * (admin), "forgot my password" and choosing a password from a one-time link, and the console's overview.
 * Who may call each route is the contract's `staff` role, enforced by agency/access.ts; every query below
 * is scoped to `currentStaff(res).member.agencyId`.
 */
import { Router } from 'express';
import {
  type AgencyOverview,
  type AgencyRankingBody,
  AgencyRankingPatch,
  DEFAULT_AGENCY_RANKING,
  PROMOTION_LIFT_MAX,
  WEIGHT_BOUNDS,
  type DemoStaffList,
  InvitationCreateBody,
  type InvitationCreated,
  type InvitationList,
  PasswordResetBody,
  PreviewBody,
  PasswordResetRequest,
  type StaffCreated,
  StaffCreateBody,
  type StaffList,
  StaffRoleBody,
  type StaffSessionInfo,
  StaffSignInBody,
} from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError, idParam, parseBody } from '../http/errors.ts';
import { perClientLimit } from '../http/rate-limit.ts';
import { requestOrigin } from '../http/trusted-proxy.ts';
import { currentStaff } from './access.ts';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from './demo-staff.ts';
import { createInvitation, invitationUrl, listInvitations } from './invitations.ts';
import { LoginAttempts } from './login-limits.ts';
import { preview } from './preview.ts';
import { updateAgencyRanking } from './ranking.ts';
import { issuePasswordLink, passwordLinkUrl, redeemPasswordLink } from './password-links.ts';
import { signInWithPassword } from './password-sign-in.ts';
import { hashPassword } from './passwords.ts';
import { addStaff, countAdmins, listStaff, memberOf, type StaffAccount, staffByEmail, staffById, staffInAgency, setStaffPassword } from './staff.ts';
import { clearedStaffCookie, createStaffSession, endAllStaffSessions, endStaffSession, staffCookie, staffSessionOfCookie } from './staff-sessions.ts';

export function agencyRoutes(ctx: AppContext): Router {
  const router = Router();
  const { staff: limits } = ctx.config;
  const attempts = new LoginAttempts(limits);
  const agencyName = (id: string) => ctx.recommender.agencyNameOf(id);
  const info = (m: StaffAccount): StaffSessionInfo => ({ staff: { id: m.id, name: m.name, email: m.email, role: m.role }, agency: { id: m.agencyId, name: agencyName(m.agencyId) } });
  // Links are made for the configured public origin when there is one, never from a Host header alone
  // when it is not (a forged Host would otherwise send the link to another site).
  const originFor = (req: Parameters<typeof requestOrigin>[0]) => ctx.config.allowedOrigins[0] ?? requestOrigin(req) ?? '';

  router.get('/agency/demo-accounts', (_req, res) => {
    if (!ctx.config.demoMode) throw new HttpError(403, 'demo_disabled', 'There are no demo accounts: demo mode is off on this server.');
    res.json({ accounts: DEMO_STAFF.map(({ email, role, name }) => ({ email, role, name })), password: DEMO_STAFF_PASSWORD } satisfies DemoStaffList);
  });

  router.post('/agency/session', async (req, res) => {
    const { email, password } = parseBody(StaffSignInBody, req.body);
    const now = ctx.clock.now();
    const member = await signInWithPassword(attempts, res, { email, password, address: req.ip ?? 'unknown', now: now.getTime() }, (e) => staffByEmail(ctx.db, e));
    // A new token at every sign-in; the one this browser held, if any, ends (no session fixation).
    const previous = await staffSessionOfCookie(ctx.db, req.headers.cookie, now);
    if (previous) await endStaffSession(ctx.db, previous.id);
    const token = await createStaffSession(ctx.db, member.id, now, limits.sessionTtlMs);
    res.setHeader('Set-Cookie', staffCookie(token, limits.sessionTtlMs, req.secure));
    res.json(info(member));
  });

  router.get('/agency/session', (_req, res) => {
    res.json(info(currentStaff(res).member));
  });

  router.delete('/agency/session', async (req, res) => {
    const session = await staffSessionOfCookie(ctx.db, req.headers.cookie, ctx.clock.now());
    if (session) await endStaffSession(ctx.db, session.id);
    res.setHeader('Set-Cookie', clearedStaffCookie(req.secure));
    res.status(204).end();
  });

  router.delete('/agency/sessions', async (req, res) => {
    await endAllStaffSessions(ctx.db, currentStaff(res).member.id);
    res.setHeader('Set-Cookie', clearedStaffCookie(req.secure));
    res.status(204).end();
  });

  router.get('/agency/overview', async (_req, res) => {
    const agencyId = currentStaff(res).member.agencyId;
    const count = async (table: 'places' | 'events' | 'offers' | 'staff' | 'travellers') => {
      const q = ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', agencyId);
      // Demo visitors are the demo's, not the agency's clientele.
      const row = await (table === 'travellers' ? q.where('ephemeral', '=', 0).where('persona_id', 'is', null) : q).executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const [places, events, offers, staff, travellers] = await Promise.all([count('places'), count('events'), count('offers'), count('staff'), count('travellers')]);
    res.json({ agency: { id: agencyId, name: agencyName(agencyId) }, counts: { places, events, offers, staff, travellers } } satisfies AgencyOverview);
  });

  router.get('/agency/staff', async (_req, res) => {
    res.json({ staff: (await listStaff(ctx.db, currentStaff(res).member.agencyId)).map(memberOf) } satisfies StaffList);
  });

  router.post('/agency/staff', async (req, res) => {
    const body = parseBody(StaffCreateBody, req.body);
    const now = ctx.clock.now();
    const added = await addStaff(ctx.db, currentStaff(res).member.agencyId, body, now);
    // Said the same whichever agency holds the address: nothing leaks across tenants.
    if (!added) throw new HttpError(409, 'conflict', `${body.email} already has a console account.`);
    const token = await issuePasswordLink(ctx.db, added.id, now, limits.passwordLinkTtlMs);
    res.status(201).json({ member: memberOf(added), setPasswordUrl: passwordLinkUrl(originFor(req), token) } satisfies StaffCreated);
  });

  router.put('/agency/staff/:id/role', async (req, res) => {
    const { role } = parseBody(StaffRoleBody, req.body);
    const agencyId = currentStaff(res).member.agencyId;
    const member = await staffInAgency(ctx.db, agencyId, idParam(req, 'No such staff member in your agency.'));
    if (!member) throw new HttpError(404, 'not_found', 'No such staff member in your agency.');
    if (member.role === 'admin' && role !== 'admin' && (await countAdmins(ctx.db, agencyId)) <= 1) {
      throw new HttpError(409, 'conflict', 'The agency needs at least one admin: make someone else admin first.');
    }
    await ctx.db.updateTable('staff').set({ role }).where('id', '=', member.id).where('agency_id', '=', agencyId).execute();
    res.json(memberOf((await staffInAgency(ctx.db, agencyId, member.id))!));
  });

  router.delete('/agency/staff/:id', async (req, res) => {
    const agencyId = currentStaff(res).member.agencyId;
    const member = await staffInAgency(ctx.db, agencyId, idParam(req, 'No such staff member in your agency.'));
    if (!member) throw new HttpError(404, 'not_found', 'No such staff member in your agency.');
    if (member.role === 'admin' && (await countAdmins(ctx.db, agencyId)) <= 1) {
      throw new HttpError(409, 'conflict', 'The agency needs at least one admin: make someone else admin first.');
    }
    // Their sessions and links go with the row (foreign keys cascade).
    await ctx.db.deleteFrom('staff').where('id', '=', member.id).where('agency_id', '=', agencyId).execute();
    res.status(204).end();
  });

  // How the ranking is tuned for the agency's travellers: read by all staff, changed by admins.
  const rankingBody = (settings: AgencyRankingBody['settings']): AgencyRankingBody => ({ settings, defaults: DEFAULT_AGENCY_RANKING, bounds: WEIGHT_BOUNDS, promotionLiftMax: PROMOTION_LIFT_MAX });
  router.get('/agency/ranking', (_req, res) => {
    res.json(rankingBody(ctx.recommender.agencyRankingOf(currentStaff(res).member.agencyId)));
  });

  router.put('/agency/ranking', async (req, res) => {
    const patch = parseBody(AgencyRankingPatch, req.body);
    res.json(rankingBody(await updateAgencyRanking(ctx, currentStaff(res).member.agencyId, patch)));
  });

  // What a persona, or an anonymous traveller, would be suggested here and now, and why.
  router.post('/agency/preview', (req, res) => {
    res.json(preview(ctx, currentStaff(res).member.agencyId, parseBody(PreviewBody, req.body)));
  });

  // The agency's clientele joins through invitation links, made by editors and admins.
  router.get('/agency/invitations', async (_req, res) => {
    res.json({ invitations: await listInvitations(ctx.db, currentStaff(res).member.agencyId) } satisfies InvitationList);
  });

  router.post('/agency/invitations', async (req, res) => {
    const { note } = parseBody(InvitationCreateBody, req.body);
    const { invitation, token } = await createInvitation(ctx.db, currentStaff(res).member.agencyId, note, ctx.clock.now(), limits.invitationTtlMs);
    res.status(201).json({ invitation, url: invitationUrl(originFor(req), token) } satisfies InvitationCreated);
  });

  // Forgot my password: answered the same whether the address has an account (no enumeration), limited.
  const resetLimit = perClientLimit({ windowMs: 3_600_000, limit: 10, what: 'password reset requests' });
  router.post('/agency/password-reset', resetLimit, async (req, res) => {
    const { email } = parseBody(PasswordResetRequest, req.body);
    const member = await staffByEmail(ctx.db, email);
    if (member) {
      const token = await issuePasswordLink(ctx.db, member.id, ctx.clock.now(), limits.passwordLinkTtlMs);
      // No mail transport yet: in demo mode the e-mail is written to the log, as development needs it;
      // otherwise only the fact is, and an admin gives a new link from the Staff page.
      if (ctx.config.demoMode)
        ctx.logger.info({ mail: { to: email, subject: 'Choose a new password', link: passwordLinkUrl(originFor(req), token) } }, 'password reset e-mail (demo mode: logged, not sent)');
      else ctx.logger.info({ staffId: member.id }, 'password reset requested (no mail transport: an admin can give a new link)');
    }
    res.status(202).json({ message: 'If this address has an account, a link to choose a new password is on its way.' });
  });

  router.post('/agency/password', async (req, res) => {
    const { token, password } = parseBody(PasswordResetBody, req.body);
    const staffId = await redeemPasswordLink(ctx.db, token, ctx.clock.now());
    const member = staffId ? await staffById(ctx.db, staffId) : null;
    if (!member) throw new HttpError(400, 'bad_request', 'This link has expired or was already used: ask for a new one.');
    await setStaffPassword(ctx.db, member.id, await hashPassword(password));
    // A new password ends every session: whoever knew the old one is out.
    await endAllStaffSessions(ctx.db, member.id);
    res.status(204).end();
  });

  return router;
}
