import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConsent } from '../../server/src/travellers/consents.ts';
import { addBookingFor, signIn, signInAs, startTestServer, type TestServer } from '../support/test-server.ts';
import { MARAIS, OPERA } from '../support/positions.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('live suggestions over the WebSocket', () => {
  it('refuses an upgrade without a session (401) and from a foreign origin (403)', async () => {
    await expect(TestSocket.open(server.wsUrl, {})).rejects.toMatchObject({ status: 401 });
    const cookie = await signInAs(server, 'lea');
    await expect(TestSocket.open(server.wsUrl, { cookie, origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    const sameOrigin = await TestSocket.open(server.wsUrl, { cookie, origin: server.url });
    sameOrigin.close();
  });

  it('answers a location with a feed of explained ideas, and notifies on arriving elsewhere', async () => {
    const cookie = await signInAs(server, 'lea');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send({ type: 'location', ...MARAIS });
    const feed = await socket.nextOfType('feed');
    expect(feed.position).toEqual(MARAIS);
    expect(feed.items.length).toBeGreaterThan(3); // more ideas than a notification carries
    expect(feed.items.length).toBeLessThanOrEqual(10);
    expect(feed.notifications).toEqual({ state: 'on' });
    // Asked for again when something shown closes or starts, and at least every 10 minutes.
    expect(feed.refreshInMs).toBeGreaterThan(0);
    expect(feed.refreshInMs).toBeLessThanOrEqual(600_000);
    for (const s of feed.items) {
      expect(s.distanceMeters).not.toBeNull();
      expect(s.walkMinutes).toBeGreaterThan(0);
      expect(s.contributions.map((c) => c.signal)).toEqual(['proximity', 'timing', 'interests', 'taste', 'trip', 'party', 'budget', 'popularity', 'agency']);
      expect(s.reason.key).not.toMatch(/^proximity\./); // the card states the distance already
      expect(s.item.place.category).not.toBe('museum'); // Léa said no museums
    }
    // Opening the app is not news: the first position notifies nothing.
    expect(socket.messages.filter((m) => m.type === 'suggestions')).toEqual([]);
    // Arriving across town: a notification saying where, and a feed ranked for the new position.
    socket.send({ type: 'location', ...OPERA });
    const moved = await socket.nextOfType('suggestions');
    expect(moved.position).toEqual(OPERA);
    expect(moved.trigger).toEqual({ kind: 'new_area', evidence: { key: 'trigger.new_area', params: { area: 'Paris 2e' } } });
    expect(moved.solicited).toBe(false);
    expect(moved.items.length).toBeLessThanOrEqual(3);
    const there = await socket.next<'feed'>((m) => m.type === 'feed' && m.position?.lat === OPERA.lat);
    expect(there.items.every((s) => s.distanceMeters! < feed.items.at(-1)!.distanceMeters! + 2000)).toBe(true);
    socket.close();
  });

  it('answers bad frames with an error and keeps the connection usable', async () => {
    const cookie = await signInAs(server, 'lea');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send('{not json');
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'bad_json' });
    socket.send({ type: 'teleport' });
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'unknown_type' });
    socket.send({ type: 'location', lat: 123, lon: 2.35 });
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'bad_message', message: expect.stringMatching(/latitude/) });
    socket.send({ type: 'suggest_now' });
    expect(await socket.nextOfType('suggestions')).toMatchObject({ trigger: { kind: 'suggest_now' } });
    socket.close();
  });

  it('refuses an incompatible protocol version clearly and closes', async () => {
    const cookie = await signInAs(server, 'lea');
    const socket = await TestSocket.open(server.wsUrl, { cookie });
    socket.send({ type: 'hello', protocol: 99 });
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'protocol_version' });
    expect(await socket.closed()).toBe(4400);
  });

  it('closes with 1009 on a frame above the size limit', async () => {
    const cookie = await signInAs(server, 'lea');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send('x'.repeat(64 * 1024));
    expect(await socket.closed()).toBe(1009);
  });

  it('answers a binary frame with an error that says so, and stays usable', async () => {
    const cookie = await signInAs(server, 'lea');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.ws.send(Buffer.from('{"type":"suggest_now"}'));
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'binary_frame', message: expect.stringMatching(/Binary frames are not accepted/) });
    socket.send({ type: 'suggest_now' });
    await socket.nextOfType('suggestions');
    socket.close();
  });

  it('keeps one row and one graph edge for the same feedback sent again and again', async () => {
    const { cookie, travellerId } = await signIn(server, 'lea');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    const placeId = 'museofile:M5060';
    const edges = server.ctx.graph.counts().edges.interaction!;
    for (let i = 0; i < 20; i++) {
      socket.send({ type: 'feedback', placeId, kind: 'liked' });
      await socket.next((m) => m.type === 'feed' && socket.messages.filter((x) => x.type === 'feedback_ack').length === i + 1);
    }
    const rows = await server.ctx.db.selectFrom('interactions').selectAll().where('traveller_id', '=', travellerId).where('place_id', '=', placeId).execute();
    expect(rows).toHaveLength(1);
    expect(server.ctx.graph.counts().edges.interaction).toBe(edges + 1);
    socket.close();
  });

  it('never suggests a dismissed place again', async () => {
    const cookie = await signInAs(server, 'martin-family');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send({ type: 'location', lat: 48.8608, lon: 2.3376 });
    const first = await socket.nextOfType('feed');
    const dismissed = first.items[0]!.item.place.id;
    socket.send({ type: 'feedback', placeId: dismissed, kind: 'dismissed' });
    expect(await socket.nextOfType('feedback_ack')).toMatchObject({ placeId: dismissed, kind: 'dismissed' });
    const after = await socket.nextOfType('feed');
    expect(after.items.map((s) => s.item.place.id)).not.toContain(dismissed);
    // Undo: the place may come back, and the server confirms the undo.
    socket.send({ type: 'feedback_undo', placeId: dismissed, kind: 'dismissed' });
    expect(await socket.nextOfType('feedback_ack')).toMatchObject({ placeId: dismissed, kind: 'dismissed', undone: true });
    expect((await socket.nextOfType('feed')).items.map((s) => s.item.place.id)).toContain(dismissed);
    socket.send({ type: 'feedback', placeId: 'osm:node/0', kind: 'dismissed' });
    expect(await socket.nextOfType('error')).toMatchObject({ code: 'not_found' });
    socket.close();
  });

  it('delivers a notification and the feed to every open tab of the traveller', async () => {
    const cookie = await signInAs(server, 'marc');
    const tabA = await TestSocket.greeted(server.wsUrl, cookie);
    const tabB = await TestSocket.greeted(server.wsUrl, cookie);
    tabA.send({ type: 'location', ...OPERA });
    const [feedA, feedB] = await Promise.all([tabA.nextOfType('feed'), tabB.nextOfType('feed')]);
    expect(feedB.items).toEqual(feedA.items);
    tabA.send({ type: 'suggest_now' });
    const [a, b] = await Promise.all([tabA.nextOfType('suggestions'), tabB.nextOfType('suggestions')]);
    expect(b.seq).toBe(a.seq);
    expect(b.items).toEqual(a.items);
    tabA.close();
    tabB.close();
  });

  it('replays what a client missed, in order, when it says its last sequence number', async () => {
    const cookie = await signInAs(server, 'marc');
    const first = await TestSocket.greeted(server.wsUrl, cookie);
    first.send({ type: 'suggest_now' });
    const seen = await first.nextOfType('suggestions');
    first.close();
    const other = await TestSocket.greeted(server.wsUrl, cookie);
    other.send({ type: 'suggest_now' });
    const missed1 = await other.nextOfType('suggestions');
    other.send({ type: 'suggest_now' });
    const missed2 = await other.next<'suggestions'>((m) => m.type === 'suggestions' && m.seq > missed1.seq);
    const back = await TestSocket.greeted(server.wsUrl, cookie, seen.seq);
    await back.next((m) => 'seq' in m && m.seq === missed2.seq);
    expect(back.welcome?.replay).toBe('replayed');
    const replayed = back.messages.filter((m) => m.type === 'suggestions').map((m) => ('seq' in m ? m.seq : -1));
    expect(replayed).toEqual([missed1.seq, missed2.seq]);
    other.close();
    back.close();
  });

  it('with location consent off, refuses the position and does not store it', async () => {
    const { cookie, travellerId: marc } = await signIn(server, 'marc');
    await setConsent(server.ctx, marc, 'location', false);
    try {
      const socket = await TestSocket.greeted(server.wsUrl, cookie);
      socket.send({ type: 'location', ...OPERA });
      expect(await socket.nextOfType('error')).toMatchObject({ code: 'consent_required' });
      const stored = await server.ctx.db.selectFrom('positions').selectAll().where('traveller_id', '=', marc).execute();
      expect(stored).toEqual([]);
      // Without a position, the app asks for its feed with a refresh: ranked without any distance.
      socket.send({ type: 'refresh' });
      const feed = await socket.nextOfType('feed');
      expect(feed.position).toBeNull();
      expect(feed.items.length).toBeGreaterThan(0);
      expect(feed.items.every((s) => s.distanceMeters === null && !s.contributions.some((c) => c.signal === 'proximity'))).toBe(true);
      socket.close();
    } finally {
      await setConsent(server.ctx, marc, 'location', true);
    }
  });

  it('ranks with a booking made while connected, names it in the trip evidence, and forgets it with the wallet consent', async () => {
    const { cookie, travellerId: lea } = await signIn(server, 'lea');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    const tripOf = (feed: { items: { contributions: { signal: string; evidence: { key: string; params: Record<string, unknown> } }[] }[] }) =>
      feed.items.flatMap((s) => s.contributions.filter((c) => c.signal === 'trip'));
    try {
      socket.send({ type: 'location', ...MARAIS });
      const before = await socket.nextOfType('feed'); // the traveller's rows are now held in memory
      expect(tripOf(before).every((c) => c.evidence.key === 'trip.nothing_booked')).toBe(true);
      // A ticket for 20:30 at a jazz club of the catalogue; its change reaches the push cache.
      await addBookingFor(server, lea, {
        id: 'lea-concert',
        kind: 'EventReservation',
        title: 'Jazz concert',
        placeId: 'osm:node/1144156468',
        startsAt: '2026-11-24T20:30:00+01:00',
        endsAt: null,
        timezone: 'Europe/Paris',
        source: 'manual',
        status: 'confirmed',
      });
      socket.send({ type: 'refresh' });
      const after = await socket.nextOfType('feed');
      const trip = tripOf(after);
      expect(trip.some((c) => c.evidence.key === 'trip.before_booking_near' && c.evidence.params.name === 'Le Petit Journal Saint-Michel' && c.evidence.params.time === '20:30')).toBe(true);
      expect(after.items[0]!.contributions.find((c) => c.signal === 'trip')!.personalData).toEqual([expect.objectContaining({ category: 'wallet', kind: 'booking' })]);
      await setConsent(server.ctx, lea, 'wallet', false);
      socket.send({ type: 'refresh' });
      const withdrawn = await socket.nextOfType('feed');
      expect(tripOf(withdrawn)).toEqual([]);
      expect(withdrawn.items.every((s) => s.contributions.every((c) => c.personalData.every((d) => d.category !== 'wallet')))).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('obeys a consent withdrawn while connected on the very next message', async () => {
    const { cookie, travellerId: marc } = await signIn(server, 'marc');
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    try {
      socket.send({ type: 'location', ...OPERA });
      await socket.nextOfType('feed'); // the traveller's rows are now held in memory
      await setConsent(server.ctx, marc, 'location', false);
      socket.send({ type: 'location', ...MARAIS });
      expect(await socket.nextOfType('error')).toMatchObject({ code: 'consent_required' });
      const stored = await server.ctx.db.selectFrom('positions').select(['lat', 'lon']).where('traveller_id', '=', marc).executeTakeFirst();
      // Withdrawing location forgot the stored position, and the refused one was not stored.
      expect(stored).toBeUndefined();
      await setConsent(server.ctx, marc, 'location', true);
      socket.send({ type: 'location', ...MARAIS });
      const moved = await socket.next<'feed'>((m) => m.type === 'feed' && m.position !== null && m.position.lat === MARAIS.lat);
      expect(moved.position).toEqual({ lat: MARAIS.lat, lon: MARAIS.lon });
    } finally {
      socket.close();
      await setConsent(server.ctx, marc, 'location', true);
    }
  });
});
