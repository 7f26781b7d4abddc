/**
 * Free time in the wallet's timeline: the stretch between what the traveller is doing now (or just did) and
 * the next booked thing. A hotel stay or a rental car does not occupy the traveller, so only bookings that
 * take their time (a flight, a train, a table, a show) bound a gap.
 */
import type { Booking, BookingKind } from '@escale/shared';

const OCCUPYING = new Set<BookingKind>(['FlightReservation', 'TrainReservation', 'BusReservation', 'EventReservation', 'FoodEstablishmentReservation', 'OfferReservation']);
/** A booking without an end time is assumed to take this long (a table, a show). */
const DEFAULT_DURATION_MS = 90 * 60_000;

export interface Gap {
  /** Identifies the gap, so that it is announced once: the bookings around it. */
  key: string;
  from: Date;
  until: Date;
}

function endOf(b: Booking): number {
  return b.endsAt ? Date.parse(b.endsAt) : Date.parse(b.startsAt) + DEFAULT_DURATION_MS;
}

/**
 * The gap the traveller is in at `now`, if it lasts at least `minMinutes` from now until the next occupying
 * booking; null when they are busy, or when nothing is booked ahead (an empty day is not a gap).
 */
export function currentGap(bookings: readonly Booking[], now: Date, minMinutes: number): Gap | null {
  const t = now.getTime();
  const busy = bookings.filter((b) => OCCUPYING.has(b.kind) && b.status === 'confirmed').sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  if (busy.some((b) => Date.parse(b.startsAt) <= t && endOf(b) > t)) return null;
  const next = busy.find((b) => Date.parse(b.startsAt) > t);
  if (!next) return null;
  const previous = busy.filter((b) => endOf(b) <= t).at(-1);
  const from = Math.max(t, previous ? endOf(previous) : t);
  const until = Date.parse(next.startsAt);
  if (until - t < minMinutes * 60_000) return null;
  return { key: `${previous?.id ?? 'start'}>${next.id}`, from: new Date(from), until: new Date(until) };
}
