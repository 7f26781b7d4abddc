/**
 * The simple next-POI baselines, each a pure function from the train statistics and a query to a full
 * ranking of the candidate POIs (indices into `stats.pois`, best first). Ties always fall back to train
 * popularity, then to the venue id, so no method wins a tie by luck.
 */
import { distanceMeters } from '../../../shared/src/geo.ts';
import { proximityValue } from '../baselines.ts';
import type { Query, TrainStats } from './train-stats.ts';
import { visitsOf } from './train-stats.ts';

export type Ranking = Int32Array;

/** All POIs by score, highest first; equal scores in popularity order. */
export function orderByScore(stats: TrainStats, scores: ArrayLike<number>): Ranking {
  const order = Int32Array.from(stats.byPopularity);
  // A stable sort of the popularity order keeps it among equal scores.
  return order.sort((a, b) => scores[b]! - scores[a]! || stats.popularityRank[a]! - stats.popularityRank[b]!);
}

/** Where the query stands: its last check-in. */
export const lastOf = (query: Query) => query.prefix[query.prefix.length - 1]!;

/** Metres from the query's last check-in to each POI. */
export function distancesFrom(stats: TrainStats, query: Query): Float64Array {
  const here = lastOf(query);
  const out = new Float64Array(stats.pois.length);
  for (let i = 0; i < out.length; i++) out[i] = distanceMeters(here, { lat: stats.lat[i]!, lon: stats.lon[i]! });
  return out;
}

/** Train transitions from the query's last POI (empty when train never left it, or never saw it). */
export function transitionsFrom(stats: TrainStats, query: Query): ReadonlyMap<number, number> {
  const from = stats.index.get(lastOf(query).venueId);
  return (from === undefined ? undefined : stats.transitions.get(from)) ?? new Map<number, number>();
}

function sparse(stats: TrainStats, values: ReadonlyMap<number, number>): Float64Array {
  const scores = new Float64Array(stats.pois.length);
  for (const [i, v] of values) scores[i] = v;
  return scores;
}

export const popular = (stats: TrainStats): Ranking => Int32Array.from(stats.byPopularity);

export function nearest(stats: TrainStats, query: Query): Ranking {
  return orderByScore(
    stats,
    distancesFrom(stats, query).map((m) => -m),
  );
}

export const userFrequency = (stats: TrainStats, query: Query): Ranking => orderByScore(stats, sparse(stats, visitsOf(stats, query)));

export const transition = (stats: TrainStats, query: Query): Ranking => orderByScore(stats, sparse(stats, transitionsFrom(stats, query)));

/** The user's own venues, by visits × proximityValue (halves every 10 minutes' walk); others by popularity. */
export function userProximity(stats: TrainStats, query: Query): Ranking {
  const here = lastOf(query);
  const scores = new Float64Array(stats.pois.length);
  for (const [i, v] of visitsOf(stats, query)) scores[i] = v * proximityValue(distanceMeters(here, { lat: stats.lat[i]!, lon: stats.lon[i]! }));
  return orderByScore(stats, scores);
}

export const SIMPLE_BASELINES = {
  popular: { label: 'most popular', rank: popular },
  nearest: { label: 'nearest', rank: nearest },
  frequency: { label: 'user frequency', rank: userFrequency },
  transition: { label: 'transition (1st order)', rank: transition },
  'user-proximity': { label: 'user visits × proximity', rank: userProximity },
} as const satisfies Record<string, { label: string; rank: (stats: TrainStats, query: Query) => Ranking }>;
export type SimpleBaselineId = keyof typeof SIMPLE_BASELINES;
