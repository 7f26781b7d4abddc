/**
 * My data on both stores (GDPR Art. 15, 17, 20 and 7): everything held, readable and as a file; a consent
 * withdrawn takes what was collected under it; a position past its retention is purged; and erasure leaves
 * no row holding the traveller in any table, nothing in any instance's graph, and stores nothing from a late
 * message of their old socket, while other travellers' data and the catalogue's aggregates stay whole.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { MyData, type HealthResponse } from '@escale/shared';
import { sql } from 'kysely';
import type { Db } from '../../server/src/store/db.ts';
import { runHousekeeping } from '../../server/src/housekeeping/housekeeping.ts';
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

/**
 * Léa with some of everything: a position, a like, a dismissal, a fewer-like, a booking, a notification.
 * `realClock`: the server is a process on the real clock, where at night every place is closed and the feed
 * is empty, so her session is set to an evening (a test server's own clock is frozen on one already).
 */
async function busyLea(url: string, wsUrl: string, options: { realClock?: boolean } = {}) {
  const visitor = await signIn({ url }, 'lea');
  if (options.realClock) await setSessionClock({ url }, visitor.cookie, TUESDAY_EVENING);
  const socket = await TestSocket.greeted(wsUrl, visitor.cookie);
  socket.send({ type: 'location', lat: 48.8566, lon: 2.3522 });
  const feed = await socket.nextOfType('feed');
  socket.send({ type: 'suggest_now' });
  await socket.nextOfType('suggestions');
  const [liked, dismissed] = feed.items.map((s) => s.item.place.id);
  socket.send({ type: 'feedback', placeId: liked, kind: 'liked' });
  await socket.nextOfType('feedback_ack');
  socket.send({ type: 'feedback', placeId: dismissed, kind: 'dismissed' });
  await socket.nextOfType('feedback_ack');
  expect((await call(url, visitor.cookie, 'POST', '/api/preferences/fewer', { interest: { kind: 'category', id: 'museum' } })).status).toBe(201);
  const booking = await call(url, visitor.cookie, 'POST', '/api/wallet/bookings', {
    kind: 'EventReservation',
    title: 'Winter concert',
    placeId: null,
    startsAt: '2026-12-19T20:00:00+01:00',
    endsAt: null,
    timezone: 'Europe/Paris',
  });
  expect(booking.status).toBe(201);
  return { ...visitor, socket, liked: liked!, dismissed: dismissed! };
}

/** Every row of every table of the store, as text, that mentions `needle`: the erasure proof's scanner. */
async function rowsMentioning(db: Db, kind: 'sqlite' | 'postgres', needle: string): Promise<string[]> {
  const tables =
    kind === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db)).rows.map((r) => r.name);
  expect(tables).toContain('travellers');
  const found: string[] = [];
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    for (const row of rows) if (JSON.stringify(row).includes(needle)) found.push(`${table}: ${JSON.stringify(row).slice(0, 200)}`);
  }
  return found;
}

