/**
 * The traveller's control over their feed, on both stores (DSA Art. 27 and 38): ranking settings (a personal
 * signal switched off, the non-profiled feed, where the feed is centred) and "fewer like this", each taking
 * effect on the open feed at once, without the traveller sending anything; on PostgreSQL, a change made
 * through one instance re-ranks a feed open on another.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { FewerLikeList, RankingSettingsBody, ServerFeed } from '@escale/shared';
import { startServerProcess, stopServerProcesses } from '../support/server-process.ts';
import { callApi, setSessionClock, signIn, startTestServer, TUESDAY_EVENING, type TestServer } from '../support/test-server.ts';
import { createTestStore, TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await stopServerProcesses();
});

const call = callApi;

const signalsIn = (feed: ServerFeed) => new Set(feed.items.flatMap((s) => s.contributions.map((c) => c.signal)));
const personalData = (feed: ServerFeed) => feed.items.flatMap((s) => s.contributions.flatMap((c) => c.personalData));

/** Léa at the Hôtel de Ville with her feed open. */
async function leaWithFeed(url: string, wsUrl: string) {
  const visitor = await signIn({ url }, 'lea');
  // Server processes run on the real clock: an evening, whatever the hour of the run (at night all is closed).
  await setSessionClock({ url }, visitor.cookie, TUESDAY_EVENING);
  const socket = await TestSocket.greeted(wsUrl, visitor.cookie);
  socket.send({ type: 'location', lat: 48.8566, lon: 2.3522 });
  const first = await socket.nextOfType('feed');
  return { ...visitor, socket, first };
}

describe('ranking settings', () => {
  it('lists the neighbourhoods, and a signal switched off leaves the open feed at once', async () => {
    const { cookie, socket, first } = await leaWithFeed(server.url, server.wsUrl);
    expect(signalsIn(first).has('proximity')).toBe(true);
    const body = (await (await call(server.url, cookie, 'GET', '/api/ranking-settings')).json()) as RankingSettingsBody;
    expect(body.settings).toEqual({ nonProfiled: false, signalsOff: [], anchor: { kind: 'city_centre' } });
    expect(body.neighbourhoods.map((n) => n.name)).toContain('Paris 11e');

    const put = await call(server.url, cookie, 'PUT', '/api/ranking-settings', { signalsOff: ['proximity', 'taste'] });
    expect(put.status).toBe(200);
    expect(((await put.json()) as RankingSettingsBody).settings.signalsOff).toEqual(['proximity', 'taste']);
    const reranked = await socket.nextOfType('feed');
    expect(signalsIn(reranked).has('proximity')).toBe(false);
    expect(signalsIn(reranked).has('taste')).toBe(false);
    expect(signalsIn(reranked).has('interests')).toBe(true);
    // Undo: the signal is back, in the feed and in the stored settings.
    expect((await call(server.url, cookie, 'PUT', '/api/ranking-settings', { signalsOff: [] })).status).toBe(200);
    expect(signalsIn(await socket.nextOfType('feed')).has('proximity')).toBe(true);
    socket.close();
  });

  it('the non-profiled feed uses no personal datum and no position, centred on the neighbourhood chosen', async () => {
    const { cookie, socket } = await leaWithFeed(server.url, server.wsUrl);
    const { neighbourhoods } = (await (await call(server.url, cookie, 'GET', '/api/ranking-settings')).json()) as RankingSettingsBody;
    const eleventh = neighbourhoods.find((n) => n.name === 'Paris 11e')!;
    const put = await call(server.url, cookie, 'PUT', '/api/ranking-settings', { nonProfiled: true, anchor: { kind: 'neighbourhood', id: eleventh.id } });
    expect(put.status).toBe(200);
    const feed = await socket.nextOfType('feed');
    expect(feed.position).toBeNull();
    expect(feed.items.length).toBeGreaterThan(0);
    expect(personalData(feed)).toEqual([]);
    expect([...signalsIn(feed)].sort()).toEqual(['agency', 'popularity', 'timing']);
    expect(feed.items.every((s) => s.distanceMeters === null)).toBe(true);
    // Around the 11th: the ideas' places are nearer its centre than the Hôtel de Ville, where Léa stands.
    const nearer = feed.items.filter((s) => Math.hypot(s.item.place.lat - eleventh.lat, s.item.place.lon - eleventh.lon) < Math.hypot(s.item.place.lat - 48.8566, s.item.place.lon - 2.3522));
    expect(nearer.length).toBeGreaterThan(feed.items.length / 2);
    socket.close();
  });

  it('refuses what it cannot obey, changing nothing: 400 for an unknown neighbourhood or a non-personal signal, 401 without a session', async () => {
    const { cookie } = await signIn(server, 'lea');
    for (const bad of [{ anchor: { kind: 'neighbourhood', id: 'atlantis' } }, { signalsOff: ['timing'] }, { signalsOff: ['taste', 'taste'] }, { nonProfiled: 'yes' }, { other: 1 }]) {
      const res = await call(server.url, cookie, 'PUT', '/api/ranking-settings', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^(bad_request|validation_failed)$/);
    }
    const after = (await (await call(server.url, cookie, 'GET', '/api/ranking-settings')).json()) as RankingSettingsBody;
    expect(after.settings).toEqual({ nonProfiled: false, signalsOff: [], anchor: { kind: 'city_centre' } });
    expect((await call(server.url, '', 'GET', '/api/ranking-settings')).status).toBe(401);
  });
});

