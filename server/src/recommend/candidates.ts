/**
 * Candidate generation: only places within walking reach are scored, found with the spatial index, so the
 * cost of a ranking depends on the density around the traveller, not on the size of the catalogue.
 */
import { walkingMinutes } from '@escale/shared';
import type { TravelGraph } from '../graph/travel-graph.ts';
import type { Candidate } from './candidate.ts';
import type { RankingContext } from './context.ts';
import { hoursAt } from './opening-hours.ts';

/** About a 30-minute walk; widened once when the neighbourhood is sparse. */
export const SEARCH_RADIUS_M = 1_900;
export const WIDE_RADIUS_M = 5_000;
export const MAX_PLACES = 400;
const MIN_PLACES = 25;

export interface CandidateOptions {
  /** A fixed search radius (the evaluation uses 3 km); default: 1.9 km, widened to 5 km when sparse. */
  radiusMeters?: number;
  maxPlaces?: number;
}

export function generateCandidates(graph: TravelGraph, ctx: RankingContext, options: CandidateOptions = {}): Candidate[] {
  const origin = ctx.position ?? ctx.city.center;
  const max = options.maxPlaces ?? MAX_PLACES;
  let near = graph.placesNear(origin.lat, origin.lon, options.radiusMeters ?? SEARCH_RADIUS_M, max);
  if (options.radiusMeters === undefined && near.length < MIN_PLACES) near = graph.placesNear(origin.lat, origin.lon, WIDE_RADIUS_M, max);

  const out: Candidate[] = [];
  for (const { place, meters } of near) {
    // Without a consented position, distance is unknown: nothing downstream may use it.
    const walk = ctx.position ? walkingMinutes(meters) : null;
    const dist = ctx.position ? meters : null;
    const arrival = new Date(ctx.now.getTime() + (walk ?? 0) * 60_000);
    const where = { lat: place.lat, lon: place.lon, countryCode: ctx.city.countryCode };
    const hours = hoursAt(place.openingHours, arrival, ctx.city.timezone, where);
    const common = { place, meters: dist, walkMinutes: walk, hours, arrival };
    out.push({ kind: 'place', id: place.id, ...common });
    for (const event of graph.eventsAt(place.id)) out.push({ kind: 'event', id: event.id, event, ...common });
    for (const offer of graph.offersAt(place.id)) out.push({ kind: 'offer', id: offer.id, offer, ...common });
  }
  return out;
}
