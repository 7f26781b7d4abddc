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

/** When a booking frees the traveller: its end, or its start plus the default duration. */
export function endOf(b: Booking): number {
  return b.endsAt ? Date.parse(b.endsAt) : Date.parse(b.startsAt) + DEFAULT_DURATION_MS;
}

/** Where the traveller stands in their timeline at one instant: the stay, what occupies them, what is next. */
export interface TimelineMoment {
  /** The lodging booking whose stay covers the instant (the hotel), if any. */
  stay: Booking | null;
  /** The occupying booking under way (a flight in the air, a show playing), if any. */
  current: Booking | null;
  /** The last occupying booking that ended before the instant, if any. */
  previous: Booking | null;
  /** The next occupying booking that starts after the instant, if any. */
  next: Booking | null;
}

/**
 * The one reading of the timeline that the wallet-gap push trigger and the ranker's trip signal share:
 * confirmed bookings only, occupying ones bounding free time, a lodging giving the place the traveller
 * sleeps at.
 */
export function timelineAt(bookings: readonly Booking[], now: Date): TimelineMoment {
  const t = now.getTime();
  const confirmed = bookings.filter((b) => b.status === 'confirmed');
  const busy = confirmed.filter((b) => OCCUPYING.has(b.kind)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const stay = confirmed.find((b) => b.kind === 'LodgingReservation' && Date.parse(b.startsAt) <= t && endOf(b) > t) ?? null;
  return {
    stay,
    current: busy.find((b) => Date.parse(b.startsAt) <= t && endOf(b) > t) ?? null,
    previous: busy.filter((b) => endOf(b) <= t).at(-1) ?? null,
    next: busy.find((b) => Date.parse(b.startsAt) > t) ?? null,
  };
}

/**
 * The gap the traveller is in at `now`, if it lasts at least `minMinutes` from now until the next occupying
 * booking; null when they are busy, or when nothing is booked ahead (an empty day is not a gap).
 */
export function currentGap(bookings: readonly Booking[], now: Date, minMinutes: number): Gap | null {
  const t = now.getTime();
  const { current, previous, next } = timelineAt(bookings, now);
  if (current || !next) return null;
  const from = Math.max(t, previous ? endOf(previous) : t);
  const until = Date.parse(next.startsAt);
  if (until - t < minMinutes * 60_000) return null;
  return { key: `${previous?.id ?? 'start'}>${next.id}`, from: new Date(from), until: new Date(until) };
}
