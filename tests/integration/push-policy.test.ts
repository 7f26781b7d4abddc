/**
 * The push policy end to end, with real sockets and the session's virtual clock: the first position, new
 * areas, quiet hours, the 20-minute rule, never the same suggestion twice a day, meal windows, wallet gaps,
 * agency events, and the traveller's own settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PUSH_SETTINGS, type ServerMessage } from '@escale/shared';
import { setConsent } from '../../server/src/travellers/consents.ts';
import { addBookingFor, putPushSettings, setSessionClock, signIn, signInAs, startTestServer, type TestServer } from '../support/test-server.ts';
import { MARAIS, OPERA } from '../support/positions.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

type Suggestions = Extract<ServerMessage, { type: 'suggestions' }>;

/** Asks for suggestions and returns every push that arrived before that answer (frames are handled in order). */
async function pushesBefore(socket: TestSocket): Promise<Suggestions[]> {
  const before = socket.messages.length;
  socket.send({ type: 'suggest_now' });
  await socket.next((m) => m.type === 'suggestions' && m.trigger.kind === 'suggest_now');
  const asked = socket.messages.findLastIndex((m) => m.type === 'suggestions' && m.trigger.kind === 'suggest_now');
  return socket.messages.slice(before, asked).filter((m): m is Suggestions => m.type === 'suggestions');
}

const local = (iso: string) => new Date(iso); // the instants below are UTC; Paris is UTC+1 in November

