/**
 * The agency console's accounts, on both stores (ASVS V2, V3, V4): sign-in with one answer for an unknown
 * address and a wrong password, a new session at every sign-in, sign-out here and everywhere, failures
 * limited per account and per address, roles (viewer, editor, admin), staff added with a one-time link to
 * choose a password, "forgot my password", cross-site writes refused, and the demo accounts gone when demo
 * mode is off.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, type DemoStaffList, type StaffCreated, type StaffList, type StaffSessionInfo } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { callApi as call, startTestServer, type TestServer } from '../support/test-server.ts';
import { createTestStore } from '../support/test-store.ts';

const logLines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }) });
});
afterAll(async () => {
  await server.close();
});

const CLAIRE = 'claire@escale-demo.example'; // admin
const SOPHIE = 'sophie@escale-demo.example'; // editor
const HUGO = 'hugo@escale-demo.example'; // viewer

/** Signs in to the console; the staff cookie ("escale_staff=…"), or the failed response. */
async function signInStaff(email: string, password = DEMO_STAFF_PASSWORD, cookie = '', url = server.url): Promise<{ res: Response; cookie: string }> {
  const res = await call(url, cookie, 'POST', '/api/agency/session', { email, password });
  const set = res.headers.get('set-cookie');
  return { res, cookie: set ? set.split(';')[0]! : '' };
}

describe('console sign-in', () => {
  it('lists the demo accounts in demo mode, and signs each in with the agency it belongs to', async () => {
    const demo = (await (await call(server.url, '', 'GET', '/api/agency/demo-accounts')).json()) as DemoStaffList;
    expect(demo.accounts.map((a) => a.role).sort()).toEqual(['admin', 'editor', 'viewer']);
    const { res, cookie } = await signInStaff(SOPHIE.toUpperCase()); // the address, whatever its case
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/escale_staff=.+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/);
    const me = (await (await call(server.url, cookie, 'GET', '/api/agency/session')).json()) as StaffSessionInfo;
    expect(me).toMatchObject({ staff: { email: SOPHIE, role: 'editor' }, agency: { id: 'demo' } });
  });

  it('answers an unknown address and a wrong password the same way', async () => {
    const unknown = await signInStaff('nobody@escale-demo.example', 'whatever-password');
    const wrong = await signInStaff(HUGO, 'not-the-password');
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.status).toBe(401);
    expect(await unknown.res.json()).toEqual(await wrong.res.json());
    expect(unknown.cookie).toBe('');
    expect((await call(server.url, '', 'GET', '/api/agency/session')).status).toBe(401);
  });

  it('gives a new session at every sign-in, and signs out here and everywhere', async () => {
    const first = await signInStaff(HUGO);
    const second = await signInStaff(HUGO, DEMO_STAFF_PASSWORD, first.cookie); // the same browser again
    expect(second.cookie).not.toBe(first.cookie);
    expect((await call(server.url, first.cookie, 'GET', '/api/agency/session')).status).toBe(401); // rotated
    const other = await signInStaff(HUGO); // another device
    expect((await call(server.url, second.cookie, 'DELETE', '/api/agency/session')).status).toBe(204);
    expect((await call(server.url, second.cookie, 'GET', '/api/agency/session')).status).toBe(401);
    const third = await signInStaff(HUGO);
    expect((await call(server.url, third.cookie, 'DELETE', '/api/agency/sessions')).status).toBe(204);
    expect((await call(server.url, other.cookie, 'GET', '/api/agency/session')).status).toBe(401);
    expect((await call(server.url, third.cookie, 'GET', '/api/agency/session')).status).toBe(401);
  });

  it('holds an account back after 5 failures, even with the right password, and says how long', async () => {
    const store = await createTestStore('staff-limits');
    const own = await startTestServer({ store });
    try {
      for (let i = 0; i < 5; i++) expect((await signInStaff(SOPHIE, `wrong-password-${i}`, '', own.url)).res.status).toBe(401);
      const held = await signInStaff(SOPHIE, DEMO_STAFF_PASSWORD, '', own.url);
      expect(held.res.status).toBe(429);
      expect(Number(held.res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await held.res.json()) as ApiError).error.code).toBe('rate_limited');
      expect((await signInStaff(CLAIRE, DEMO_STAFF_PASSWORD, '', own.url)).res.status).toBe(200); // another account
    } finally {
      await own.close();
      await store.drop();
    }
  });
});

