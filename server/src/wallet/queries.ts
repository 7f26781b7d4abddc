/** Bookings as stored: the wallet's data, read by the push policy's "gap in the timeline" trigger. */
import { Booking, type Booking as BookingT, type BookingInput } from '@escale/shared';
import type { BookingTable } from '../store/schema.ts';
import type { ChangeLog } from '../bus/change-log.ts';
import type { Db } from '../store/db.ts';

/** Adds a booking with its `booking_changed` change: every instance's push cache reads the wallet again. */
export function recordBooking(changes: ChangeLog, travellerId: string, booking: BookingInput, now: Date): Promise<void> {
  return changes.record(
    (trx) => addBooking(trx, travellerId, booking, now),
    () => [{ type: 'booking_changed', travellerId }],
  );
}

/** `fingerprint`: an imported reservation's identity (a second import of it is refused by the unique index). */
export async function addBooking(db: Db, travellerId: string, booking: BookingInput, now: Date, fingerprint: string | null = null): Promise<void> {
  const b = Booking.parse(booking);
  await db
    .insertInto('bookings')
    .values({
      id: b.id,
      traveller_id: travellerId,
      kind: b.kind,
      title: b.title,
      place_id: b.placeId,
      starts_at: new Date(b.startsAt).toISOString(),
      ends_at: b.endsAt === null ? null : new Date(b.endsAt).toISOString(),
      timezone: b.timezone,
      source: b.source,
      status: b.status,
      created_at: now.toISOString(),
      details: JSON.stringify(b.details),
      fingerprint,
    })
    .execute();
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

/** A stored row as the contract's Booking (validated: a row written by an older version still reads right). */
export function bookingOf(r: Omit<BookingTable, 'details'> & { details: string }): BookingT {
  return Booking.parse({
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