describe('my data', () => {
  it('shows everything held, and gives the same as a file to download', async () => {
    const lea = await busyLea(server.url, server.wsUrl);
    const res = await call(server.url, lea.cookie, 'GET', '/api/my-data');
    expect(res.status).toBe(200);
    const data = MyData.parse(await res.json());
    expect(data.traveller).toMatchObject({ id: lea.travellerId, city: 'Paris' });
    expect(data.consents.now).toEqual({ location: true, history: true, profile: true, wallet: true });
    expect(data.consents.history.length).toBe(4);
    expect(data.profile?.likes.length).toBeGreaterThan(0);
    expect(data.fewerLike.map((f) => f.interest)).toEqual([{ kind: 'category', id: 'museum' }]);
    expect(data.interactions.filter((i) => i.placeId === lea.liked).map((i) => i.kind)).toContain('liked');
    expect(data.interactions.find((i) => i.placeId === lea.dismissed)).toMatchObject({ kind: 'dismissed' });
    expect(data.interactions.every((i) => i.placeName !== null)).toBe(true);
    expect(data.positions).toHaveLength(1);
    expect(data.bookings.map((b) => b.title)).toContain('Winter concert');
    expect(data.trips.length).toBeGreaterThan(0);
    expect(data.suggestionsReceived.length).toBeGreaterThan(0);
    expect(data.suggestionsReceived[0]!.items[0]!.contributions.length).toBeGreaterThan(0);
    expect(data.sessions).toHaveLength(1);
    expect(JSON.stringify(data.sessions)).not.toMatch(/id|hash|token/i);
    expect(data.retention).toEqual({ positionHours: 24, suggestionsKept: 200 });

    const file = await call(server.url, lea.cookie, 'GET', '/api/my-data/export');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="escale-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const exported = MyData.parse(await file.json());
    expect({ ...exported, exportedAt: null }).toEqual({ ...data, exportedAt: null });
    expect((await call(server.url, '', 'GET', '/api/my-data')).status).toBe(401);
    lea.socket.close();
  });

  it('withdrawing history takes the likes and visits (from the store and the graph), and keeps the dismissals; withdrawing the profile empties it', async () => {
    const lea = await busyLea(server.url, server.wsUrl);
    expect(server.ctx.graph.interactionsOf(lea.travellerId).some((i) => i.kind === 'liked')).toBe(true);
    expect((await call(server.url, lea.cookie, 'PUT', '/api/consents/history', { granted: false })).status).toBe(200);
    const kinds = (await server.ctx.db.selectFrom('interactions').select('kind').where('traveller_id', '=', lea.travellerId).execute()).map((r) => r.kind);
    expect(kinds).toEqual(['dismissed']);
    expect(server.ctx.graph.interactionsOf(lea.travellerId).map((i) => i.kind)).toEqual(['dismissed']);

    expect((await call(server.url, lea.cookie, 'PUT', '/api/consents/profile', { granted: false })).status).toBe(200);
    const row = await server.ctx.db.selectFrom('travellers').select(['likes', 'dislikes', 'budget']).where('id', '=', lea.travellerId).executeTakeFirstOrThrow();
    expect(row).toEqual({ likes: '[]', dislikes: '[]', budget: null });
    const data = MyData.parse(await (await call(server.url, lea.cookie, 'GET', '/api/my-data')).json());
    expect(data.profile).toBeNull();
    // The feed re-ranked at once reads neither (the latest one: each change sent one).
    const categoriesRead = () => {
      const feed = lea.socket.messages.filter((m) => m.type === 'feed').at(-1)!;
      return new Set(feed.items.flatMap((s) => s.contributions.flatMap((c) => c.personalData.map((d) => d.category))));
    };
    await expect.poll(() => categoriesRead().has('profile') || categoriesRead().has('history')).toBe(false);
    expect(categoriesRead().has('location')).toBe(true);
    lea.socket.close();
  });

  it('takes back a "Not interested" from My data: the row and the graph edge go, and the feed is ranked again', async () => {
    const lea = await busyLea(server.url, server.wsUrl);
    const path = `/api/my-data/interactions/dismissed/${encodeURIComponent(lea.dismissed)}`;
    const feeds = () => lea.socket.messages.filter((m) => m.type === 'feed').length;
    const before = feeds();
    expect((await call(server.url, lea.cookie, 'DELETE', path)).status).toBe(204);
    expect(await server.ctx.db.selectFrom('interactions').select('kind').where('traveller_id', '=', lea.travellerId).where('place_id', '=', lea.dismissed).execute()).toEqual([]);
    expect(server.ctx.graph.interactionsOf(lea.travellerId).some((i) => i.kind === 'dismissed')).toBe(false);
    await expect.poll(feeds).toBeGreaterThan(before);
    expect((await call(server.url, lea.cookie, 'DELETE', path)).status).toBe(404);
    expect((await call(server.url, lea.cookie, 'DELETE', `/api/my-data/interactions/adored/${encodeURIComponent(lea.liked)}`)).status).toBe(404);
    expect((await call(server.url, '', 'DELETE', `/api/my-data/interactions/liked/${encodeURIComponent(lea.liked)}`)).status).toBe(401);
    lea.socket.close();
  });

  it('purges a position past its retention (POSITION_RETENTION_HOURS), and the live channel stops using it', async () => {
    const short = await startTestServer({ env: { POSITION_RETENTION_HOURS: '1' } });
    onTestFinished(() => short.close());
    const lea = await busyLea(short.url, short.wsUrl);
    const stored = () => short.ctx.db.selectFrom('positions').select('at').where('traveller_id', '=', lea.travellerId).execute();
    await expect.poll(async () => (await stored()).length).toBe(1);
    short.clock.set(new Date(short.clock.now().getTime() + 61 * 60_000), 0);
    const report = await runHousekeeping(short.ctx);
    expect(report.positionsPurged).toBeGreaterThanOrEqual(1);
    expect(await stored()).toEqual([]);
    const feeds = () => lea.socket.messages.filter((m) => m.type === 'feed');
    const before = feeds().length;
    lea.socket.send({ type: 'refresh' });
    await expect.poll(() => feeds().length).toBeGreaterThan(before);
    expect(
      feeds()
        .at(-1)!
        .items.flatMap((s) => s.contributions.flatMap((c) => c.personalData.map((d) => d.kind))),
    ).not.toContain('position');
    lea.socket.close();
  });

  it('erases everything: no row anywhere mentions the traveller, the graph lets go, a late message stores nothing, others keep theirs', async () => {
    const lea = await busyLea(server.url, server.wsUrl);
    const other = await busyLea(server.url, server.wsUrl);
    const reviewsBefore = await server.ctx.db.selectFrom('places').select(['id', 'review_count']).orderBy('id').execute();
    expect(await rowsMentioning(server.ctx.db, TEST_STORE, lea.travellerId)).not.toEqual([]);

    const erased = await call(server.url, lea.cookie, 'DELETE', '/api/my-data');
    expect(erased.status).toBe(204);
    expect(erased.headers.get('set-cookie')).toMatch(/escale_session=;.*Expires=Thu, 01 Jan 1970/);
    // A late message from the old socket, racing its closing: nothing is stored from it.
    lea.socket.send({ type: 'location', lat: 48.86, lon: 2.35 });
    lea.socket.send({ type: 'feedback', placeId: lea.liked, kind: 'liked' });
    await expect.poll(() => lea.socket.closeCode).toBe(4401);

    expect(await rowsMentioning(server.ctx.db, TEST_STORE, lea.travellerId)).toEqual([]);
    expect(server.ctx.graph.interactionsOf(lea.travellerId)).toEqual([]);
    expect((await call(server.url, lea.cookie, 'GET', '/api/my-data')).status).toBe(401);
    // Others keep theirs, and the catalogue's aggregates are untouched.
    expect(server.ctx.graph.interactionsOf(other.travellerId).length).toBeGreaterThan(0);
    expect(MyData.parse(await (await call(server.url, other.cookie, 'GET', '/api/my-data')).json()).bookings).toHaveLength(1);
    expect(await server.ctx.db.selectFrom('places').select(['id', 'review_count']).orderBy('id').execute()).toEqual(reviewsBefore);
    other.socket.close();
  });
});

describe.skipIf(TEST_STORE !== 'postgres')('erasure across instances (PostgreSQL)', () => {
  it('leaves every instance with the graph of a store that never held the traveller', async () => {
    const store = await createTestStore('erase-two');
    onTestFinished(() => store.drop());
    const a = await startServerProcess(store);
    const b = await startServerProcess(store);
    const lea = await busyLea(b.url, b.wsUrl, { realClock: true });
    const erased = await call(a.url, lea.cookie, 'DELETE', '/api/my-data');
    expect(erased.status).toBe(204);
    await expect.poll(() => lea.socket.closeCode, { timeout: 10_000 }).toBe(4401);
    const { db, close } = await store.connect();
    onTestFinished(close);
    expect(await rowsMentioning(db, 'postgres', lea.travellerId)).toEqual([]);
    // A third instance builds its graph from the store alone: the two that saw the traveller must agree with it.
    const c = await startServerProcess(store);
    const digest = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as HealthResponse).graphDigest;
    await expect.poll(async () => new Set(await Promise.all([a.url, b.url, c.url].map(digest))).size, { timeout: 10_000 }).toBe(1);
  });
});
