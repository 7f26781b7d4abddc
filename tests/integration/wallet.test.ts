/**
 * The wallet over HTTP, on the store the project runs on (SQLite and PostgreSQL): a file previewed, then
 * saved all at once; the same file again found as a duplicate; bookings typed, edited and cancelled by
 * hand; refusals with their reasons; nothing stored without the wallet consent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, ImportConfirmed, ImportPreview, WalletBody } from '@escale/shared';
import { setConsent } from '../../server/src/travellers/consents.ts';
import { signIn, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const MAIL = [
  'From: "Air France" <confirmation@example.com>',
  'To: lea@example.com',
  'Subject: =?UTF-8?Q?Votre_r=C3=A9servation?=',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Your flight AF 346 from CDG to YUL.',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<html><body><script type=3D"application/ld+json">{"@context":"http://schema.org","@type":"FlightReservati=',
  'on","reservationNumber":"QX7P2R","reservationFor":{"@type":"Flight","flightNumber":"346","airline":{"@type=',
  '":"Airline","iataCode":"AF","name":"Air France"},"departureAirport":{"@type":"Airport","iataCode":"CDG"},=',
  '"arrivalAirport":{"@type":"Airport","iataCode":"YUL"},"departureTime":"2026-12-20T10:30:00+01:00","arri=',
  'valTime":"2026-12-20T12:45:00-05:00"}}</script><p>Bon voyage</p></body></html>',
  '--b1--',
  '',
].join('\r\n');

async function upload(cookie: string, name: string, body: string | Uint8Array, type = 'application/octet-stream'): Promise<Response> {
  return fetch(`${server.url}/api/wallet/import`, {
    method: 'POST',
    headers: { cookie, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}
const json = (cookie: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('the wallet', () => {
  it('previews an e-mail without saving it, saves what the traveller kept, and knows the file the second time', async () => {
    const { cookie } = await signIn(server, 'lea');
    const res = await upload(cookie, 'Votre réservation.eml', MAIL);
    expect(res.status).toBe(200);
    const preview = (await res.json()) as ImportPreview;
    expect(preview.format).toBe('email');
    expect(preview.drafts).toHaveLength(1);
    expect(preview.drafts[0]).toMatchObject({ kind: 'FlightReservation', title: 'AF 346 CDG → YUL', duplicateOf: null, details: { reservationNumber: 'QX7P2R' } });
    // Nothing saved by a preview.
    expect(((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings).toHaveLength(0);

    const saved = await json(cookie, 'POST', '/api/wallet/import/confirm', { drafts: preview.drafts });
    expect(saved.status).toBe(201);
    const { created } = (await saved.json()) as ImportConfirmed;
    expect(created).toHaveLength(1);
    const wallet = ((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings;
    expect(wallet.map((b) => [b.title, Date.parse(b.startsAt), b.source])).toEqual([['AF 346 CDG → YUL', Date.parse('2026-12-20T09:30:00Z'), 'email']]);

    const again = (await (await upload(cookie, 'copy.eml', MAIL)).json()) as ImportPreview;
    expect(again.drafts[0]!.duplicateOf).toBe(created[0]!.id);
    const twice = (await (await json(cookie, 'POST', '/api/wallet/import/confirm', { drafts: again.drafts })).json()) as ImportConfirmed;
    expect(twice).toEqual({ created: [], duplicates: 1 });
    expect(((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings).toHaveLength(1);
  });

  it('adds, edits and cancels a booking by hand, and says what is wrong with a bad one', async () => {
    const { cookie } = await signIn(server, 'lea');
    const table = {
      kind: 'FoodEstablishmentReservation',
      title: 'Le Baratin',
      placeId: null,
      startsAt: '2026-12-21T20:30:00+01:00',
      endsAt: null,
      timezone: 'Europe/Paris',
      details: { partySize: 2 },
    };
    const created = await json(cookie, 'POST', '/api/wallet/bookings', table);
    expect(created.status).toBe(201);
    const booking = (await created.json()) as Booking;
    expect(booking).toMatchObject({ source: 'manual', status: 'confirmed', details: { partySize: 2 } });

    const edited = (await (await json(cookie, 'PUT', `/api/wallet/bookings/${booking.id}`, { ...table, startsAt: '2026-12-21T21:00:00+01:00' })).json()) as Booking;
    expect(Date.parse(edited.startsAt)).toBe(Date.parse('2026-12-21T20:00:00Z'));

    const bad = await json(cookie, 'POST', '/api/wallet/bookings', { ...table, endsAt: '2026-12-21T19:00:00+01:00' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/end is before the start/);

    const cancelled = (await (await json(cookie, 'DELETE', `/api/wallet/bookings/${booking.id}`)).json()) as Booking;
    expect(cancelled.status).toBe('cancelled');
    const other = await signIn(server, 'marc');
    expect((await json(other.cookie, 'PUT', `/api/wallet/bookings/${booking.id}`, table)).status).toBe(404);
    expect((await json(other.cookie, 'DELETE', `/api/wallet/bookings/${booking.id}`)).status).toBe(404);
  });

  it('applies a change replayed with its Idempotency-Key once, answering the retry as the first time', async () => {
    const { cookie } = await signIn(server, 'lea');
    const table = { kind: 'FoodEstablishmentReservation', title: 'Chez Janou', placeId: null, startsAt: '2026-12-22T13:00:00+01:00', endsAt: null, timezone: 'Europe/Paris' };
    const send = (key: string, body: unknown) =>
      fetch(`${server.url}/api/wallet/bookings`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
    // The phone's queue sends the same change three times (two answers lost on the way), two of them at once.
    const answers = await Promise.all([send('offline-change-0001', table), send('offline-change-0001', table)]);
    const third = await send('offline-change-0001', table);
    const bodies = (await Promise.all([...answers, third].map((r) => r.json()))) as Booking[];
    expect([...answers, third].map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    const wallet = ((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings;
    expect(wallet.filter((b) => b.title === 'Chez Janou')).toHaveLength(1);
    // The same key for another change is a client bug: refused, nothing written.
    const reused = await send('offline-change-0001', { ...table, title: 'Another table' });
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe('idempotency_conflict');
    expect((await send('bad key!', table)).status).toBe(400);
  });

  it('refuses an edit made from an older revision (412) and changes nothing, so the traveller decides', async () => {
    const { cookie } = await signIn(server, 'lea');
    const show = { kind: 'EventReservation', title: 'Concert', placeId: null, startsAt: '2026-12-23T20:30:00+01:00', endsAt: null, timezone: 'Europe/Paris' };
    const booking = (await (await json(cookie, 'POST', '/api/wallet/bookings', show)).json()) as Booking;
    expect(booking.revision).toMatch(/^[\w-]{22}$/);
    const put = (revision: string, body: unknown) =>
      fetch(`${server.url}/api/wallet/bookings/${booking.id}`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json', 'if-match': `"${revision}"` }, body: JSON.stringify(body) });
    // Another device moves the concert; the phone, offline, had renamed it from the first revision.
    const moved = await put(booking.revision!, { ...show, startsAt: '2026-12-23T21:00:00+01:00' });
    expect(moved.status).toBe(200);
    const newer = (await moved.json()) as Booking;
    expect(newer.revision).not.toBe(booking.revision);
    const stale = await put(booking.revision!, { ...show, title: 'Jazz concert' });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('conflict');
    const cancelStale = await fetch(`${server.url}/api/wallet/bookings/${booking.id}`, { method: 'DELETE', headers: { cookie, 'if-match': `"${booking.revision}"` } });
    expect(cancelStale.status).toBe(412);
    const now = ((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings.find((b) => b.id === booking.id)!;
    expect([now.title, now.status, now.revision]).toEqual(['Concert', 'confirmed', newer.revision]);
    // Keeping the phone's change: sent again over the current revision, it goes through.
    expect((await put(newer.revision!, { ...show, startsAt: '2026-12-23T21:00:00+01:00', title: 'Jazz concert' })).status).toBe(200);
  });

  it('refuses a file it cannot read, with the reason, and stores nothing of it', async () => {
    const { cookie } = await signIn(server, 'lea');
    const refused = async (name: string, body: string | Uint8Array) => {
      const res = await upload(cookie, name, body);
      return { status: res.status, body: (await res.json()) as { error: { code: string; reason: string; message: string } } };
    };
    expect(await refused('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff]))).toMatchObject({ status: 415, body: { error: { code: 'import_refused', reason: 'unsupported_format' } } });
    expect(await refused('broken.pkpass', 'PK not really a zip')).toMatchObject({ status: 422, body: { error: { reason: 'malformed' } } });
    expect(await refused('note.txt', 'Your train leaves at 10')).toMatchObject({ status: 422, body: { error: { reason: 'nothing_found' } } });
    expect((await refused('huge.ics', new Uint8Array(10 * 1024 * 1024 + 2))).status).toBe(413);
    expect((await upload(cookie, 'mail.eml', MAIL, 'text/plain')).status).toBe(415);
    expect(((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings).toHaveLength(0);
  });

  it('stores nothing without the wallet consent', async () => {
    const { cookie, travellerId } = await signIn(server, 'lea');
    await setConsent(server.ctx, travellerId, 'wallet', false);
    const res = await upload(cookie, 'mail.eml', MAIL);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('consent_required');
    const typed = await json(cookie, 'POST', '/api/wallet/bookings', {
      kind: 'EventReservation',
      title: 'Concert',
      placeId: null,
      startsAt: '2026-12-21T20:30:00+01:00',
      endsAt: null,
      timezone: 'Europe/Paris',
    });
    expect(typed.status).toBe(403);
    expect(((await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings).toHaveLength(0);
  });
});

describe('trips', () => {
  const add = async (cookie: string, booking: Record<string, unknown>): Promise<Booking> => {
    const res = await json(cookie, 'POST', '/api/wallet/bookings', { placeId: null, endsAt: null, timezone: 'Europe/Paris', ...booking });
    expect(res.status).toBe(201);
    return (await res.json()) as Booking;
  };
  const wallet = async (cookie: string) => (await (await json(cookie, 'GET', '/api/wallet')).json()) as WalletBody;
  const hotel = (city: string, postcode: string, startsAt: string, endsAt: string) => ({
    kind: 'LodgingReservation',
    title: `Hôtel de ${city}`,
    startsAt,
    endsAt,
    details: { venue: { name: `Hôtel de ${city}`, code: null, address: `1 place de la Gare, ${postcode} ${city}, France`, lat: null, lon: null } },
  });

  it('makes two trips of two cities a week apart, each named after its city', async () => {
    const { cookie } = await signIn(server, 'lea');
    const lyon = await add(cookie, hotel('Lyon', '69002', '2026-12-01T15:00:00+01:00', '2026-12-03T11:00:00+01:00'));
    const nice = await add(cookie, hotel('Nice', '06000', '2026-12-10T15:00:00+01:00', '2026-12-12T11:00:00+01:00'));
    const { trips } = await wallet(cookie);
    expect(trips.map((t) => [t.name, t.bookingIds, t.renamed, t.timeZone])).toEqual([
      ['Lyon', [lyon.id], false, 'Europe/Paris'],
      ['Nice', [nice.id], false, 'Europe/Paris'],
    ]);
    expect(trips[0]).toMatchObject({ startsAt: '2026-12-01T15:00:00+01:00', endsAt: '2026-12-03T11:00:00+01:00', calendar: null });
  });

  it('keeps a hotel, a dinner and a show in one city in one trip', async () => {
    const { cookie } = await signIn(server, 'lea');
    const stay = await add(cookie, hotel('Paris', '75004', '2026-12-01T15:00:00+01:00', '2026-12-04T11:00:00+01:00'));
    const dinner = await add(cookie, { kind: 'FoodEstablishmentReservation', title: 'Le Baratin', startsAt: '2026-12-01T20:30:00+01:00' });
    const show = await add(cookie, { kind: 'EventReservation', title: 'Jazz at the Sunset', startsAt: '2026-12-02T21:00:00+01:00' });
    const { trips } = await wallet(cookie);
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({ name: 'Paris', bookingIds: [stay.id, dinner.id, show.id] });
  });

  it('merges two trips that a booking bridges, keeping the older one’s id, and its name when renamed', async () => {
    const { cookie } = await signIn(server, 'marc');
    await add(cookie, hotel('Lyon', '69002', '2026-12-01T15:00:00+01:00', '2026-12-03T11:00:00+01:00'));
    const older = (await wallet(cookie)).trips[0]!;
    const renamed = await json(cookie, 'PUT', `/api/wallet/trips/${older.id}`, { name: '  Conference  ' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: older.id, name: 'Conference', renamed: true });
    await add(cookie, hotel('Nice', '06000', '2026-12-06T15:00:00+01:00', '2026-12-08T11:00:00+01:00'));
    expect((await wallet(cookie)).trips).toHaveLength(2);
    // A night in Avignon on the 4th closes the gap: one trip, with the first one’s id and the traveller’s name.
    await add(cookie, hotel('Avignon', '84000', '2026-12-04T15:00:00+01:00', '2026-12-05T11:00:00+01:00'));
    const { trips, bookings } = await wallet(cookie);
    expect(trips.map((t) => [t.id, t.name, t.bookingIds.length])).toEqual([[older.id, 'Conference', 3]]);
    expect(bookings).toHaveLength(3);
  });

  it('takes a cancelled booking out of its trip, and lets the trip go with its last booking', async () => {
    const { cookie } = await signIn(server, 'lea');
    const stay = await add(cookie, hotel('Lyon', '69002', '2026-12-01T15:00:00+01:00', '2026-12-03T11:00:00+01:00'));
    const dinner = await add(cookie, { kind: 'FoodEstablishmentReservation', title: 'Le Bouchon', startsAt: '2026-12-02T20:00:00+01:00' });
    await json(cookie, 'DELETE', `/api/wallet/bookings/${dinner.id}`);
    expect((await wallet(cookie)).trips.map((t) => t.bookingIds)).toEqual([[stay.id]]);
    await json(cookie, 'DELETE', `/api/wallet/bookings/${stay.id}`);
    const after = await wallet(cookie);
    expect(after.trips).toEqual([]);
    expect(after.bookings.map((b) => b.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('renames only the traveller’s own trips, with the wallet consent, and a name that is one', async () => {
    const { cookie, travellerId } = await signIn(server, 'lea');
    await add(cookie, hotel('Lyon', '69002', '2026-12-01T15:00:00+01:00', '2026-12-03T11:00:00+01:00'));
    const trip = (await wallet(cookie)).trips[0]!;
    const other = await signIn(server, 'marc');
    expect((await json(other.cookie, 'PUT', `/api/wallet/trips/${trip.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await json(cookie, 'PUT', `/api/wallet/trips/${trip.id}`, { name: '   ' })).status).toBe(400);
    await setConsent(server.ctx, travellerId, 'wallet', false);
    expect((await json(cookie, 'PUT', `/api/wallet/trips/${trip.id}`, { name: 'Lyon again' })).status).toBe(403);
    expect((await wallet(cookie)).trips[0]!.name).toBe('Lyon');
  });
});
