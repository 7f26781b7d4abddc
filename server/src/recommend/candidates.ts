/**
 * Candidate generation: only places within walking reach are scored, found with the spatial index, so the
 * cost of a ranking depends on the density around the traveller, not on the size of the catalogue.
 * "Reach" is a walk of 15 minutes, widened to 25 then 40 only when too few places qualify: a good idea for
 * the next hour is near, and a liked place 40 minutes away is not a better idea than a good one round the
 * corner (docs/RANKING.md).
 */
import { CATEGORY_IDS, distanceMeters, runningMinutes, walkableRadiusMeters, walkingMinutes } from '@escale/shared';
import { HOLDS_EVENTS, HOLDS_OFFERS } from '../graph/place-table.ts';
import type { NearbySlots, SpatiallyIndexedTag, TravelGraph } from '../graph/travel-graph.ts';
import type { Candidate } from './candidate.ts';
import type { RankingContext } from './context.ts';
import { inPossibleHours } from './category-hours.ts';
import { localHour, localHoursFrom } from './local-clock.ts';
import { hoursExclusion, itemExclusion, placeScreen, screenDropsAll, screenPasses, type RuleOptions } from './hard-rules.ts';
import { hoursAt, type HoursState } from './opening-hours.ts';

/** Walking reach in minutes, tried in order until enough places qualify. */
export const REACH_STEPS_MINUTES = [15, 25, 40] as const;
export const MAX_PLACES = 400;

export interface CandidateOptions {
  /** A fixed search radius instead of the reach steps (the check-in replay uses 3 km). */
  radiusMeters?: number;
  maxPlaces?: number;
}

export function reachRadiusMeters(step: number): number {
  return walkableRadiusMeters(REACH_STEPS_MINUTES[Math.min(step, REACH_STEPS_MINUTES.length - 1)]!);
}

/** Candidates within `radiusMeters` of the position (or of the chosen anchor, else the city centre, when no position may be used). */
export function generateCandidates(graph: TravelGraph, ctx: RankingContext, options: CandidateOptions & { radiusMeters: number; rules?: RuleOptions }): Candidate[] {
  return candidatesAt(graph, ctx, placesAround(graph, ctx, options.radiusMeters, options.maxPlaces), 0, { rules: options.rules });
}

/** Places within `radiusMeters` of the origin, nearest first. */
export function placesAround(graph: TravelGraph, ctx: RankingContext, radiusMeters: number, maxPlaces = MAX_PLACES): NearbySlots {
  const origin = ctx.position ?? ctx.anchor ?? ctx.city.center;
  return graph.placeSlotsNear(origin.lat, origin.lon, radiusMeters, maxPlaces);
}

/** Places within this walk of the next booked thing are within reach too: lunch near the afternoon's meeting. */
export const TRIP_REACH_MINUTES = 10;

/**
 * Places around the next booking's place (wallet consent, trip.ts), nearest to it first, with their distances
 * from the traveller's position (or none without one): they are timed as any candidate, from where the
 * traveller stands. Null when nothing booked next has a known place.
 */
export function placesNearNextBooking(graph: TravelGraph, ctx: RankingContext, maxPlaces = MAX_PLACES): NearbySlots | null {
  const anchor = ctx.trip?.next?.at;
  if (!anchor) return null;
  const near = graph.placeSlotsNear(anchor.lat, anchor.lon, walkableRadiusMeters(TRIP_REACH_MINUTES), maxPlaces);
  const from = ctx.position;
  const meters = new Float64Array(near.positions.length);
  near.positions.forEach((at, k) => (meters[k] = from ? distanceMeters(from, { lat: near.table.lat[at]!, lon: near.table.lon[at]! }) : 0));
  return { table: near.table, positions: near.positions, meters };
}

/**
 * Each place from the `from`-th nearest on as a candidate, with its events and offers, timed from the
 * traveller's position.
 *
 * With `rules`, only candidates that pass the hard rules are returned. The rules that the place table can
 * judge (placeScreen) go first, so a place turned down by them is never read; a place's opening hours are
 * evaluated only once one of its candidates has passed every other rule (most exclusions, such as a
 * budget or a dislike, need no hours). With `onlyPossibleHours`, a place whose kind makes no sense at
 * arrival (category-hours.ts) yields only its events: the hard rules would drop the place and its offers.
 */
