/**
 * How the wallet's bookings make trips, as pure functions (trip-store.ts applies them in the booking's own
 * write transaction): which confirmed bookings go together, which trip keeps its id when trips merge or
 * split, the default name of a trip and the zone it mostly happens in.
 */
import { toZonedIso, type Booking, type BookingPlace } from '@escale/shared';

/**
 * A booking joins a trip when it starts within this of the trip's span (first start to last end). 36 h
 * keeps a hotel checkout at 11:00 and a flight home the next evening in one trip, and a night between two
 * stays; a weekend a week later is another trip. Far enough apart for a week's break to split trips.
 */
export const TRIP_GAP_MS = 36 * 3_600_000;

/** What the rule reads of a booking: its times and the trip it is in now. */
export interface PlacedBooking {
  id: string;
  startsAt: string;
  endsAt: string | null;
  tripId: string | null;
}

/** A trip that exists: its id and the order it was made in (the older id is the one kept when trips merge). */
export interface KnownTrip {
  id: string;
  seq: number;
}

export interface TripPlan {
  /** The trips there are after the change, by start: the bookings of each, by start. */
  trips: { id: string; isNew: boolean; bookingIds: string[] }[];
  /** Trips left without any confirmed booking: they go. */
  gone: string[];
}

const endMs = (b: { startsAt: string; endsAt: string | null }) => Date.parse(b.endsAt ?? b.startsAt);
const byStart = <T extends { startsAt: string; id: string }>(a: T, b: T) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Groups the confirmed bookings (the caller passes only those) into trips: sorted by start, a booking that
 * starts within TRIP_GAP_MS of the running group's last end joins it, so a booking that bridges two trips
 * joins them into one. Each group keeps the oldest trip id its bookings had (a merge keeps the older trip;
 * after a split, the earlier part keeps the id and the later part takes its next-oldest or a new one).
 */
export function planTrips(bookings: readonly PlacedBooking[], known: readonly KnownTrip[], newId: () => string): TripPlan {
  const groups: PlacedBooking[][] = [];
  let groupEnd = -Infinity;
  for (const b of [...bookings].sort(byStart)) {
    const last = groups.at(-1);
    if (last && Date.parse(b.startsAt) <= groupEnd + TRIP_GAP_MS) {
      last.push(b);
      groupEnd = Math.max(groupEnd, endMs(b));
    } else {
      groups.push([b]);
      groupEnd = endMs(b);
    }
  }
  const age = new Map(known.map((t) => [t.id, t.seq]));
  const claimed = new Set<string>();
  const trips = groups.map((group) => {
    const candidates = [...new Set(group.map((b) => b.tripId))].filter((id): id is string => id !== null && age.has(id) && !claimed.has(id));
    const kept = candidates.sort((a, b) => age.get(a)! - age.get(b)!)[0];
    const id = kept ?? newId();
    claimed.add(id);
    return { id, isNew: kept === undefined, bookingIds: group.map((b) => b.id) };
  });
  return { trips, gone: known.map((t) => t.id).filter((id) => !claimed.has(id)) };
}

/**
 * The city in an address written the European way, postal code first ("12 rue de Rivoli, 75004 Paris,
 * France" → "Paris"); null when no part reads so (the caller falls back to a name).
 */
export function cityOfAddress(address: string | null): string | null {
  if (!address) return null;
  const parts = address.split(/[,\n]/).map((p) => p.trim());
  for (const part of parts.reverse()) {
    const city = /^(?:[A-Z]{1,2}-)?\d{4,5}(?:\s+[A-Z]{2}(?=\s))?\s+(\p{L}[\p{L}\d\s'’.-]*)$/u.exec(part)?.[1];
    if (city) return city.replace(/\s+cedex(?:\s+\d+)?$/i, '').trim();
  }
  return null;
}

/** How one end of a journey or a venue is named in a trip's name: its city, else its name, else its code. */
function placeLabel(place: BookingPlace | null): string | null {
  if (!place) return null;
  return cityOfAddress(place.address) ?? place.name ?? place.code;
}

const TRANSPORTS = new Set<Booking['kind']>(['FlightReservation', 'TrainReservation', 'BusReservation', 'RentalCarReservation']);

/**
 * A trip's name until the traveller gives one: where it goes. The city of its first lodging ("Lyon"), else
 * its first journey ("Paris → Lyon"), else its first venue's city or name, else its first booking's title.
 */
export function defaultTripName(bookings: readonly Booking[]): string {
  const sorted = [...bookings].sort(byStart);
  const lodging = sorted.find((b) => b.kind === 'LodgingReservation' && cityOfAddress(b.details.venue?.address ?? null));
  if (lodging) return cityOfAddress(lodging.details.venue!.address)!;
  const journey = sorted.find((b) => TRANSPORTS.has(b.kind) && placeLabel(b.details.to));
  if (journey) {
    const from = placeLabel(journey.details.from);
    const to = placeLabel(journey.details.to)!;
    return from && from !== to ? `${from} → ${to}` : to;
  }
  const venue = sorted.map((b) => placeLabel(b.details.venue)).find((label) => label !== null);
  return venue ?? sorted[0]?.title ?? 'Trip';
}

/** The zone a booking ends in: a flight's arrival city, else its own. */
const endZone = (b: Booking) => b.details.endTimezone ?? b.timezone;

/**
 * The zone a trip mostly happens in: each booking counts for its length (at least an hour: a dinner with no
 * end still counts) in the zone it ends in, so a week's hotel in New York outweighs the flight from Paris.
 */
export function tripTimeZone(bookings: readonly Booking[]): string {
  const weight = new Map<string, number>();
  for (const b of [...bookings].sort(byStart)) {
    weight.set(endZone(b), (weight.get(endZone(b)) ?? 0) + Math.max(endMs(b) - Date.parse(b.startsAt), 3_600_000));
  }
  let best: [string, number] | null = null;
  for (const entry of weight) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0] ?? 'UTC';
}

/** A trip's span, each end shown with the offset of the zone it happens in. */
export function tripSpan(bookings: readonly Booking[]): { startsAt: string; endsAt: string } {
  const sorted = [...bookings].sort(byStart);
  const first = sorted[0]!;
  const last = sorted.reduce((a, b) => (endMs(b) > endMs(a) ? b : a));
  return {
    startsAt: toZonedIso(new Date(first.startsAt), first.timezone),
    endsAt: toZonedIso(new Date(endMs(last)), last.endsAt === null ? last.timezone : endZone(last)),
  };
}
