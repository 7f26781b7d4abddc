/**
 * A trip's calendar feed as a calendar app sees it, on SQLite and PostgreSQL: fetched without a session,
 * read back with ical.js, every booking at its instant across zones (a flight that leaves in Paris time and
 * lands in New York time), nothing of another trip; a cancelled booking gone; a replaced or revoked URL, or
 * the wallet consent off, answered 404.
 */
import http from 'node:http';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CalendarFeedCreated, type Booking, type WalletBody } from '@escale/shared';
import { setConsent } from '../../server/src/travellers/consents.ts';
import { signIn, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const json = (cookie: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function add(cookie: string, booking: Record<string, unknown>): Promise<Booking> {
  const res = await json(cookie, 'POST', '/api/wallet/bookings', { placeId: null, endsAt: null, ...booking });
  expect(res.status).toBe(201);
  return (await res.json()) as Booking;
}

const place = (name: string, code: string | null, address: string | null = null) => ({ name, code, address, lat: null, lon: null });

const FLIGHT = {
  kind: 'FlightReservation',
  title: 'AF 6 CDG → JFK',
  startsAt: '2026-12-20T10:30:00+01:00',
  endsAt: '2026-12-20T12:45:00-05:00',
  timezone: 'Europe/Paris',
  details: { number: 'AF 6', reservationNumber: 'QX7P2R', seat: '23A', from: place('Paris', 'CDG'), to: place('New York', 'JFK'), endTimezone: 'America/New_York' },
};
const HOTEL = {
  kind: 'LodgingReservation',
  title: 'The Jane',
  startsAt: '2026-12-20T15:00:00-05:00',
  endsAt: '2026-12-24T11:00:00-05:00',
  timezone: 'America/New_York',
  details: { venue: place('The Jane', null, '113 Jane St, New York, NY 10014') },
};
const DINNER = { kind: 'FoodEstablishmentReservation', title: 'Via Carota', startsAt: '2026-12-21T19:30:00-05:00', timezone: 'America/New_York', details: { partySize: 2 } };
const LYON = {
  kind: 'LodgingReservation',
  title: 'Hôtel des Célestins',
  startsAt: '2027-01-15T15:00:00+01:00',
  endsAt: '2027-01-17T11:00:00+01:00',
  timezone: 'Europe/Paris',
  details: { venue: place('Hôtel des Célestins', null, '4 rue des Célestins, 69002 Lyon') },
};

/** The feed as a calendar app reads it: each event's start and end (epoch ms) and summary, by UID. */
async function readFeed(url: string): Promise<{ res: Response; name: string; events: Map<string, { start: number; end: number | null; summary: string; description: string }> }> {
  const res = await fetch(url);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map(
    calendar.getAllSubcomponents('vevent').map((e) => {
      const event = new ICAL.Event(e);
      return [
        event.uid,
        {
          start: event.startDate.toJSDate().getTime(),
          end: e.hasProperty('dtend') ? event.endDate.toJSDate().getTime() : null,
          summary: event.summary,
          description: event.description,
        },
      ];
    }),
  );
  return { res, name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

/**
 * The status of a conditional GET, as a calendar app sends it. Not with fetch: fetch adds `Cache-Control:
 * no-cache` to a request carrying If-None-Match, which asks the server for the full body.
 */
function revalidate(url: string, etag: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'if-none-match': etag } }, (res) => resolve(res.resume().statusCode)).on('error', reject);
  });
}

async function feedUrl(cookie: string, tripId: string): Promise<string> {
  const res = await json(cookie, 'POST', `/api/wallet/trips/${tripId}/calendar`);
  expect(res.status).toBe(201);
  return CalendarFeedCreated.parse(await res.json()).url;
}

async function expectGone(url: string): Promise<void> {
  const res = await fetch(url);
  expect(res.status).toBe(404);
  expect(ApiError.parse(await res.json()).error.code).toBe('not_found');
}

