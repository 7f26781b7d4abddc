/**
 * The wallet as the ranker's context: from the traveller's bookings around now, the hotel they stay at and
 * the next booked thing, each placed on the map when the booking or the catalogue says where it is. The
 * timeline is read by wallet/timeline.ts, the same reading the wallet-gap push trigger makes.
 */
import type { Booking } from '@escale/shared';
import type { Place } from '../catalogue/model.ts';
import { timelineAt } from '../wallet/timeline.ts';
import type { Trip, TripAnchor } from './context.ts';

/** A booking further ahead than this does not shape an idea for the next hours (a flight home in three days). */
export const TRIP_HORIZON_MS = 6 * 3_600_000;

function anchorOf(b: Booking, placeOf: (id: string) => Place | undefined): TripAnchor {
  const place = b.placeId ? placeOf(b.placeId) : undefined;
  // A stay, a table or a show happens at its venue; a journey starts where it departs from.
  const where = b.details.venue ?? b.details.from;
  const at = where?.lat != null && where.lon != null ? { lat: where.lat, lon: where.lon } : place ? { lat: place.lat, lon: place.lon } : null;
  return { booking: b, at, name: where?.name ?? place?.name ?? b.title };
}

/** Null when nothing booked bears on now: no stay covering it and nothing next within the horizon. */
export function tripAt(bookings: readonly Booking[], now: Date, placeOf: (id: string) => Place | undefined): Trip | null {
  if (bookings.length === 0) return null;
  const { stay, current, next } = timelineAt(bookings, now);
  // While a booking occupies the traveller, what comes after it is not free time to fill.
  const soon = !current && next && Date.parse(next.startsAt) - now.getTime() <= TRIP_HORIZON_MS ? next : null;
  if (!stay && !soon) return null;
  return { stay: stay && anchorOf(stay, placeOf), next: soon && anchorOf(soon, placeOf) };
}
