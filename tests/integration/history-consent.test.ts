/**
 * A traveller's likes and the crowd, on both stores, through the real HTTP and WebSocket paths: a traveller's
 * own like never comes back to them as popularity, while others see it counted; withdrawing the history
 * consent deletes their likes and visits from the store and from the travel graph, so that no one's
 * popularity counts them any more (and, on PostgreSQL, from every instance's graph).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { HealthResponse, InvitationCreated, ServerMessage, SessionInfo, SignalContribution } from '@escale/shared';
import { DEMO_STAFF_PASSWORD } from '../../server/src/agency/demo-staff.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { startServerProcess, stopServerProcesses } from '../support/server-process.ts';
import { callApi as call, startTestServer, type TestServer } from '../support/test-server.ts';
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

const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
let accounts = 0;

/**
 * A traveller with an account of their own (an agency's invitation), location and history on: unlike a demo
 * visitor, whose interactions stay private, theirs count in the crowd other travellers are shown.
 */
async function traveller(url: string): Promise<{ cookie: string; travellerId: string }> {
  const staff = cookieOf(await call(url, '', 'POST', '/api/agency/session', { email: 'sophie@escale-demo.example', password: DEMO_STAFF_PASSWORD }));
  const invitation = (await (await call(url, staff, 'POST', '/api/agency/invitations', { note: 'A client' })).json()) as InvitationCreated;
  const token = new URL(invitation.url).hash.slice(1);
  accounts++;
  const res = await call(url, '', 'POST', '/api/signup', {
    token,
    name: `Traveller ${accounts}`,
    email: `traveller-${accounts}-${Date.now()}@example.com`,
    password: 'a-password-of-theirs',
    locale: 'en',
  });
  expect(res.status).toBe(201);
  const cookie = cookieOf(res);
  for (const category of ['location', 'history']) expect((await call(url, cookie, 'PUT', `/api/consents/${category}`, { granted: true })).status).toBe(200);
  return { cookie, travellerId: ((await res.json()) as SessionInfo).traveller.id };
}

type Feed = Extract<ServerMessage, { type: 'feed' }>;

/** The popularity a place is shown with in a feed: its value and its words (its share moves with the other signals). */
function popularityIn(feed: Feed, placeId: string): Pick<SignalContribution, 'value' | 'evidence'> {
  const item = feed.items.find((s) => s.item.place.id === placeId);
  if (!item) throw new Error(`${placeId} is not in the feed: ${feed.items.map((s) => s.item.place.id).join(', ')}`);
  const { value, evidence } = item.contributions.find((c) => c.signal === 'popularity')!;
  return { value, evidence };
}

/** A feed ranked now, after whatever came before (each refresh sends one). */
async function freshFeed(socket: TestSocket): Promise<Feed> {
  const before = socket.messages.filter((m) => m.type === 'feed').length;
  socket.send({ type: 'refresh' });
  await expect.poll(() => socket.messages.filter((m) => m.type === 'feed').length).toBeGreaterThan(before);
  return socket.messages.filter((m): m is Feed => m.type === 'feed').at(-1)!;
}

