/**
 * The check-in replay's baselines beyond the shared three (baselines.ts): what the user's own history and
 * everybody's transitions say, as in the next-POI protocol (nextpoi/baselines.ts, nextpoi/blend.ts), on the
 * replay's candidates (the places within 3 km that Escale's rules leave). Ties fall back to training
 * popularity, then to the place id, so no method wins a tie by luck.
 * - user frequency: the user's training check-ins at the place;
 * - transition: training check-ins at the place right after one at the user's previous venue (any user,
 *   within 24 h; the previous venue may be an office or a station);
 * - user visits × proximity: the user's check-ins × proximityValue;
 * - tuned blend: a weighted sum of those parts, each on a log scale over the query's largest, tuned on a
 *   sample of test check-ins disjoint from the reported one (so it is flattered, never handicapped).
 */
import { distanceMeters, type LatLon } from '../../shared/src/index.ts';
import type { Place } from '../../server/src/catalogue/model.ts';
import { proximityValue } from './baselines.ts';
import { coordinateSearch, EQUAL_WEIGHTS, type BlendWeights } from './nextpoi/blend.ts';

export const CHECKIN_BASELINE_IDS = ['frequency', 'transition', 'user-proximity', 'blend'] as const;
export type CheckinBaselineId = (typeof CHECKIN_BASELINE_IDS)[number];
export const CHECKIN_BASELINE_LABELS: Record<CheckinBaselineId, string> = {
  frequency: 'user frequency',
  transition: 'transition (1st order)',
  'user-proximity': 'user visits × proximity',
  blend: 'tuned blend',
};

export interface CheckinQuery {
  candidates: readonly Place[];
  origin: LatLon;
  /** Training check-ins per place, everybody's. */
  popularity: (place: Place) => number;
  /** The user's training check-ins per place id. */
  visits: ReadonlyMap<string, number>;
  /** Training transitions from the user's previous venue, per next place id. */
  transitions: ReadonlyMap<string, number>;
}

/** The blend's parts per candidate, each in [0, 1], and the metres for the proximity part. */
export interface BlendParts {
  ids: string[];
  meters: Float64Array;
  popularity: Float64Array;
  frequency: Float64Array;
  transition: Float64Array;
  /** The user's check-ins (raw), for visits × proximity. */
  visits: Float64Array;
}

function logScaled(values: Float64Array): Float64Array {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  const norm = Math.log1p(max);
  return values.map((v) => (norm > 0 ? Math.log1p(v) / norm : 0));
}

export function blendParts(q: CheckinQuery): BlendParts {
  const at = (f: (p: Place) => number) => Float64Array.from(q.candidates, f);
  return {
    ids: q.candidates.map((p) => p.id),
    meters: at((p) => distanceMeters(q.origin, p)),
    popularity: logScaled(at(q.popularity)),
    frequency: logScaled(at((p) => q.visits.get(p.id) ?? 0)),
    transition: logScaled(at((p) => q.transitions.get(p.id) ?? 0)),
    visits: at((p) => q.visits.get(p.id) ?? 0),
  };
}

export function blendScores(parts: BlendParts, blend: BlendWeights): Float64Array {
  const w = blend.weights;
  const k = -Math.LN2 / blend.halfMeters;
  let min = Infinity;
  for (const m of parts.meters) min = Math.min(min, m);
  const proximity = parts.meters.map((m) => Math.exp(k * (m - min)));
  let maxUser = 0;
  for (let i = 0; i < proximity.length; i++) maxUser = Math.max(maxUser, parts.visits[i]! * proximity[i]!);
  return proximity.map(
    (p, i) =>
      w.popularity * parts.popularity[i]! +
      w.proximity * p +
      w.frequency * parts.frequency[i]! +
      w.transition * parts.transition[i]! +
      (maxUser > 0 ? (w.userProximity * parts.visits[i]! * p) / maxUser : 0),
  );
}

/** Candidates by score, highest first; ties by training popularity, then id. */
function ordered(q: CheckinQuery, score: (p: Place, i: number) => number, limit: number): Place[] {
  const scored = q.candidates.map((place, i) => ({ place, score: score(place, i), pop: q.popularity(place) }));
  scored.sort((a, b) => b.score - a.score || b.pop - a.pop || a.place.id.localeCompare(b.place.id));
  return scored.slice(0, limit).map((s) => s.place);
}

export function rankCheckinBaseline(id: CheckinBaselineId, q: CheckinQuery, limit: number, blend: BlendWeights = EQUAL_WEIGHTS): Place[] {
  if (id === 'frequency') return ordered(q, (p) => q.visits.get(p.id) ?? 0, limit);
  if (id === 'transition') return ordered(q, (p) => q.transitions.get(p.id) ?? 0, limit);
  if (id === 'user-proximity') return ordered(q, (p) => (q.visits.get(p.id) ?? 0) * proximityValue(distanceMeters(q.origin, p)), limit);
  const scores = blendScores(blendParts(q), blend);
  return ordered(q, (_p, i) => scores[i]!, limit);
}

/** One tuning case: the parts of its candidates and where the true venue is among them (-1: not there). */
export interface BlendCase {
  parts: BlendParts;
  target: number;
  /** Training popularity of each candidate, for ties. */
  popularity: Float64Array;
}

/** Reciprocal rank within the top `k` (0 beyond, or when the venue is not a candidate). */
function reciprocalRankAt(c: BlendCase, scores: Float64Array, k: number): number {
  if (c.target < 0) return 0;
  const s = scores[c.target]!;
  const pop = c.popularity[c.target]!;
  const id = c.parts.ids[c.target]!;
  let ahead = 0;
  for (let i = 0; i < scores.length; i++) {
    if (i === c.target) continue;
    const v = scores[i]!;
    if (v > s || (v === s && (c.popularity[i]! > pop || (c.popularity[i] === pop && c.parts.ids[i]! < id)))) ahead++;
    if (ahead >= k) return 0;
  }
  return 1 / (ahead + 1);
}

/** Coordinate search over the same grids as the next-POI blend (nextpoi/blend.ts), for MRR@k. */
export function tuneReplayBlend(cases: readonly BlendCase[], k: number, rounds = 6): { blend: BlendWeights; mrr: number } {
  const mrrOf = (b: BlendWeights) => (cases.length ? cases.reduce((sum, c) => sum + reciprocalRankAt(c, blendScores(c.parts, b), k), 0) / cases.length : 0);
  return coordinateSearch(mrrOf, rounds);
}
