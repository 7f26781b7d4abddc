/**
 * Travellers with an account of their own, on both stores: an agency's editor makes an invitation link; a
 * client makes their account from it (joining that agency, every consent off, invited to the onboarding),
 * once; they sign in and out with e-mail and password, everywhere at once if they ask; erasure takes the
 * account with it.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, InvitationCheck, InvitationCreated, InvitationList, MyData, SessionInfo } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { callApi as call, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let editor: string;
const logLines: string[] = [];
beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }) });
  const res = await call(server.url, '', 'POST', '/api/agency/session', { email: 'sophie@escale-demo.example', password: DEMO_STAFF_PASSWORD });
  editor = res.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await server.close();
});

const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

async function invite(note = 'A client'): Promise<{ token: string; created: InvitationCreated }> {
  const res = await call(server.url, editor, 'POST', '/api/agency/invitations', { note });
  expect(res.status).toBe(201);
  const created = (await res.json()) as InvitationCreated;
  return { token: new URL(created.url).hash.slice(1), created };
}

const signUp = (token: string, email: string, name = 'Marie Dupont') => call(server.url, '', 'POST', '/api/signup', { token, name, email, password: 'marie-has-a-password', locale: 'fr' });

describe('invitations and sign-up', () => {
  it('makes a traveller of the agency from a link that works once, with every consent off', async () => {
    const { token, created } = await invite('Marie, Lisbon in May');
    expect(created.url).toMatch(/\/join#[\w-]{40,}$/);
    const check = await call(server.url, '', 'POST', '/api/signup/check', { token });
    expect(((await check.json()) as InvitationCheck).agency).toBe('Escale Demo Travel');

    const res = await signUp(token, 'Marie.Dupont@Example.com');
    expect(res.status).toBe(201);
    const session = (await res.json()) as SessionInfo;
    expect(session.traveller).toMatchObject({ name: 'Marie Dupont', locale: 'fr', onboarded: false });
    expect(Object.values(session.consents)).toEqual([false, false, false, false]);
    const row = await server.ctx.db.selectFrom('travellers').select(['agency_id', 'persona_id', 'ephemeral']).where('id', '=', session.traveller.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ agency_id: 'demo', persona_id: null, ephemeral: 0 });
    const mine = (await (await call(server.url, cookieOf(res), 'GET', '/api/my-data')).json()) as MyData;
    expect(mine.traveller.email).toBe('marie.dupont@example.com');

    // Used up: neither the check nor a second sign-up accepts it; the agency sees it used.
    expect((await call(server.url, '', 'POST', '/api/signup/check', { token })).status).toBe(404);
    expect((await signUp(token, 'someone.else@example.com')).status).toBe(400);
    const list = (await (await call(server.url, editor, 'GET', '/api/agency/invitations')).json()) as InvitationList;
    expect(list.invitations.find((i) => i.id === created.invitation.id)?.usedAt).not.toBeNull();
  });

  it('refuses an address already taken without using the link up, and an expired link', async () => {
    const first = await invite();
    expect((await signUp(first.token, 'taken@example.com')).status).toBe(201);
    const second = await invite();
    const again = await signUp(second.token, 'TAKEN@example.com');
    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiError).error.code).toBe('conflict');
    expect((await signUp(second.token, 'other@example.com')).status).toBe(201); // the link still worked

    const old = await invite();
    const now = server.clock.now();
    server.clock.set(new Date(now.getTime() + 15 * 86_400_000), 0);
    try {
      expect((await signUp(old.token, 'late@example.com')).status).toBe(400);
    } finally {
      server.clock.set(now, 0);
    }
  });

  it('lets only staff make invitations, and only editors and admins', async () => {
    expect((await call(server.url, '', 'POST', '/api/agency/invitations', { note: 'x' })).status).toBe(401);
    const viewer = cookieOf(await call(server.url, '', 'POST', '/api/agency/session', { email: 'hugo@escale-demo.example', password: DEMO_STAFF_PASSWORD }));
    expect((await call(server.url, viewer, 'POST', '/api/agency/invitations', { note: 'x' })).status).toBe(403);
  });
});

describe('signing in with an account', () => {
  it('signs in with the address and password, one answer for anything wrong, a new session each time, and out everywhere', async () => {
    const { token } = await invite();
    const first = cookieOf(await signUp(token, 'paul@example.com', 'Paul'));
    const wrong = await call(server.url, '', 'POST', '/api/session', { email: 'paul@example.com', password: 'not his password' });
    const unknown = await call(server.url, '', 'POST', '/api/session', { email: 'nobody@example.com', password: 'not his password' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());

    const second = await call(server.url, first, 'POST', '/api/session', { email: 'PAUL@example.com', password: 'marie-has-a-password' });
    expect(second.status).toBe(200);
    expect(((await second.json()) as SessionInfo).traveller.name).toBe('Paul');
    expect((await call(server.url, first, 'GET', '/api/session')).status).toBe(401); // rotated
    const phone = cookieOf(await call(server.url, '', 'POST', '/api/session', { email: 'paul@example.com', password: 'marie-has-a-password' }));
    expect((await call(server.url, cookieOf(second), 'DELETE', '/api/sessions')).status).toBe(204);
    expect((await call(server.url, phone, 'GET', '/api/session')).status).toBe(401);
    expect((await call(server.url, cookieOf(second), 'GET', '/api/session')).status).toBe(401);
    // The account stays: signing in again works.
    expect((await call(server.url, '', 'POST', '/api/session', { email: 'paul@example.com', password: 'marie-has-a-password' })).status).toBe(200);
  });

  it('erasure takes the account with it: the address no longer signs in, and is free again', async () => {
    const { token } = await invite();
    const res = await signUp(token, 'leaving@example.com', 'Leaving');
    const id = ((await res.json()) as SessionInfo).traveller.id;
    expect((await call(server.url, cookieOf(res), 'DELETE', '/api/my-data')).status).toBe(204);
    expect(await server.ctx.db.selectFrom('traveller_accounts').select('email').where('traveller_id', '=', id).executeTakeFirst()).toBeUndefined();
    expect((await call(server.url, '', 'POST', '/api/session', { email: 'leaving@example.com', password: 'marie-has-a-password' })).status).toBe(401);
    expect((await signUp((await invite()).token, 'leaving@example.com')).status).toBe(201);
  });

  it('"forgot my password": one answer for any address, a link (logged in demo mode) that sets a new one once and ends every session', async () => {
    const { token } = await invite();
    const before = cookieOf(await signUp(token, 'forgetful@example.com', 'Forgetful'));
    const known = await call(server.url, '', 'POST', '/api/password-reset', { email: 'forgetful@example.com' });
    const unknown = await call(server.url, '', 'POST', '/api/password-reset', { email: 'nobody-here@example.com' });
    expect(known.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const mail = logLines.map((l) => JSON.parse(l) as { mail?: { to: string; link: string } }).find((l) => l.mail?.to === 'forgetful@example.com');
    expect(mail?.mail?.link).toMatch(/\/reset-password#[\w-]{40,}$/);
    const link = new URL(mail!.mail!.link).hash.slice(1);
    expect((await call(server.url, '', 'POST', '/api/password', { token: link, password: 'a-brand-new-password' })).status).toBe(204);
    expect((await call(server.url, '', 'POST', '/api/password', { token: link, password: 'yet-another-password' })).status).toBe(400);
    expect((await call(server.url, before, 'GET', '/api/session')).status).toBe(401);
    expect((await call(server.url, '', 'POST', '/api/session', { email: 'forgetful@example.com', password: 'marie-has-a-password' })).status).toBe(401);
    expect((await call(server.url, '', 'POST', '/api/session', { email: 'forgetful@example.com', password: 'a-brand-new-password' })).status).toBe(200);
    expect(logLines.join('\n')).not.toContain('a-brand-new-password');
  });
});