describe('a trip’s calendar feed', () => {
  it('holds every booking of the trip at its instant, across zones, and nothing of another trip', async () => {
    const { cookie } = await signIn(server, 'lea');
    const flight = await add(cookie, FLIGHT);
    const hotel = await add(cookie, HOTEL);
    const dinner = await add(cookie, DINNER);
    const lyon = await add(cookie, LYON);
    const { trips } = (await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody;
    expect(trips.map((t) => [t.name, t.timeZone, t.bookingIds])).toEqual([
      ['Paris → New York', 'America/New_York', [flight.id, hotel.id, dinner.id]],
      ['Lyon', 'Europe/Paris', [lyon.id]],
    ]);
    const [newYork, lyonTrip] = trips as [WalletBody['trips'][0], WalletBody['trips'][0]];

    const url = await feedUrl(cookie, newYork.id);
    expect(url.startsWith(`${server.url}/api/calendar/`)).toBe(true);
    const { res, name, events } = await readFeed(url);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(name).toBe('Paris → New York');
    expect([...events.keys()].sort()).toEqual([flight, hotel, dinner].map((b) => `${b.id}@escale`).sort());
    expect(events.get(`${flight.id}@escale`)).toMatchObject({
      start: Date.parse('2026-12-20T09:30:00Z'),
      end: Date.parse('2026-12-20T17:45:00Z'),
      summary: 'Flight AF 6 Paris → New York',
    });
    expect(events.get(`${flight.id}@escale`)!.description).toContain('10:30 Europe/Paris → 12:45 America/New_York');
    expect(events.get(`${flight.id}@escale`)!.description).toContain('Seat: 23A');
    expect(events.get(`${hotel.id}@escale`)).toMatchObject({ start: Date.parse('2026-12-20T20:00:00Z'), end: Date.parse('2026-12-24T16:00:00Z'), summary: 'Hotel: The Jane' });
    expect(events.get(`${dinner.id}@escale`)).toMatchObject({ start: Date.parse('2026-12-22T00:30:00Z'), end: null, summary: 'Dinner at Via Carota' });
    expect(await (await fetch(url)).text()).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');

    // The same wallet, the same bytes: an app's next fetch ends in a 304.
    expect(await revalidate(url, res.headers.get('etag')!)).toBe(304);

    const other = await readFeed(await feedUrl(cookie, lyonTrip.id));
    expect([...other.events.keys()]).toEqual([`${lyon.id}@escale`]);
    const wallet = (await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody;
    expect(wallet.trips.every((t) => t.calendar !== null)).toBe(true);

    // Cancelled: gone from the feed at the next fetch.
    await json(cookie, 'DELETE', `/api/wallet/bookings/${dinner.id}`);
    expect([...(await readFeed(url)).events.keys()].sort()).toEqual([flight, hotel].map((b) => `${b.id}@escale`).sort());
  });

  it('stops answering a replaced or revoked URL, and while the wallet consent is off', async () => {
    const { cookie, travellerId } = await signIn(server, 'lea');
    await add(cookie, LYON);
    const trip = ((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).trips[0]!;
    const first = await feedUrl(cookie, trip.id);
    const second = await feedUrl(cookie, trip.id);
    await expectGone(first);
    expect((await fetch(second)).status).toBe(200);

    await setConsent(server.ctx, travellerId, 'wallet', false);
    await expectGone(second);
    expect((await json(cookie, 'POST', `/api/wallet/trips/${trip.id}/calendar`)).status).toBe(403);
    await setConsent(server.ctx, travellerId, 'wallet', true);
    expect((await fetch(second)).status).toBe(200);

    expect((await json(cookie, 'DELETE', `/api/wallet/trips/${trip.id}/calendar`)).status).toBe(204);
    await expectGone(second);
    expect(((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).trips[0]!.calendar).toBeNull();
    await expectGone(`${server.url}/api/calendar/${'A'.repeat(43)}.ics`);
    await expectGone(`${server.url}/api/calendar/not-a-token.ics`);
  });

  it('makes and revokes feeds of the traveller’s own trips only', async () => {
    const lea = await signIn(server, 'lea');
    await add(lea.cookie, LYON);
    const trip = ((await (await json(lea.cookie, 'GET', '/api/wallet')).json()) as WalletBody).trips[0]!;
    const marc = await signIn(server, 'marc');
    expect((await json(marc.cookie, 'POST', `/api/wallet/trips/${trip.id}/calendar`)).status).toBe(404);
    expect((await json(marc.cookie, 'DELETE', `/api/wallet/trips/${trip.id}/calendar`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/wallet/trips/${trip.id}/calendar`, { method: 'POST' })).status).toBe(401);
  });
});
