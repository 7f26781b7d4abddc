/**
 * The simple baselines the ranker is measured against, on the same candidate places: most popular,
 * nearest, and the traveller's category frequency × proximity. Pure orderings, no rules and no
 * explanation; the harness decides which candidates they see.
 */
import { distanceMeters, walkingMinutes, type LatLon } from '../../shared/src/index.ts';
import type { Place } from '../../server/src/catalogue/model.ts';
import type { EvalAnswer } from './answer.ts';

export const BASELINE_IDS = ['popular', 'nearest', 'category-proximity'] as const;
export type BaselineId = (typeof BASELINE_IDS)[number];

export const BASELINE_LABELS: Record<BaselineId, string> = {
  popular: 'most popular',
  nearest: 'nearest',
  'category-proximity': 'category frequency × proximity',
};

export interface BaselineInput {
  candidates: readonly Place[];
  /** The point distances are measured from: the traveller's position, or the city centre without one. */
  origin: LatLon;
  /** How popular a place is (ratings in Paris, training check-ins in the replay). */
  popularity: (place: Place) => number;
  /** How often each category key appears in the traveller's history (empty without history). */
  categoryCounts: ReadonlyMap<string, number>;
}

/**
 * The finest category a place has: Foursquare's (kept as an `fsq:` tag) in the replay, Escale's
 * otherwise. A finer key makes the category baseline stronger, so beating it means more.
 */
export function categoryKey(place: Place): string {
  return place.tags.find((t) => t.startsWith('fsq:')) ?? place.category;
}

export function categoryCounts(placesInHistory: Iterable<Place>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of placesInHistory) counts.set(categoryKey(p), (counts.get(categoryKey(p)) ?? 0) + 1);
  return counts;
}

/** Same decay as a short walk is worth to a traveller: halves every 10 minutes of walking. */
export const proximityValue = (meters: number) => Math.pow(0.5, walkingMinutes(meters) / 10);

export function rankBaseline(id: BaselineId, input: BaselineInput, limit: number): Place[] {
  const scored = input.candidates.map((place) => {
    const meters = distanceMeters(input.origin, place);
    let score: number;
    if (id === 'popular') score = input.popularity(place);
    else if (id === 'nearest') score = -meters;
    // Laplace smoothing (+1) so a category never seen still ranks by proximity.
    else score = ((input.categoryCounts.get(categoryKey(place)) ?? 0) + 1) * proximityValue(meters);
    return { place, score, meters };
  });
  scored.sort((a, b) => b.score - a.score || a.place.id.localeCompare(b.place.id));
  return scored.slice(0, limit).map((s) => s.place);
}

/** A baseline's pick as an answer: a place, with a distance only when the traveller's position is known. */
export function placeAnswer(place: Place, position: LatLon | null): EvalAnswer {
  const meters = position ? distanceMeters(position, place) : null;
  return {
    kind: 'place',
    id: place.id,
    title: place.name,
    place: { id: place.id, name: place.name, category: place.category, tags: place.tags, lat: place.lat, lon: place.lon, address: place.address },
    distanceMeters: meters === null ? null : Math.round(meters),
    walkMinutes: meters === null ? null : walkingMinutes(meters),
    explanation: null,
  };
}
