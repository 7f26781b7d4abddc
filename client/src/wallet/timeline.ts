/**
 * The wallet as a timeline: bookings grouped by trip, then by day. A day is the booking's own local day (a
 * flight leaving Paris at 23:30 is on Paris's date, whatever the phone's zone), and "now" is placed between
 * the last booking that has started and the next one, on the day it falls in.
 */
import type { Booking } from '@escale/shared';

/** A trip as the server groups it (its bookings by id); absent, the whole wallet is one group. */
export interface TripGroupInput {
  id: string;
  name: string;
  bookingIds: readonly string[];
}

export interface TimelineDay {
  /** YYYY-MM-DD in the zone of the day's first booking. */
  date: string;
  timeZone: string;
  bookings: Booking[];
  /** Where "now" goes among the day's bookings (an index into `bookings`), or null when now is not on this day. */
  nowAt: number | null;
}

export interface TimelineTrip<T extends TripGroupInput = TripGroupInput> {
  /** The server's trip, null for the bookings in none. */
  trip: T | null;
  days: TimelineDay[];
  /** The trip is over (every booking ended): shown folded below the coming ones. */
  past: boolean;
}

/** A booking's end, or its start when it has none. */
export const endOf = (b: Booking) => Date.parse(b.endsAt ?? b.startsAt);

/** The local calendar date of an instant in a zone. */
export function localDate(instant: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD, which sorts.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

function daysOf(bookings: readonly Booking[], now: number): TimelineDay[] {
  const sorted = [...bookings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id));
  const days: TimelineDay[] = [];
  for (const b of sorted) {
    const date = localDate(Date.parse(b.startsAt), b.timezone);
    const day = days.at(-1);
    if (day && day.date === date) day.bookings.push(b);
    else days.push({ date, timeZone: b.timezone, bookings: [b], nowAt: null });
  }
  placeNow(days, now);
  return days;
}

/** Marks now on the day it falls in, when that day has bookings (an empty day gets no row of its own). */
function placeNow(days: TimelineDay[], now: number): void {
  for (const day of days) {
    if (localDate(now, day.timeZone) !== day.date) continue;
    const next = day.bookings.findIndex((b) => Date.parse(b.startsAt) > now);
    day.nowAt = next === -1 ? day.bookings.length : next;
    return;
  }
}

/**
 * The timeline, coming trips first (soonest first), then past ones (latest first). Cancelled bookings stay,
 * marked, so the traveller sees what happened to them.
 */
export function buildTimeline<T extends TripGroupInput>(bookings: readonly Booking[], trips: readonly T[] | null, now: number): TimelineTrip<T>[] {
  const byId = new Map(bookings.map((b) => [b.id, b]));
  const groups: { trip: T | null; bookings: Booking[] }[] = [];
  const placed = new Set<string>();
  for (const trip of trips ?? []) {
    const members = trip.bookingIds.map((id) => byId.get(id)).filter((b): b is Booking => b !== undefined);
    members.forEach((b) => placed.add(b.id));
    if (members.length > 0) groups.push({ trip, bookings: members });
  }
  const rest = bookings.filter((b) => !placed.has(b.id));
  if (rest.length > 0) groups.push({ trip: null, bookings: rest });

  const timeline = groups.map((g) => ({ trip: g.trip, days: daysOf(g.bookings, now), past: g.bookings.every((b) => endOf(b) < now) }));
  const start = (t: TimelineTrip<T>) => Date.parse(t.days[0]!.bookings[0]!.startsAt);
  const coming = timeline.filter((t) => !t.past).sort((a, b) => start(a) - start(b));
  const past = timeline.filter((t) => t.past).sort((a, b) => start(b) - start(a));
  return [...coming, ...past];
}