describe('a traveller’s likes and the popularity travellers are shown', () => {
  it('never counts a traveller’s own like in what they are shown; others see it; withdrawing history takes it out of every count', async () => {
    const marie = await traveller(server.url);
    const paul = await traveller(server.url);
    const hers = await TestSocket.greeted(server.wsUrl, marie.cookie);
    const his = await TestSocket.greeted(server.wsUrl, paul.cookie);
    const sockets = [hers, his];
    for (const s of sockets) s.send({ type: 'location', lat: 48.8566, lon: 2.3522 });
    const first = await hers.nextOfType('feed');
    const theirs = await his.nextOfType('feed');
    // A place both are shown.
    const placeId = first.items.map((s) => s.item.place.id).find((id) => theirs.items.some((s) => s.item.place.id === id))!;
    expect(placeId).toBeDefined();
    const hersBefore = popularityIn(first, placeId);
    const hisBefore = popularityIn(theirs, placeId);

    hers.send({ type: 'feedback', placeId, kind: 'liked' });
    await hers.nextOfType('feedback_ack');
    expect(server.ctx.graph.interactionsOf(marie.travellerId).map((i) => i.kind)).toEqual(['liked']);
    // Her own like is not popularity to her; to Paul it is one more traveller who liked the place.
    expect(popularityIn(await freshFeed(hers), placeId)).toEqual(hersBefore);
    expect(popularityIn(await freshFeed(his), placeId).value).toBeGreaterThan(hisBefore.value);

    expect((await call(server.url, marie.cookie, 'PUT', '/api/consents/history', { granted: false })).status).toBe(200);
    const kept = await server.ctx.db.selectFrom('interactions').select('kind').where('traveller_id', '=', marie.travellerId).execute();
    expect(kept).toEqual([]);
    expect(server.ctx.graph.interactionsOf(marie.travellerId)).toEqual([]);
    // Gone from the crowd Paul is shown too, as if she had never liked it.
    expect(popularityIn(await freshFeed(his), placeId)).toEqual(hisBefore);
    for (const s of sockets) s.close();
  });

  it('keeps "Not interested" and "Been there" when history is withdrawn: they are instructions', async () => {
    const marie = await traveller(server.url);
    const socket = await TestSocket.greeted(server.wsUrl, marie.cookie);
    socket.send({ type: 'location', lat: 48.8566, lon: 2.3522 });
    const feed = await socket.nextOfType('feed');
    const [liked, saved, dismissed, beenThere] = feed.items.map((s) => s.item.place.id);
    // Visits arrive with an imported or seeded history, never from the live channel; likes and saves do.
    for (const [placeId, kind] of [
      [liked, 'liked'],
      [saved, 'saved'],
      [dismissed, 'dismissed'],
      [beenThere, 'been_there'],
    ] as const) {
      socket.send({ type: 'feedback', placeId, kind });
      await socket.next((m) => m.type === 'feedback_ack' && m.kind === kind);
    }
    expect((await call(server.url, marie.cookie, 'PUT', '/api/consents/history', { granted: false })).status).toBe(200);
    const kinds = async () => (await server.ctx.db.selectFrom('interactions').select('kind').where('traveller_id', '=', marie.travellerId).orderBy('kind').execute()).map((r) => r.kind);
    expect(await kinds()).toEqual(['been_there', 'dismissed']);
    expect(
      server.ctx.graph
        .interactionsOf(marie.travellerId)
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['been_there', 'dismissed']);
    // And the dismissed place stays out of her feed.
    expect((await freshFeed(socket)).items.map((s) => s.item.place.id)).not.toContain(dismissed);
    socket.close();
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('history withdrawn across instances (PostgreSQL)', () => {
  it('leaves every instance with the graph of a store that holds none of the traveller’s likes', async () => {
    const store = await createTestStore('history-two');
    onTestFinished(() => store.drop());
    // Paris alone: the place liked is there, and three instances start in a third of the time.
    const paris = { CATALOGUE_DIR: path.join(REPO_ROOT, 'data/paris') };
    const a = await startServerProcess(store, paris);
    const b = await startServerProcess(store, paris);
    const digest = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as HealthResponse).graphDigest;
    const marie = await traveller(a.url);
    // She likes a place through the other instance's live channel.
    const socket = await TestSocket.greeted(b.wsUrl, marie.cookie);
    socket.send({ type: 'feedback', placeId: 'osm:node/1144156468', kind: 'liked' });
    await socket.nextOfType('feedback_ack');
    await expect.poll(async () => new Set(await Promise.all([a.url, b.url].map(digest))).size, { timeout: 10_000 }).toBe(1);

    expect((await call(a.url, marie.cookie, 'PUT', '/api/consents/history', { granted: false })).status).toBe(200);
    const { db, close } = await store.connect();
    onTestFinished(close);
    expect(await db.selectFrom('interactions').select('kind').where('traveller_id', '=', marie.travellerId).execute()).toEqual([]);
    // Both instances drop the edge, and agree with a third that builds its graph from the store alone.
    const c = await startServerProcess(store, paris);
    await expect.poll(async () => new Set(await Promise.all([a.url, b.url, c.url].map(digest))).size, { timeout: 10_000 }).toBe(1);
    socket.close();
  }, 90_000);
});