export function candidatesAt(graph: TravelGraph, ctx: RankingContext, near: NearbySlots, from: number, options: { onlyPossibleHours?: boolean; rules?: RuleOptions } = {}): Candidate[] {
  const out: Candidate[] = [];
  const rules = options.rules;
  const judgeHours = rules !== undefined && !rules.ignoreHours;
  const screen = rules ? placeScreen(graph, ctx, rules) : null;
  const admit = (c: Candidate): void => {
    // The screen and the hours have judged the place rules by then; what is left is the item's own.
    if (!rules || !itemExclusion(c, ctx)) out.push(c);
  };
  const { table, positions } = near;
  const timeZone = ctx.city.timezone;
  const countryCode = ctx.city.countryCode;
  // Whole minutes of walk: the local hour at arrival is the hour now, moved on by the walk.
  const hourAfter = localHoursFrom(ctx.now, timeZone, ARRIVAL_WINDOW_MINUTES);
  for (let k = from; k < positions.length; k++) {
    const at = positions[k]!;
    // A dismissed or visited place goes with its events and offers; so does a bar or club for a family.
    if (screen && screenDropsAll(screen, table, at)) continue;
    // Without a consented position, distance is unknown: nothing downstream may use it.
    const walk = ctx.position ? walkingMinutes(near.meters[k]!) : null;
    const meters = ctx.position ? near.meters[k]! : null;
    const hour = hourAfter(walk ?? 0);
    const category = CATEGORY_IDS[table.category[at]!]!;
    const held = table.held[at]!;
    const possible = !options.onlyPossibleHours || inPossibleHours(category, hour);
    // The place itself, and its offers (an offer is had at the place, so its hours are the place's).
    let placeMayPass = possible && (!screen || screenPasses(screen, table, at));
    let offersMayPass = possible && (held & HOLDS_OFFERS) !== 0;
    const events = (held & HOLDS_EVENTS) !== 0;
    if (!placeMayPass && !offersMayPass && !events) continue;
    const arrival = new Date(ctx.now.getTime() + (walk ?? 0) * 60_000);
    // The place's hours at arrival, shown with whatever is suggested there; none for a kind out of its hours.
    const hours = possible ? hoursAt(table.openingHours[at]!, arrival, timeZone, { lat: table.lat[at]!, lon: table.lon[at]!, countryCode }) : UNKNOWN;
    if (judgeHours && (placeMayPass || offersMayPass) && hoursExclusion(category, hours, arrival, hour)) {
      placeMayPass = offersMayPass = false;
      if (!events) continue;
    }
    // Only now is the place read: most places near a busy street never get this far.
    const place = table.place[at]!;
    const node = table.node[at]!;
    // Plain literals rather than spreading a shared object: this runs for every place that passes the screen.
    // Indexed loops: the lists are frozen arrays, whose for-of allocates an iterator per place.
    if (placeMayPass) admit({ kind: 'place', id: place.id, place, node, meters, walkMinutes: walk, hours, arrival });
    if (!events && !offersMayPass) continue;
    const entry = graph.entryAt(at);
    for (let i = 0; i < entry.events.length; i++) {
      const event = entry.events[i]!;
      admit({ kind: 'event', id: event.id, event, place, node, meters, walkMinutes: walk, hours, arrival });
    }
    if (!offersMayPass) continue;
    for (let i = 0; i < entry.offers.length; i++) {
      const offer = entry.offers[i]!;
      admit({ kind: 'offer', id: offer.id, offer, place, node, meters, walkMinutes: walk, hours, arrival });
    }
  }
  return out;
}

const UNKNOWN: HoursState = Object.freeze({ kind: 'unknown' });
/** Longer than any walk within reach (40 minutes) or run (25): the span over which arrival hours are asked. */
const ARRIVAL_WINDOW_MINUTES = 180;

/** How far a runner's destination may be: about 25 minutes at an easy pace. */
export const RUN_REACH_M = 3_100;
export const RUNNING_TAG: SpatiallyIndexedTag = 'running';

/**
 * Whether the traveller runs: a stated like (profile), or a running place in the history (history) of a
 * traveller not known to be out with children (a family strolling in the Tuileries is not out for a run).
 */
export function wantsToRun(graph: TravelGraph, ctx: RankingContext): boolean {
  if (ctx.profile?.likes.some((l) => l.kind === 'tag' && l.id === RUNNING_TAG)) return true;
  if (ctx.profile && ctx.profile.party.childrenAges.length > 0) return false;
  return (ctx.history ?? []).some((i) => graph.place(i.placeId)?.tags.includes(RUNNING_TAG));
}

/** When people go out for a run: early morning and early evening, local time. */
const RUNNING_HOURS: [number, number][] = [
  [6, 9.5],
  [17.5, 21],
];

/** Places to run to, for a runner with a position, at running hours: reached at running pace, not on foot. */
export function runningCandidates(graph: TravelGraph, ctx: RankingContext): Candidate[] {
  if (!ctx.position) return [];
  // Cheapest test first: outside running hours nothing else is looked at.
  const hour = localHour(ctx.now, ctx.city.timezone);
  if (!RUNNING_HOURS.some(([from, to]) => hour >= from && hour < to)) return [];
  if (!wantsToRun(graph, ctx)) return [];
  const out: Candidate[] = [];
  for (const { place, node, meters } of graph.taggedPlacesNear(RUNNING_TAG, ctx.position.lat, ctx.position.lon, RUN_REACH_M, MAX_PLACES)) {
    const runMinutes = runningMinutes(meters);
    const arrival = new Date(ctx.now.getTime() + runMinutes * 60_000);
    const hours = hoursAt(place.openingHours, arrival, ctx.city.timezone, { lat: place.lat, lon: place.lon, countryCode: ctx.city.countryCode });
    out.push({ kind: 'place', id: place.id, place, node, meters, walkMinutes: walkingMinutes(meters), runMinutes, hours, arrival });
  }
  return out;
}
