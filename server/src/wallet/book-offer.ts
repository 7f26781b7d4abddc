/**
 * Booking an agency offer: one transaction takes the seats only if enough remain (a conditional decrement,
 * so two instances racing for the last seat cannot both win), writes the booking into the wallet and keeps
 * the request's idempotency key with its answer (idempotency.ts): a retry gets the first answer, booked or
 * sold out, and two requests with one key at once book once.
 *
 * Durability: the answer is sent after the commit returns, and a wallet write's commit is durable on both
 * stores (wallet-write.ts: PostgreSQL's synchronous_commit, SQLite switched to synchronous=FULL for it),
 * so a confirmed booking survives the process being killed (tests/integration/offer-booking.test.ts) and a
 * power cut.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Booking, BookingDetails, toZonedIso, type Booking as BookingT } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import type { Db } from '../store/db.ts';
import type { Traveller } from '../travellers/model.ts';
import { type Answer, runOnce } from './idempotency.ts';
import { onSale } from '../recommend/hard-rules.ts';
import { addBooking } from './queries.ts';

export async function bookOffer(ctx: AppContext, traveller: Traveller, offerId: string, quantity: number, key: string): Promise<Answer> {
  const now = ctx.clock.now();
  const answer = await runOnce(
    ctx,
    traveller.id,
    key,
    JSON.stringify({ offerId, quantity }),
    async (trx) => {
      const offer = await trx.selectFrom('offers').select(['id', 'title', 'place_id', 'agency_id', 'status', 'sale_starts_at', 'sale_ends_at']).where('id', '=', offerId).executeTakeFirst();
      // A draft is the agency's business until published: as if it did not exist.
      if (!offer || offer.status === 'draft') throw new HttpError(404, 'not_found', 'No such offer.');
      const window = { saleStartsAt: offer.sale_starts_at ? new Date(offer.sale_starts_at) : null, saleEndsAt: offer.sale_ends_at ? new Date(offer.sale_ends_at) : null };
      if (offer.status === 'archived' || !onSale(window, now)) {
        return { status: 409, body: { error: { code: 'not_on_sale', message: 'This offer is not on sale now: nothing was booked.' } } };
      }
      const taken = await trx
        .updateTable('offers')
        .set({ seats_left: sql<number>`seats_left - ${quantity}` })
        .where('id', '=', offerId)
        .where('seats_left', '>=', quantity)
        .returning('seats_left')
        .executeTakeFirst();
      // Sold out is an answer too: kept with the key, so a retry is told the same.
      if (!taken) return { status: 409, body: { error: { code: 'sold_out', message: `Not enough seats left for ${quantity}: nothing was booked.` } } };
      const place = ctx.graph.place(offer.place_id);
      // The booking is in the time zone of the offer's place, wherever the traveller is.
      const zone = ctx.cities.of(place?.cityId ?? traveller.cityId).timezone;
      const booking: BookingT = Booking.parse({
        id: randomUUID(),
        kind: 'OfferReservation',
        title: offer.title,
        placeId: offer.place_id,
        startsAt: toZonedIso(now, zone),
        endsAt: null,
        timezone: zone,
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
      return { status: 201, body: booking };
    },
    () => [
      { type: 'booking_changed', travellerId: traveller.id },
      { type: 'catalogue_changed', places: [], events: [], offers: [offerId] },
    ],
  );
  if (answer.status === 201) await countBooked(ctx, traveller.id, answer.body as BookingT);
  return answer;
}

/**
 * A booking of a suggestion counts in the agency's insights, after the booking is committed: a statistic
 * must never cost a traveller their seats. A retry's replayed answer writes the same row, which does nothing.
 */
async function countBooked(ctx: AppContext, travellerId: string, booking: BookingT): Promise<void> {
  if (!booking.placeId) return;
  try {
    await ctx.insights.acted(ctx.db, travellerId, booking.placeId, 'booked');
  } catch (err) {
    ctx.logger.warn({ err }, 'a booking could not be counted in the insights');
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
