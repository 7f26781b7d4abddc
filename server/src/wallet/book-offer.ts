/**
 * Booking an agency offer: one transaction takes the seats only if enough remain (a conditional decrement,
 * so two instances racing for the last seat cannot both win), writes the booking into the wallet and keeps
 * the request's idempotency key with its answer. A retry with the same key gets the first answer, booked or
 * sold out; the same key with another request is refused (409). Two requests with one key at once: the
 * second one's key insert fails on the primary key, its transaction rolls back (seats included), and it
 * answers what the first one stored.
 *
 * Durability: the answer is sent after the commit returns. On PostgreSQL (synchronous_commit on, its
 * default) that commit is on disk; on SQLite (WAL, synchronous=NORMAL, store/db.ts) it survives the process
 * being killed, which tests/integration/offer-booking.test.ts checks with SIGKILL, and a power cut may lose
 * the last second.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Booking, BookingDetails, toZonedIso, type Booking as BookingT } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { isUniqueViolation } from '../store/dialect.ts';
import type { Db } from '../store/db.ts';
import type { Traveller } from '../travellers/model.ts';
import { addBooking } from './queries.ts';
import { assignTrips, lockWallet } from './trip-store.ts';

/** A key the client generates per booking attempt (a UUID, typically), kept with the answer. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

export interface Answer {
  status: number;
  body: unknown;
}

async function storedAnswer(db: Db, travellerId: string, key: string): Promise<{ request: string; answer: Answer } | null> {
  const row = await db.selectFrom('booking_requests').select(['request', 'status', 'response']).where('traveller_id', '=', travellerId).where('idempotency_key', '=', key).executeTakeFirst();
  return row ? { request: row.request, answer: { status: row.status, body: JSON.parse(row.response) as unknown } } : null;
}

function replay(stored: { request: string; answer: Answer }, request: string): Answer {
  if (stored.request !== request) throw new HttpError(409, 'idempotency_conflict', 'This Idempotency-Key was already used for another booking request: use a new key for a new request.');
  return stored.answer;
}

export async function bookOffer(ctx: AppContext, traveller: Traveller, offerId: string, quantity: number, key: string): Promise<Answer> {
  const request = JSON.stringify({ offerId, quantity });
  const earlier = await storedAnswer(ctx.db, traveller.id, key);
  if (earlier) return replay(earlier, request);
  const offer = await ctx.db.selectFrom('offers').select(['id', 'title', 'place_id', 'agency_id']).where('id', '=', offerId).executeTakeFirst();
  if (!offer) throw new HttpError(404, 'not_found', 'No such offer.');
  const now = ctx.clock.now();
  try {
    const { answer } = await ctx.changes.record(
      async (trx) => {
        await lockWallet(trx, traveller.id);
        const taken = await trx
          .updateTable('offers')
          .set({ seats_left: sql<number>`seats_left - ${quantity}` })
          .where('id', '=', offerId)
          .where('seats_left', '>=', quantity)
          .returning('seats_left')
          .executeTakeFirst();
        let answer: Answer;
        if (!taken) {
          answer = { status: 409, body: { error: { code: 'sold_out', message: `Not enough seats left for ${quantity}: nothing was booked.` } } };
        } else {
          const place = ctx.graph.place(offer.place_id);
          const booking: BookingT = Booking.parse({
            id: randomUUID(),
            kind: 'OfferReservation',
            title: offer.title,
            placeId: offer.place_id,
            startsAt: toZonedIso(now, ctx.city.timezone),
            endsAt: null,
            timezone: ctx.city.timezone,
            source: 'agency_offer',
            status: 'confirmed',
            details: BookingDetails.parse({
              reservationNumber: key.slice(0, 8).toUpperCase(),
              provider: ctx.recommender.agencyNameOf(offer.agency_id),
              partySize: quantity,
              venue: place ? { name: place.name, code: null, address: place.address ?? null, lat: place.lat, lon: place.lon } : null,
            }),
          });
          await addBooking(trx, traveller.id, booking, now, `offer:${key}`, { offerId, quantity });
          await assignTrips(trx, traveller.id, now);
          answer = { status: 201, body: booking };
        }
        // The key last: a concurrent request with the same key fails here and rolls its seats back.
        await trx
          .insertInto('booking_requests')
          .values({ traveller_id: traveller.id, idempotency_key: key, request, status: answer.status, response: JSON.stringify(answer.body), created_at: now.toISOString() })
          .execute();
        return { answer, booked: taken !== undefined };
      },
      ({ booked }) =>
        booked
          ? [
              { type: 'booking_changed', travellerId: traveller.id },
              { type: 'catalogue_changed', places: [], events: [], offers: [offerId] },
            ]
          : [],
    );
    return answer;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const first = await storedAnswer(ctx.db, traveller.id, key);
    if (!first) throw err;
    return replay(first, request);
  }
}

/** Gives a cancelled offer booking's seats back (never above the offer's total), in the cancelling transaction. */
export async function returnSeats(trx: Db, offerId: string, quantity: number): Promise<void> {
  await trx
    .updateTable('offers')
    .set({ seats_left: sql<number>`CASE WHEN seats_left + ${quantity} > seats_total THEN seats_total ELSE seats_left + ${quantity} END` })
    .where('id', '=', offerId)
    .execute();
}
