/**
 * An agency tunes the ranking for its own travellers, on both stores: weights within their bounds and the
 * promotion lift, read by all its staff and changed by its admins; its travellers' next rankings use them
 * (the Why panel's weights say so), another agency's travellers keep theirs; on PostgreSQL a change made
 * through one instance reaches the rankings of another.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AgencyRankingBody, ApiError, ServerFeed, SessionInfo } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { createInvitation } from '../../server/src/agency/invitations.ts';
import { startServerProcess } from '../support/server-process.ts';
import { serverForFile } from '../support/server-suite.ts';
import { callApi as call, setSessionClock, signIn, TUESDAY_EVENING } from '../support/test-server.ts';
import { createTestStore, TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const suite = serverForFile();

async function staff(url: string, email: string): Promise<string> {
  const res = await call(url, '', 'POST', '/api/agency/session', { email, password: DEMO_STAFF_PASSWORD });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const weightOf = (feed: Pick<ServerFeed, 'items'>, signal: string) => feed.items[0]!.contributions.find((c) => c.signal === signal)!.weight;

/** A feed of the traveller's at the Hôtel de Ville, asked for again after a change. */
async function feedOf(wsUrl: string, cookie: string): Promise<{ socket: TestSocket; first: ServerFeed }> {
  const socket = await TestSocket.greeted(wsUrl, cookie);
  socket.send({ type: 'location', lat: 48.8566, lon: 2.3522 });
  return { socket, first: await socket.nextOfType('feed', 10_000) };
}

describe('agency ranking settings', () => {
  it('are read by any staff, changed by admins only, within bounds, and used for the agency’s travellers', async () => {
    const viewer = await staff(suite.server.url, 'hugo@escale-demo.example');
    const body = (await (await call(suite.server.url, viewer, 'GET', '/api/agency/ranking')).json()) as AgencyRankingBody;
    expect(body.settings).toEqual(body.defaults);
    expect(body.bounds.proximity).toEqual({ min: 1.5, max: 6 });
    expect(body.bounds.agency).toEqual({ min: 0, max: 1 });
    const editor = await staff(suite.server.url, 'sophie@escale-demo.example');
    expect((await call(suite.server.url, editor, 'PUT', '/api/agency/ranking', { weights: { proximity: 5 } })).status).toBe(403);

    const admin = await staff(suite.server.url, 'claire@escale-demo.example');
    for (const bad of [{ weights: { proximity: 7 } }, { weights: { agency: 1.5 } }, { promotionLift: 0.5 }, { weights: { novelty: 1 } }]) {
      const res = await call(suite.server.url, admin, 'PUT', '/api/agency/ranking', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as ApiError).error.code).toBe('bad_request');
    }
    const lea = await signIn(suite.server, 'lea');
    const { socket, first } = await feedOf(suite.server.wsUrl, lea.cookie);
    onTestFinished(() => socket.close());
    expect(weightOf(first, 'proximity')).toBe(3);

    const put = await call(suite.server.url, admin, 'PUT', '/api/agency/ranking', { weights: { proximity: 6, popularity: 0.5 }, promotionLift: 0.1 });
    expect(put.status).toBe(200);
    expect(((await put.json()) as AgencyRankingBody).settings).toMatchObject({ weights: { proximity: 6, popularity: 0.5, timing: 2 }, promotionLift: 0.1 });
    socket.send({ type: 'suggest_now' });
    const next = await socket.nextOfType('suggestions', 10_000);
    expect(weightOf(next, 'proximity')).toBe(6);
    expect(weightOf(next, 'popularity')).toBe(0.5);
  });

  it('leave another agency’s travellers as they were', async () => {
    const now = suite.server.clock.now();
    await suite.server.ctx.db.insertInto('agencies').values({ id: 'rival', name: 'Rival Voyages', created_at: now.toISOString() }).execute();
    const { token } = await createInvitation(suite.server.ctx.db, 'rival', '', now, 86_400_000);
    const res = await call(suite.server.url, '', 'POST', '/api/signup', { token, name: 'Rival client', email: 'client@rival.example', password: 'rival-client-password', locale: 'en' });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(((await res.json()) as SessionInfo).traveller.name).toBe('Rival client');
    expect((await call(suite.server.url, cookie, 'PUT', '/api/consents/location', { granted: true })).status).toBe(200);
    const { socket, first } = await feedOf(suite.server.wsUrl, cookie);
    onTestFinished(() => socket.close());
    expect(weightOf(first, 'proximity')).toBe(3); // the demo agency's 6 is the demo agency's
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('across instances (PostgreSQL)', () => {
  it('a change made through one instance is used by the rankings of another', async () => {
    const store = await createTestStore('agency-ranking-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store);
    const b = await startServerProcess(store);
    const lea = await signIn(b, 'lea');
    // The processes run on the real clock: the session's is set to an evening, when places are open.
    await setSessionClock(b, lea.cookie, TUESDAY_EVENING);
    const { socket, first } = await feedOf(b.wsUrl, lea.cookie);
    onTestFinished(() => socket.close());
    expect(weightOf(first, 'proximity')).toBe(3);
    expect((await call(a.url, await staff(a.url, 'claire@escale-demo.example'), 'PUT', '/api/agency/ranking', { weights: { proximity: 4.5 } })).status).toBe(200);
    // The change reaches b through the change log; its next ranking uses it.
    await expect
      .poll(
        async () => {
          socket.send({ type: 'suggest_now' });
          return weightOf(await socket.nextOfType('suggestions', 10_000), 'proximity');
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(4.5);
  });
});
