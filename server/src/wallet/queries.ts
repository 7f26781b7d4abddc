/** Bookings as stored: the wallet's data, read by the push policy's "gap in the timeline" trigger. */
import { createHash } from 'node:crypto';
import { Booking, type Booking as BookingT, type BookingInput } from '@escale/shared';
import type { Selectable } from 'kysely';
import type { BookingTable } from '../store/schema.ts';
import type { Db } from '../store/db.ts';

/** What a booking says, as columns (instants stored in UTC; the zone they are shown in beside them). */
function columnsOf(b: BookingT) {
  return {
    kind: b.kind,
    title: b.title,
    place_id: b.placeId,
    starts_at: new Date(b.startsAt).toISOString(),
    ends_at: b.endsAt === null ? null : new Date(b.endsAt).toISOString(),
    timezone: b.timezone,
    status: b.status,
    details: JSON.stringify(b.details),
  };
}

/** `fingerprint`: an imported reservation's identity (a second import of it is refused by the unique index). */
export async function addBooking(db: Db, travellerId: string, booking: BookingInput, now: Date, fingerprint: string | null = null, offer?: { offerId: string; quantity: number }): Promise<void> {
  const b = Booking.parse(booking);
  await db
    .insertInto('bookings')
    .values({
      ...columnsOf(b),
      id: b.id,
      traveller_id: travellerId,
      source: b.source,
      created_at: now.toISOString(),
      fingerprint,
      offer_id: offer?.offerId ?? null,
      quantity: offer?.quantity ?? null,
    })
    .execute();
}

/** Every booking of the traveller, cancelled ones included, by start. */
export async function listBookings(db: Db, travellerId: string): Promise<BookingT[]> {
  const rows = await db.selectFrom('bookings').selectAll().where('traveller_id', '=', travellerId).orderBy('starts_at').orderBy('id').execute();
  return rows.map(bookingOf);
}

/** One of the traveller's bookings; null when there is none with that id (or it is someone else's). */
export async function findBooking(db: Db, travellerId: string, id: string): Promise<BookingT | null> {
  const row = await db.selectFrom('bookings').selectAll().where('traveller_id', '=', travellerId).where('id', '=', id).executeTakeFirst();
  return row ? bookingOf(row) : null;
}

/** Which of these fingerprints the traveller's wallet already holds, with the booking that has each. */
export async function bookingsByFingerprint(db: Db, travellerId: string, fingerprints: readonly string[]): Promise<Map<string, string>> {
  if (fingerprints.length === 0) return new Map();
  const rows = await db
    .selectFrom('bookings')
    .select(['id', 'fingerprint'])
    .where('traveller_id', '=', travellerId)
    .where('fingerprint', 'in', [...fingerprints])
    .execute();
  return new Map(rows.map((r) => [r.fingerprint!, r.id]));
}

/** The offer and seats behind an offer booking (null for any other). */
export async function offerOfBooking(db: Db, travellerId: string, id: string): Promise<{ offerId: string; quantity: number } | null> {
  const row = await db.selectFrom('bookings').select(['offer_id', 'quantity']).where('traveller_id', '=', travellerId).where('id', '=', id).executeTakeFirst();
  return row?.offer_id && row.quantity ? { offerId: row.offer_id, quantity: row.quantity } : null;
}

/** Replaces what a booking says (its id, source and fingerprint stay). */
export async function updateBooking(db: Db, travellerId: string, booking: BookingT): Promise<void> {
  await db.updateTable('bookings').set(columnsOf(booking)).where('traveller_id', '=', travellerId).where('id', '=', booking.id).execute();
}

/** Whether the traveller holds any confirmed booking (the push tick skips the others without reading more). */
export async function hasConfirmedBooking(db: Db, travellerId: string): Promise<boolean> {
  const row = await db.selectFrom('bookings').select('id').where('traveller_id', '=', travellerId).where('status', '=', 'confirmed').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Confirmed bookings that overlap [from, until), by start time. */
export async function bookingsBetween(db: Db, travellerId: string, from: Date, until: Date): Promise<BookingT[]> {
  const rows = await db
    .selectFrom('bookings')
    .selectAll()
    .where('traveller_id', '=', travellerId)
    .where('status', '=', 'confirmed')
    .where('starts_at', '<', until.toISOString())
    // A booking without an end is a point in time: it overlaps when it starts in the window.
    .where((eb) => eb.or([eb('ends_at', '>', from.toISOString()), eb.and([eb('ends_at', 'is', null), eb('starts_at', '>=', from.toISOString())])]))
    .orderBy('starts_at')
    .execute();
  return rows.map(bookingOf);
}

/**
 * A booking's revision: a digest of what it says as stored, so it changes with any edit and needs no column
 * of its own. An edit sent with an older one is refused (routes.ts, If-Match).
 */
export function revisionOf(r: Pick<Selectable<BookingTable>, 'kind' | 'title' | 'place_id' | 'starts_at' | 'ends_at' | 'timezone' | 'status' | 'details'>): string {
  const content = JSON.stringify([r.kind, r.title, r.place_id, r.starts_at, r.ends_at, r.timezone, r.status, r.details]);
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

/** The booking as the server answers it: with the revision it is stored under. */
export const withRevision = (b: BookingT): BookingT => ({ ...b, revision: revisionOf(columnsOf(b)) });

/** A stored row as the contract's Booking (validated: a row written by an older version still reads right). */
export function bookingOf(r: Selectable<BookingTable>): BookingT {
  return Booking.parse({
    revision: revisionOf(r),
    id: r.id,
    kind: r.kind,
    title: r.title,
    placeId: r.place_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timezone: r.timezone,
    source: r.source,
    status: r.status,
    details: JSON.parse(r.details) as unknown,
  });
}