describe('roles and staff', () => {
  it('lets only an admin see and manage the staff', async () => {
    const viewer = (await signInStaff(HUGO)).cookie;
    const editor = (await signInStaff(SOPHIE)).cookie;
    const admin = (await signInStaff(CLAIRE)).cookie;
    expect((await call(server.url, viewer, 'GET', '/api/agency/overview')).status).toBe(200);
    for (const cookie of [viewer, editor]) {
      const res = await call(server.url, cookie, 'GET', '/api/agency/staff');
      expect(res.status).toBe(403);
      expect(JSON.stringify(await res.json())).not.toContain('@escale-demo.example');
      expect((await call(server.url, cookie, 'POST', '/api/agency/staff', { name: 'X', email: 'x@a.example', role: 'admin' })).status).toBe(403);
    }
    const list = (await (await call(server.url, admin, 'GET', '/api/agency/staff')).json()) as StaffList;
    expect(list.staff.map((s) => s.email)).toEqual(expect.arrayContaining([CLAIRE, SOPHIE, HUGO]));
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
  });

  it('adds a member with a one-time link to choose a password; the link works once; the last admin stays', async () => {
    const admin = (await signInStaff(CLAIRE)).cookie;
    const res = await call(server.url, admin, 'POST', '/api/agency/staff', { name: 'Inès Moreau', email: 'Ines@Escale-Demo.example', role: 'editor' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as StaffCreated;
    expect(created.member).toMatchObject({ email: 'ines@escale-demo.example', role: 'editor', active: false });
    const token = new URL(created.setPasswordUrl).hash.slice(1);
    expect(created.setPasswordUrl).toMatch(/\/agency\/set-password#/);
    expect((await signInStaff('ines@escale-demo.example', 'a-password-of-hers')).res.status).toBe(401); // no password yet
    expect((await call(server.url, '', 'POST', '/api/agency/password', { token, password: 'short' })).status).toBe(400);
    expect((await call(server.url, '', 'POST', '/api/agency/password', { token, password: 'a-password-of-hers' })).status).toBe(204);
    expect((await call(server.url, '', 'POST', '/api/agency/password', { token, password: 'another-password!' })).status).toBe(400); // used
    const ines = await signInStaff('ines@escale-demo.example', 'a-password-of-hers');
    expect(ines.res.status).toBe(200);
    expect((await call(server.url, admin, 'POST', '/api/agency/staff', { name: 'Again', email: 'ines@escale-demo.example', role: 'viewer' })).status).toBe(409);

    // Claire is the only admin: she cannot step down or be removed until someone else is admin.
    const me = (await (await call(server.url, admin, 'GET', '/api/agency/session')).json()) as StaffSessionInfo;
    expect((await call(server.url, admin, 'PUT', `/api/agency/staff/${me.staff.id}/role`, { role: 'editor' })).status).toBe(409);
    expect((await call(server.url, admin, 'PUT', `/api/agency/staff/${created.member.id}/role`, { role: 'viewer' })).status).toBe(200);
    // Removing a member ends their sessions.
    expect((await call(server.url, admin, 'DELETE', `/api/agency/staff/${created.member.id}`)).status).toBe(204);
    expect((await call(server.url, ines.cookie, 'GET', '/api/agency/session')).status).toBe(401);
  });

  it('"forgot my password" answers the same for any address, and its link (logged in demo mode) sets a new one and ends every session', async () => {
    const before = (await signInStaff(HUGO)).cookie;
    const known = await call(server.url, '', 'POST', '/api/agency/password-reset', { email: HUGO });
    const unknown = await call(server.url, '', 'POST', '/api/agency/password-reset', { email: 'nobody@escale-demo.example' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const mail = logLines.map((l) => JSON.parse(l) as { mail?: { to: string; link: string } }).find((l) => l.mail?.to === HUGO);
    expect(mail?.mail?.link).toMatch(/\/agency\/set-password#/);
    const token = new URL(mail!.mail!.link).hash.slice(1);
    expect((await call(server.url, '', 'POST', '/api/agency/password', { token, password: 'hugo-new-password' })).status).toBe(204);
    expect((await call(server.url, before, 'GET', '/api/agency/session')).status).toBe(401);
    expect((await signInStaff(HUGO, 'hugo-new-password')).res.status).toBe(200);
    expect((await signInStaff(HUGO)).res.status).toBe(401); // the old password no longer works
    // The password never reaches the log.
    expect(logLines.join('\n')).not.toContain('hugo-new-password');
  });
});

describe('cross-site writes', () => {
  it('refuses a write sent from another site, with or without a session, and lets the same origin through', async () => {
    const admin = (await signInStaff(CLAIRE)).cookie;
    const evil = await fetch(`${server.url}/api/agency/staff`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ name: 'Mallory', email: 'mallory@evil.example', role: 'admin' }),
    });
    expect(evil.status).toBe(403);
    const crossSite = await fetch(`${server.url}/api/agency/sessions`, { method: 'DELETE', headers: { cookie: admin, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await call(server.url, admin, 'GET', '/api/agency/session')).status).toBe(200); // still signed in
    const list = (await (await call(server.url, admin, 'GET', '/api/agency/staff')).json()) as StaffList;
    expect(list.staff.map((s) => s.email)).not.toContain('mallory@evil.example');
    const same = await fetch(`${server.url}/api/agency/session`, { method: 'GET', headers: { cookie: admin, origin: server.url } });
    expect(same.status).toBe(200);
    const sameWrite = await fetch(`${server.url}/api/agency/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ email: HUGO }),
    });
    expect(sameWrite.status).toBe(202);
  });
});

describe('demo mode off', () => {
  it('deletes the demo accounts at start, so their published password opens nothing', async () => {
    const store = await createTestStore('staff-demo-off');
    const on = await startTestServer({ store });
    const session = (await signInStaff(SOPHIE, DEMO_STAFF_PASSWORD, '', on.url)).cookie;
    await on.close();
    const off = await startTestServer({ store, env: { DEMO_MODE: 'false' } });
    try {
      expect((await call(off.url, '', 'GET', '/api/agency/demo-accounts')).status).toBe(403);
      expect((await signInStaff(SOPHIE, DEMO_STAFF_PASSWORD, '', off.url)).res.status).toBe(401);
      expect((await call(off.url, session, 'GET', '/api/agency/session')).status).toBe(401);
    } finally {
      await off.close();
      await store.drop();
    }
  });
});
