/**
 * Trips as stored: `assignTrips` re-applies the grouping rule (trips.ts) after every wallet write, inside
 * that write's transaction, so the wallet and its trips are never seen apart; and the reads and the rename
 * of the trip routes.
 */
import { randomUUID } from 'node:crypto';
import type { Booking, Trip } from '@escale/shared';
import type { Db } from '../store/db.ts';
import { storeKindOf } from '../store/dialect.ts';
import { bookingOf } from './queries.ts';
import { defaultTripName, planTrips, tripSpan, tripTimeZone } from './trips.ts';

/** The traveller's bookings with the trip each is in. */
async function bookingsWithTrips(db: Db, travellerId: string): Promise<{ booking: Booking; tripId: string | null }[]> {
  const rows = await db.selectFrom('bookings').selectAll().where('traveller_id', '=', travellerId).orderBy('starts_at').orderBy('id').execute();
  return rows.map((r) => ({ booking: bookingOf(r), tripId: r.trip_id }));
}

/**
 * Groups the traveller's confirmed bookings into trips again, after a booking was added, edited or cancelled
 * in `trx`: new trips made, merged or emptied ones gone (with their calendar feeds), a cancelled booking
 * taken out of its trip, and the default names of trips the traveller did not rename brought up to date.
 */
/**
 * Taken first by every wallet write: two writes to one wallet at once on PostgreSQL would each group what
 * they read (and, each holding a booking row the other's grouping moves, deadlock). The traveller's row
 * lock makes the second wait for the first's commit. SQLite runs one write transaction at a time already.
 */
export async function lockWallet(trx: Db, travellerId: string): Promise<void> {
  if (storeKindOf(trx) === 'postgres') await trx.selectFrom('travellers').select('id').where('id', '=', travellerId).forUpdate().execute();
}

/** `trx` holds the wallet's lock (`lockWallet`). */
export async function assignTrips(trx: Db, travellerId: string, now: Date): Promise<void> {
  const all = await bookingsWithTrips(trx, travellerId);
  const known = await trx.selectFrom('trips').select(['id', 'name', 'name_source', 'seq']).where('traveller_id', '=', travellerId).execute();
  const confirmed = all.filter((b) => b.booking.status === 'confirmed');
  const plan = planTrips(
    confirmed.map(({ booking, tripId }) => ({ id: booking.id, startsAt: booking.startsAt, endsAt: booking.endsAt, tripId })),
    known.map((t) => ({ id: t.id, seq: t.seq })),
    randomUUID,
  );
  const byId = new Map(all.map((b) => [b.booking.id, b]));
  let seq = Math.max(0, ...known.map((t) => t.seq));
  for (const trip of plan.trips) {
    const name = defaultTripName(trip.bookingIds.map((id) => byId.get(id)!.booking));
    const stored = known.find((t) => t.id === trip.id);
    if (trip.isNew) await trx.insertInto('trips').values({ id: trip.id, traveller_id: travellerId, name, created_at: now.toISOString(), seq: ++seq }).execute();
    else if (stored?.name_source === 'auto' && stored.name !== name) await trx.updateTable('trips').set({ name }).where('id', '=', trip.id).execute();
    const moved = trip.bookingIds.filter((id) => byId.get(id)!.tripId !== trip.id);
    if (moved.length > 0) await trx.updateTable('bookings').set({ trip_id: trip.id }).where('traveller_id', '=', travellerId).where('id', 'in', moved).execute();
  }
  const leaving = all.filter((b) => b.booking.status !== 'confirmed' && b.tripId !== null).map((b) => b.booking.id);
  if (leaving.length > 0) await trx.updateTable('bookings').set({ trip_id: null }).where('traveller_id', '=', travellerId).where('id', 'in', leaving).execute();
  if (plan.gone.length > 0) await trx.deleteFrom('trips').where('traveller_id', '=', travellerId).where('id', 'in', plan.gone).execute();
}

/** The traveller's trips, by start, each with its confirmed bookings and whether its calendar feed is on. */
export async function listTrips(db: Db, travellerId: string): Promise<Trip[]> {
  const trips = await db.selectFrom('trips').select(['id', 'name', 'name_source']).where('traveller_id', '=', travellerId).execute();
  if (trips.length === 0) return [];
  const bookings = (await bookingsWithTrips(db, travellerId)).filter((b) => b.tripId !== null && b.booking.status === 'confirmed');
  const feeds = await db.selectFrom('calendar_feeds').select(['trip_id', 'created_at']).where('traveller_id', '=', travellerId).where('revoked_at', 'is', null).execute();
  return trips
    .flatMap((t): Trip[] => {
      const own = bookings.filter((b) => b.tripId === t.id).map((b) => b.booking);
      // A trip is never stored empty (assignTrips removes it with its last booking); read defensively all the same.
      if (own.length === 0) return [];
      const feed = feeds.find((f) => f.trip_id === t.id);
      return [
        {
          id: t.id,
          name: t.name,
          renamed: t.name_source === 'traveller',
          ...tripSpan(own),
          timeZone: tripTimeZone(own),
          bookingIds: own.map((b) => b.id),
          calendar: feed ? { createdAt: feed.created_at } : null,
        },
      ];
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id));
}

/** One of the traveller's trips (null when there is none with that id, or it is someone else's). */
export async function findTrip(db: Db, travellerId: string, id: string): Promise<Trip | null> {
  return (await listTrips(db, travellerId)).find((t) => t.id === id) ?? null;
}

/** The traveller's own name for a trip: from now on, no booking renames it. */
export async function renameTrip(db: Db, travellerId: string, id: string, name: string): Promise<void> {
  await db.updateTable('trips').set({ name, name_source: 'traveller' }).where('traveller_id', '=', travellerId).where('id', '=', id).execute();
}

/** What a trip's calendar feed shows: its name and confirmed bookings, each with when it entered the wallet. */
export async function tripForCalendar(db: Db, travellerId: string, tripId: string): Promise<{ name: string; bookings: { booking: Booking; stampedAt: string }[] } | null> {
  const trip = await db.selectFrom('trips').select('name').where('traveller_id', '=', travellerId).where('id', '=', tripId).executeTakeFirst();
  if (!trip) return null;
  const rows = await db
    .selectFrom('bookings')
    .selectAll()
    .where('traveller_id', '=', travellerId)
    .where('trip_id', '=', tripId)
    .where('status', '=', 'confirmed')
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return { name: trip.name, bookings: rows.map((r) => ({ booking: bookingOf(r), stampedAt: r.created_at })) };
}