describe('fewer like this', () => {
  it('moves a category down in the open feed at once, says why, and is taken back', async () => {
    const { cookie, socket, first } = await leaWithFeed(server.url, server.wsUrl);
    const category = first.items[0]!.item.place.category;
    const post = await call(server.url, cookie, 'POST', '/api/preferences/fewer', { interest: { kind: 'category', id: category } });
    expect(post.status).toBe(201);
    expect(((await post.json()) as FewerLikeList).fewer.map((f) => f.interest)).toEqual([{ kind: 'category', id: category }]);
    const lowered = await socket.nextOfType('feed');
    expect(lowered.items[0]!.item.place.category).not.toBe(category);
    const noted = lowered.items.filter((s) => s.item.place.category === category);
    expect(noted.every((s) => s.notes.some((n) => n.key === 'fewer.lowered' && n.params.id === category))).toBe(true);

    const del = await call(server.url, cookie, 'DELETE', `/api/preferences/fewer/category/${category}`);
    expect(del.status).toBe(200);
    expect(((await del.json()) as FewerLikeList).fewer).toEqual([]);
    expect((await socket.nextOfType('feed')).items[0]!.item.place.category).toBe(category);
    expect((await call(server.url, cookie, 'DELETE', `/api/preferences/fewer/category/${category}`)).status).toBe(404);
    socket.close();
  });

  it('refuses an unknown category or a malformed tag with 400, and needs a session', async () => {
    const { cookie } = await signIn(server, 'lea');
    expect((await call(server.url, cookie, 'POST', '/api/preferences/fewer', { interest: { kind: 'category', id: 'casino' } })).status).toBe(400);
    expect((await call(server.url, cookie, 'POST', '/api/preferences/fewer', { interest: { kind: 'tag', id: 'Not A Tag' } })).status).toBe(400);
    expect((await call(server.url, cookie, 'DELETE', '/api/preferences/fewer/planet/mars')).status).toBe(404);
    expect(((await (await call(server.url, cookie, 'GET', '/api/preferences/fewer')).json()) as FewerLikeList).fewer).toEqual([]);
    expect((await call(server.url, '', 'POST', '/api/preferences/fewer', { interest: { kind: 'tag', id: 'jazz' } })).status).toBe(401);
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('across instances (PostgreSQL)', () => {
  it('a signal switched off through one instance re-ranks the feed open on another', async () => {
    const store = await createTestStore('ranking-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store);
    const b = await startServerProcess(store);
    const { cookie, socket, first } = await leaWithFeed(b.url, b.wsUrl);
    expect(signalsIn(first).has('proximity')).toBe(true);
    expect((await call(a.url, cookie, 'PUT', '/api/ranking-settings', { signalsOff: ['proximity'] })).status).toBe(200);
    const reranked = await socket.nextOfType('feed', 10_000);
    expect(signalsIn(reranked).has('proximity')).toBe(false);
    socket.close();
  });
});
