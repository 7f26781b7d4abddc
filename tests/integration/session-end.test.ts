/**
 * A session that ends stops working everywhere at once: signing out, expiry, or demo mode switched off close
 * the session's open WebSockets with 4401 and refuse every later request and upgrade.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CLOSE_CODES, PROTOCOL_VERSION } from '@escale/shared';
import { signIn, startTestServer, TUESDAY_EVENING, type TestServer } from '../support/test-server.ts';
import { createTestStore } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  // A short heartbeat, so that an expired session's idle socket is closed within the test.
  server = await startTestServer({ env: { WS_HEARTBEAT_MS: '100' } });
});
afterAll(async () => {
  await server.close();
});

const sessionStatus = async (cookie: string) => (await fetch(`${server.url}/api/session`, { headers: { cookie } })).status;
const upgradeStatus = (cookie: string) => TestSocket.upgradeStatus(server.wsUrl, { cookie });

describe('the end of a session', () => {
  it('signing out closes every socket of the session with 4401 and refuses everything after', async () => {
    const v = await signIn(server, 'martin-family');
    const tabs = [await TestSocket.greeted(server.wsUrl, v.cookie), await TestSocket.greeted(server.wsUrl, v.cookie)];
    expect((await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: v.cookie } })).status).toBe(204);
    expect(await Promise.all(tabs.map((t) => t.closed()))).toEqual([CLOSE_CODES.sessionEnded, CLOSE_CODES.sessionEnded]);
    expect(await sessionStatus(v.cookie)).toBe(401);
    expect(await upgradeStatus(v.cookie)).toBe(401);
    const clock = await fetch(`${server.url}/api/session/clock`, { method: 'PUT', headers: { cookie: v.cookie, 'content-type': 'application/json' }, body: '{"reset":true}' });
    expect(clock.status).toBe(401);
  });

  it('an expired session closes its sockets (4401) at the next heartbeat, and is refused', async () => {
    const v = await signIn(server, 'marc');
    const tab = await TestSocket.greeted(server.wsUrl, v.cookie);
    server.clock.set(new Date(TUESDAY_EVENING.getTime() + 24 * 3600_000 + 1000), 0);
    try {
      expect(await tab.closed()).toBe(CLOSE_CODES.sessionEnded);
      expect(await sessionStatus(v.cookie)).toBe(401);
      expect(await upgradeStatus(v.cookie)).toBe(401);
    } finally {
      server.clock.set(TUESDAY_EVENING, 0);
    }
  });

  it('an expired session is refused on its very next frame, before any heartbeat', async () => {
    const slow = await startTestServer({ env: { WS_HEARTBEAT_MS: '60000' } });
    try {
      const v = await signIn(slow, 'lea');
      const tab = await TestSocket.greeted(slow.wsUrl, v.cookie);
      slow.clock.set(new Date(TUESDAY_EVENING.getTime() + 25 * 3600_000), 0);
      tab.send({ type: 'suggest_now' });
      expect(await tab.closed()).toBe(CLOSE_CODES.sessionEnded);
      expect(tab.messages.filter((m) => m.type === 'suggestions')).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('sessions issued in demo mode stop working when it is switched off, and their visitors are erased', async () => {
    const store = await createTestStore('demo-off');
    onTestFinished(() => store.drop());
    const first = await startTestServer({ store });
    const v = await signIn(first, 'lea');
    await first.close();
    const plain = await startTestServer({ store, env: { DEMO_MODE: 'false' } });
    try {
      expect((await fetch(`${plain.url}/api/session`, { headers: { cookie: v.cookie } })).status).toBe(401);
      expect(await TestSocket.upgradeStatus(plain.wsUrl, { cookie: v.cookie })).toBe(401);
      expect(await plain.ctx.db.selectFrom('travellers').select('id').where('id', '=', v.travellerId).execute()).toEqual([]);
      expect(await plain.ctx.db.selectFrom('sessions').select('id_hash').where('demo', '=', 1).execute()).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('refuses a second hello on one connection, and closes one that never says hello', async () => {
    const quick = await startTestServer({ env: { WS_HELLO_TIMEOUT_MS: '300' } });
    try {
      const v = await signIn(quick, 'marc');
      const tab = await TestSocket.greeted(quick.wsUrl, v.cookie);
      tab.send({ type: 'hello', protocol: PROTOCOL_VERSION, lastSeq: 0 });
      expect(await tab.nextOfType('error')).toMatchObject({ code: 'bad_message', message: expect.stringMatching(/already said hello/) });
      expect(tab.messages.filter((m) => m.type === 'welcome')).toHaveLength(1);
      tab.close();
      const mute = await TestSocket.open(quick.wsUrl, { cookie: v.cookie });
      expect(await mute.closed()).toBe(CLOSE_CODES.noHello);
    } finally {
      await quick.close();
    }
  });

  it('caps the sockets one session may open', async () => {
    const capped = await startTestServer({ env: { WS_MAX_SOCKETS_PER_SESSION: '2' } });
    try {
      const v = await signIn(capped, 'marc');
      const open = [await TestSocket.greeted(capped.wsUrl, v.cookie), await TestSocket.greeted(capped.wsUrl, v.cookie)];
      expect(await TestSocket.upgradeStatus(capped.wsUrl, { cookie: v.cookie })).toBe(429);
      // Another visitor is not affected, and a closed tab frees its place.
      const w = await signIn(capped, 'marc');
      (await TestSocket.greeted(capped.wsUrl, w.cookie)).close();
      open[0]!.close();
      await open[0]!.closed();
      await new Promise((r) => setTimeout(r, 50));
      (await TestSocket.greeted(capped.wsUrl, v.cookie)).close();
      open[1]!.close();
    } finally {
      await capped.close();
    }
  });
});