describe('push policy', () => {
  it('keeps quiet hours and the 20-minute rule for notifications, while the feed follows every move and says why nothing is sent', async () => {
    const cookie = await signInAs(server, 'lea');
    await setSessionClock(server, cookie, local('2026-11-24T21:30:00Z')); // 22:30 in Paris: quiet hours
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    const feedAt = (where: { lat: number }) => socket.next<'feed'>((m) => m.type === 'feed' && m.position?.lat === where.lat);

    // Opening the app: the feed, which says notifications wait for the end of quiet hours.
    socket.send({ type: 'location', ...MARAIS });
    const atMarais = await feedAt(MARAIS);
    expect(atMarais.notifications).toEqual({ state: 'quiet_hours', until: '08:00' });

    // Arriving in another area at 22:30: no notification, but the feed is ranked for where the traveller is.
    socket.send({ type: 'location', ...OPERA });
    const atOpera = await feedAt(OPERA);
    expect(atOpera.items.map((s) => s.id)).not.toEqual(atMarais.items.map((s) => s.id));
    expect(Math.max(...atOpera.items.map((s) => s.distanceMeters!))).toBeLessThan(2500);
    expect(await pushesBefore(socket)).toEqual([]);

    // 08:10 the next morning: quiet hours are over, a new area notifies.
    await setSessionClock(server, cookie, local('2026-11-25T07:10:00Z'));
    socket.send({ type: 'location', ...MARAIS });
    const morning = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.trigger.kind === 'new_area');
    expect(morning.solicited).toBe(false);
    expect(morning.trigger.evidence).toEqual({ key: 'trigger.new_area', params: { area: expect.stringMatching(/^Paris \d+(er|e)$/) } });
    expect((await feedAt(MARAIS)).notifications).toEqual({ state: 'paced', nextAt: '08:30', minutes: 20 });

    // Ten minutes later another area: the notification is held by the 20-minute rule, the feed is not.
    await setSessionClock(server, cookie, local('2026-11-25T07:20:00Z'));
    socket.send({ type: 'location', ...OPERA });
    expect((await feedAt(OPERA)).notifications).toEqual({ state: 'paced', nextAt: '08:30', minutes: 10 });
    const askedAt0720 = socket.messages.length;
    expect(await pushesBefore(socket)).toEqual([]);
    const asked = socket.messages.slice(askedAt0720).find((m): m is Suggestions => m.type === 'suggestions')!;

    // 21 minutes after the last notification: it goes, and nothing notified earlier today comes back.
    await setSessionClock(server, cookie, local('2026-11-25T07:31:00Z'));
    socket.send({ type: 'location', ...MARAIS });
    const later = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.seq > asked.seq);
    expect(later).toMatchObject({ trigger: { kind: 'new_area' }, solicited: false });
    const earlierToday = [morning, asked].flatMap((p) => p.items.map((s) => s.id));
    expect(later.items.length).toBeGreaterThan(0);
    expect(later.items.filter((s) => earlierToday.includes(s.id))).toEqual([]);
    socket.close();
  });

  it('asks the client to refresh its feed sooner when the session clock runs fast', async () => {
    const cookie = await signInAs(server, 'lea');
    await setSessionClock(server, cookie, local('2026-11-24T17:00:00Z'), 60);
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send({ type: 'location', ...MARAIS });
    const feed = await socket.nextOfType('feed');
    // At most ten minutes of session time, which is ten seconds at 60×.
    expect(feed.refreshInMs).toBeGreaterThanOrEqual(2_000);
    expect(feed.refreshInMs).toBeLessThanOrEqual(10_000);
    socket.close();
  });

  it('a session that played in the future does not silence its pushes on the real clock', async () => {
    const cookie = await signInAs(server, 'lea');
    await setSessionClock(server, cookie, local('2030-06-04T13:00:00Z')); // a demo played years ahead
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send({ type: 'location', ...MARAIS });
    await socket.nextOfType('feed');
    socket.send({ type: 'location', ...OPERA });
    const ahead = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.trigger.kind === 'new_area');
    expect(ahead.solicited).toBe(false); // "last unsolicited push": June 2030

    // Back on the server's clock (Tuesday 18:00 in Paris): the next new area is pushed at once.
    const reset = await fetch(`${server.url}/api/session/clock`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: '{"reset":true}' });
    expect(reset.status).toBe(200);
    socket.send({ type: 'location', ...MARAIS });
    const back = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.seq > ahead.seq);
    expect(back).toMatchObject({ trigger: { kind: 'new_area' }, solicited: false });
    expect(back.at).toMatch(/^2026-11-24T18:00:00\+01:00$/);
    socket.close();
  });

  it('refuses a session clock more than five years away, saying the allowed range', async () => {
    const cookie = await signInAs(server, 'lea');
    for (const at of ['9999-12-31T23:59:59Z', '2032-01-01T00:00:00Z', '2021-01-01T00:00:00Z']) {
      const res = await fetch(`${server.url}/api/session/clock`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ at, speed: 60 }) });
      expect(res.status, at).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/within 5 years.*2021-11-24 and 2031-11-24/) } });
    }
    const clock = await (await fetch(`${server.url}/api/session/clock`, { headers: { cookie } })).json();
    expect(clock).toMatchObject({ virtual: false });
  });

  it('announces a meal window once, at the city’s meal time', async () => {
    const cookie = await signInAs(server, 'martin-family');
    await setSessionClock(server, cookie, local('2026-11-25T11:05:00Z')); // 12:05 in Paris
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send({ type: 'location', lat: 48.8608, lon: 2.3376 });
    await socket.nextOfType('feed'); // first position
    await server.realtime.tick();
    const meal = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.trigger.kind === 'meal_window');
    expect(meal.trigger.evidence).toEqual({ key: 'trigger.meal_window', params: { meal: 'lunch', time: '12:00' } });
    await server.realtime.tick();
    expect(await pushesBefore(socket)).toEqual([]); // once per window
    socket.close();
  });

  it('suggests something for a free stretch in the wallet, and only with the wallet consent', async () => {
    const { cookie, travellerId: marc } = await signIn(server, 'marc');
    await putPushSettings(server, cookie, { triggers: { meal_window: false } });
    const at = (iso: string) => new Date(iso).toISOString().replace('.000Z', '+00:00');
    await addBookingFor(server, marc, {
      id: 'marc-lunch',
      kind: 'FoodEstablishmentReservation',
      title: 'Lunch',
      placeId: null,
      startsAt: at('2026-11-25T11:30:00Z'),
      endsAt: at('2026-11-25T13:00:00Z'),
      timezone: 'Europe/Paris',
      source: 'manual',
      status: 'confirmed',
    });
    await addBookingFor(server, marc, {
      id: 'marc-show',
      kind: 'EventReservation',
      title: 'Show',
      placeId: null,
      startsAt: at('2026-11-25T17:30:00Z'),
      endsAt: null,
      timezone: 'Europe/Paris',
      source: 'manual',
      status: 'confirmed',
    });
    await setSessionClock(server, cookie, local('2026-11-25T13:10:00Z')); // 14:10 in Paris, free until 18:30
    const socket = await TestSocket.greeted(server.wsUrl, cookie);

    await setConsent(server.ctx, marc, 'wallet', false);
    await server.realtime.tick();
    expect(await pushesBefore(socket)).toEqual([]); // wallet consent off: the bookings are not even read

    await setConsent(server.ctx, marc, 'wallet', true);
    await server.realtime.tick();
    const gap = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.trigger.kind === 'wallet_gap');
    expect(gap.trigger.evidence).toEqual({ key: 'trigger.wallet_gap', params: { from: '14:10', until: '18:30' } });
    socket.close();
  });

  it('tells a traveller about an agency event that matches what they said they like', async () => {
    const cookie = await signInAs(server, 'lea');
    await setSessionClock(server, cookie, local('2026-11-25T15:00:00Z'));
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    const tasting = {
      id: 'evt-wine-tasting',
      agencyId: 'escale-demo',
      placeId: 'osm:node/247467737', // Willi's Wine Bar (OSM)
      title: 'Natural wine tasting',
      kind: 'class' as const,
      tags: ['wine'],
      startsAt: new Date('2026-11-25T18:00:00Z'),
      endsAt: new Date('2026-11-25T20:00:00Z'),
      capacity: 12,
      seatsLeft: 12,
      price: 25,
      currency: 'EUR' as const,
    };
    await server.realtime.publishEvent(tasting);
    const push = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.trigger.kind === 'agency_event');
    expect(push.trigger.evidence).toMatchObject({ key: 'trigger.agency_event', params: { title: 'Natural wine tasting', kind: 'tag', id: 'wine' } });
    // Marc stated no interests (profile consent off): he hears nothing of it.
    const marc = await TestSocket.greeted(server.wsUrl, await signInAs(server, 'marc'));
    await server.realtime.publishEvent({ ...tasting, id: 'evt-wine-tasting-2' });
    expect(await pushesBefore(marc)).toEqual([]);
    socket.close();
    marc.close();
  });

  it('stores the traveller’s settings, refuses bad ones with a clear error, and obeys them', async () => {
    const cookie = await signInAs(server, 'lea');
    const initial = await fetch(`${server.url}/api/push-settings`, { headers: { cookie } });
    expect(await initial.json()).toEqual(DEFAULT_PUSH_SETTINGS);

    const bad = await putPushSettings(server, cookie, { quietHours: { from: '25:00' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/HH:MM/) } });
    expect((await putPushSettings(server, cookie, { teleport: true })).status).toBe(400);

    const saved = await putPushSettings(server, cookie, { triggers: { new_area: false }, minMinutesBetweenPushes: 0 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ triggers: { ...DEFAULT_PUSH_SETTINGS.triggers, new_area: false }, minMinutesBetweenPushes: 0 });
    const reread = await (await fetch(`${server.url}/api/push-settings`, { headers: { cookie } })).json();
    expect(reread.triggers.new_area).toBe(false);

    // With "new area" off, crossing town is announced as a walk of so many metres instead.
    await setSessionClock(server, cookie, local('2026-11-25T15:00:00Z'));
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    socket.send({ type: 'location', ...MARAIS });
    await socket.nextOfType('feed');
    socket.send({ type: 'location', ...OPERA });
    const moved = await socket.next<'suggestions'>((m) => m.type === 'suggestions' && m.trigger.kind !== 'first_position');
    expect(moved.trigger.kind).toBe('moved');
    expect(Number(moved.trigger.evidence.params.meters)).toBeGreaterThan(2000);
    // A step of 100 m is not a move.
    socket.send({ type: 'location', lat: OPERA.lat + 0.0009, lon: OPERA.lon });
    expect(await pushesBefore(socket)).toEqual([]);
    socket.close();
    await putPushSettings(server, cookie, DEFAULT_PUSH_SETTINGS);
  });

  it('obeys settings changed while connected on the next move', async () => {
    const cookie = await signInAs(server, 'lea');
    await setSessionClock(server, cookie, local('2026-11-25T15:00:00Z'));
    const socket = await TestSocket.greeted(server.wsUrl, cookie);
    try {
      socket.send({ type: 'location', ...MARAIS });
      await socket.nextOfType('feed'); // first position: the traveller's settings are now held in memory
      expect((await putPushSettings(server, cookie, { triggers: { new_area: false, moved: false } })).status).toBe(200);
      socket.send({ type: 'location', ...OPERA });
      expect(await pushesBefore(socket)).toEqual([]);
    } finally {
      socket.close();
      await putPushSettings(server, cookie, DEFAULT_PUSH_SETTINGS);
    }
  });
});
