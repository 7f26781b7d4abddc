/**
 * trip: the wallet as context (wallet consent). A place scores for being near where the traveller's day is
 * anchored — the next booked thing, or else the hotel — and, before the next booking, only if it fits: the
 * walk there, a typical visit and the walk on to the booking all end before it starts. Food and drink before
 * a show or a meeting score in full (dinner near the concert hall); other places keep a share. The evidence
 * names the booking. A signal only scores: a place that does not fit scores 0 here, hard rules exclude.
 */
import { distanceMeters, walkingMinutes, type BookingKind, type CategoryId, type Evidence, type PersonalDataRef } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import type { RankingContext, Trip, TripAnchor } from '../context.ts';
import { localClock } from '../local-clock.ts';
import { clamp01, type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

/** Nearness halves every 10 minutes of walk, as proximity's does from the traveller's position. */
const HALF_LIFE_MINUTES = 10;
/** The hotel is where the traveller may go back, the next booking where they must be: it counts for less. */
const STAY_SHARE = 0.6;
/** Before a booking, what is not a bite or a drink keeps this share (it fits, but is not what the hour calls for). */
const NOT_EATING_SHARE = 0.6;
/** Eating before a table already booked is not the idea: this share. */
const BEFORE_A_MEAL_SHARE = 0.3;
const EATING = new Set<CategoryId>(['restaurant', 'cafe', 'bar']);

/**
 * A typical visit, in minutes: how long the traveller stays before walking on. Round figures (a sit-down meal
 * an hour, a coffee half an hour, a show two hours); an event's own end is used when it has one.
 */
export const VISIT_MINUTES: Record<CategoryId, number> = {
  restaurant: 60,
  cafe: 30,
  bar: 45,
  nightlife: 120,
  museum: 90,
  gallery: 45,
  cinema: 120,
  music_venue: 120,
  theatre: 120,
  climbing: 90,
  swimming: 60,
  sports_centre: 60,
  park: 30,
  market: 30,
  other: 45,
};

const NOTHING_BOOKED: SignalResult = Object.freeze({ value: 0, evidence: fixedEvidence('trip.nothing_booked'), personalData: NO_DATA });

/** The bookings read, as the panel lists them: the same for every candidate of a ranking, so built once. */
const tripRefs = new WeakMap<RankingContext, PersonalDataRef[]>();

function bookingRefs(ctx: RankingContext, trip: Trip): PersonalDataRef[] {
  let refs = tripRefs.get(ctx);
  if (!refs) {
    refs = [trip.next, trip.stay]
      .filter((a): a is TripAnchor => a !== null)
      .map((a) => ({ category: 'wallet', kind: 'booking', evidence: { key: 'data.booking', params: bookingParams(a) }, at: a.booking.startsAt }));
    tripRefs.set(ctx, refs);
  }
  return refs;
}

/** How evidence names a booking: its local start time (in the booking's own zone), its kind and its place. */
function bookingParams(a: TripAnchor): Record<string, string> {
  return { time: localClock(new Date(a.booking.startsAt), a.booking.timezone), what: a.booking.kind, name: a.name };
}

function walkTo(c: Candidate, a: TripAnchor): number | null {
  return a.at ? walkingMinutes(distanceMeters(c.place, a.at)) : null;
}

const nearness = (minutes: number) => Math.pow(0.5, minutes / HALF_LIFE_MINUTES);

/** When the traveller is done with the candidate: an event at its end, a place after a typical visit. */
function doneAt(c: Candidate): number {
  if (c.kind === 'event') return Math.max(c.arrival.getTime(), c.event.endsAt.getTime());
  return c.arrival.getTime() + VISIT_MINUTES[c.place.category] * 60_000;
}

function relevance(category: CategoryId, before: BookingKind): number {
  if (!EATING.has(category)) return NOT_EATING_SHARE;
  return before === 'FoodEstablishmentReservation' && category === 'restaurant' ? BEFORE_A_MEAL_SHARE : 1;
}

function beforeNext(c: Candidate, next: TripAnchor, personalData: PersonalDataRef[]): SignalResult {
  const walk = walkTo(c, next);
  const params = bookingParams(next);
  // Without the booking's place the walk on is unknown: the fit is judged on the visit alone, nearness neutral.
  const fits = doneAt(c) + (walk ?? 0) * 60_000 <= Date.parse(next.booking.startsAt);
  if (!fits) return { value: 0, evidence: { key: 'trip.too_late', params }, personalData };
  const evidence: Evidence = walk === null ? { key: 'trip.before_booking', params } : { key: 'trip.before_booking_near', params: { ...params, minutes: walk } };
  return { value: clamp01((walk === null ? 0.5 : nearness(walk)) * relevance(c.place.category, next.booking.kind)), evidence, personalData };
}

export const trip: Signal = {
  id: 'trip',
  compute(c, ctx): SignalResult {
    const t = ctx.trip;
    if (!t) return NOTHING_BOOKED;
    const personalData = bookingRefs(ctx, t);
    const next = t.next ? beforeNext(c, t.next, personalData) : null;
    // A place that makes the traveller late for the next booking is not redeemed by being near the hotel.
    if (next?.evidence.key === 'trip.too_late') return next;
    const walkHome = t.stay ? walkTo(c, t.stay) : null;
    const home = walkHome === null ? 0 : STAY_SHARE * nearness(walkHome);
    if (next && next.value >= home) return next;
    if (walkHome === null) return next ?? { value: 0, evidence: fixedEvidence('trip.nothing_booked'), personalData };
    return { value: clamp01(home), evidence: { key: 'trip.near_hotel', params: { minutes: walkHome, name: t.stay!.name } }, personalData };
  },
};
