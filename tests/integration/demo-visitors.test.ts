/**
 * Demo visitors are strangers to each other: three visitors who all pick Léa each get a private traveller
 * copied from her, and nothing one of them does (a position, a setting, a clock, a like) reaches another.
 * Each visitor's traveller goes with their session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, DEFAULT_PUSH_SETTINGS, SessionInfo } from '@escale/shared';
import { nodeKey } from '../../server/src/graph/travel-graph.ts';
import { putPushSettings, setSessionClock, signIn, startTestServer, TUESDAY_EVENING, type TestServer, type Visitor } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Somewhere nobody's persona starts: the Eiffel Tower's esplanade. */
const A_POSITION = { lat: 48.8583, lon: 2.2945 };
/** A place Léa's persona has no history with (Musée d'Orsay, Muséofile). */
const A_LIKES = 'museofile:M5060';

const session = async (v: Visitor) => SessionInfo.parse(await (await fetch(`${server.url}/api/session`, { headers: { cookie: v.cookie } })).json());
const travellerRow = (id: string) => server.ctx.db.selectFrom('travellers').selectAll().where('id', '=', id).executeTakeFirst();
const rowsOf = (table: 'interactions' | 'message_log' | 'positions' | 'sessions' | 'consents', id: string) =>
  server.ctx.db.selectFrom(table).select('traveller_id').where('traveller_id', '=', id).execute();
const placesOf = async (id: string) =>
  (await server.ctx.db.selectFrom('interactions').select(['kind', 'place_id']).where('traveller_id', '=', id).execute()).map((r) => `${r.kind} ${r.place_id}`).sort();

describe('demo visitors of one persona', () => {
  it('each get a private traveller: nothing of one visitor reaches another', async () => {
    const a = await signIn(server, 'lea');
    const b = await signIn(server, 'lea');
    expect(new Set([a.travellerId, b.travellerId, 'lea']).size).toBe(3);

    // The copy holds the persona's profile, consents and history.
    const persona = (await travellerRow('lea'))!;
    const copy = (await travellerRow(a.travellerId))!;
    expect(copy).toMatchObject({ name: persona.name, likes: persona.likes, dislikes: persona.dislikes, party: persona.party, budget: persona.budget, persona_id: 'lea', ephemeral: 1 });
    expect(await placesOf(a.travellerId)).toEqual(await placesOf('lea'));
    expect((await session(a)).consents).toEqual((await session(b)).consents);

    // B is connected while A shares a real position, changes a setting, plays with the clock and likes a place.
    const tabB = await TestSocket.greeted(server.wsUrl, b.cookie);
    const tabA = await TestSocket.greeted(server.wsUrl, a.cookie);
    tabA.send({ type: 'location', ...A_POSITION });
    const feedA = await tabA.nextOfType('feed');
    expect(feedA.position).toEqual(A_POSITION);
    expect((await putPushSettings(server, a.cookie, { minMinutesBetweenPushes: 0, quietHours: { from: '20:00', until: '09:00' } })).status).toBe(200);
    await setSessionClock(server, a.cookie, new Date('2027-06-01T10:00:00Z'), 60);
    tabA.send({ type: 'feedback', placeId: A_LIKES, kind: 'liked' });
    await tabA.nextOfType('feedback_ack');
    await tabA.nextOfType('feed');

    // B heard nothing of it, and their own welcome number is their own.
    tabB.send({ type: 'suggest_now' });
    const pushB = await tabB.nextOfType('suggestions');
    const heardByB = tabB.messages.filter((m) => m.type !== 'welcome');
    expect(heardByB).toEqual([pushB]);
    expect(pushB.position).toBeNull();
    expect(JSON.stringify(tabB.messages)).not.toContain(String(A_POSITION.lon));

    // C arrives later: Léa's start, Léa's settings, the real clock, Léa's history only.
    const c = await signIn(server, 'lea');
    const sessionC = await session(c);
    expect(sessionC.traveller.startPosition).not.toEqual(A_POSITION);
    expect(sessionC.traveller.startPosition).toEqual((await session(b)).traveller.startPosition);
    expect(await (await fetch(`${server.url}/api/push-settings`, { headers: { cookie: c.cookie } })).json()).toEqual(DEFAULT_PUSH_SETTINGS);
    expect(await (await fetch(`${server.url}/api/session/clock`, { headers: { cookie: c.cookie } })).json()).toMatchObject({ virtual: false });
    expect(await placesOf(c.travellerId)).toEqual(await placesOf('lea'));
    expect(await placesOf(c.travellerId)).not.toContain(`liked ${A_LIKES}`);
    // A's like is A's history, and no one else's lookalike or popularity.
    expect(await placesOf(a.travellerId)).toContain(`liked ${A_LIKES}`);
    expect(server.ctx.graph.walkIndex().nodeOf(nodeKey('traveller', a.travellerId))).toBeUndefined();
    const tabC = await TestSocket.greeted(server.wsUrl, c.cookie);
    expect(tabC.welcome!.seq).toBe(0);
    tabC.send({ type: 'suggest_now' });
    const pushC = await tabC.nextOfType('suggestions');
    expect(JSON.stringify(pushC)).not.toContain(a.travellerId);

    // A signs out: A's socket closes (4401) and A's traveller is gone, with everything it held.
    const signedOut = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: a.cookie } });
    expect(signedOut.status).toBe(204);
    expect(await tabA.closed()).toBe(CLOSE_CODES.sessionEnded);
    expect(await travellerRow(a.travellerId)).toBeUndefined();
    for (const table of ['interactions', 'message_log', 'positions', 'sessions', 'consents'] as const) {
      expect(await rowsOf(table, a.travellerId), table).toEqual([]);
    }
    expect(server.ctx.graph.interactionsOf(a.travellerId)).toEqual([]);
    expect(tabB.closeCode).toBeNull();
    tabB.close();
    tabC.close();
  });

  it('are erased when their session expires, and the persona stays', async () => {
    const v = await signIn(server, 'marc');
    const tab = await TestSocket.greeted(server.wsUrl, v.cookie);
    server.clock.set(new Date(TUESDAY_EVENING.getTime() + 25 * 3600_000), 0);
    try {
      const report = await server.housekeeping.runOnce();
      expect(report.sessionsEnded).toBeGreaterThanOrEqual(1);
      expect(await tab.closed()).toBe(CLOSE_CODES.sessionEnded);
      expect(await travellerRow(v.travellerId)).toBeUndefined();
      expect(await travellerRow('marc')).toBeDefined();
      expect((await fetch(`${server.url}/api/session`, { headers: { cookie: v.cookie } })).status).toBe(401);
    } finally {
      server.clock.set(TUESDAY_EVENING, 0);
    }
  });
});
