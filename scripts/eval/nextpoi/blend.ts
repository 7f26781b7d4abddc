/**
 * The tuned blend: a weighted sum of the simple baselines' parts, each normalised per query to [0, 1]
 * (counts on a log scale, divided by the query's largest), with weights and a distance decay chosen by
 * coordinate search on the VALIDATION samples only, per task, for the best MRR. It is the strongest thing
 * that can be built from the same simple parts, so beating it says more than beating each part alone.
 */
import type { Ranking } from './baselines.ts';
import { distancesFrom, orderByScore, transitionsFrom } from './baselines.ts';
import type { Query, TrainStats } from './train-stats.ts';
import { visitedOf, visitsOf } from './train-stats.ts';

export const PARTS = ['popularity', 'proximity', 'frequency', 'transition', 'userProximity'] as const;
export type Part = (typeof PARTS)[number];

export interface BlendWeights {
  weights: Record<Part, number>;
  /** Proximity halves every `halfMeters` from the last check-in. */
  halfMeters: number;
}

export const EQUAL_WEIGHTS: BlendWeights = { weights: { popularity: 1, proximity: 1, frequency: 1, transition: 1, userProximity: 1 }, halfMeters: 1000 };
export const WEIGHT_GRID = [0, 0.25, 0.5, 1, 2, 4, 8] as const;
export const HALF_METERS_GRID = [250, 500, 1000, 2000, 4000, 8000] as const;

/** What a query brings to the blend, prepared once: the tuning scores each query many times. */
export interface BlendInput {
  meters: Float64Array;
  visits: ReadonlyMap<number, number>;
  transitions: ReadonlyMap<number, number>;
}

export const blendInput = (stats: TrainStats, query: Query): BlendInput => ({ meters: distancesFrom(stats, query), visits: visitsOf(stats, query), transitions: transitionsFrom(stats, query) });

const logPopularity = new WeakMap<TrainStats, Float64Array>();
function popularityPart(stats: TrainStats): Float64Array {
  let part = logPopularity.get(stats);
  if (!part) {
    const max = Math.log1p(Math.max(0, ...stats.popularity));
    part = stats.popularity.map((p) => (max > 0 ? Math.log1p(p) / max : 0));
    logPopularity.set(stats, part);
  }
  return part;
}

/** Adds w × (log(1 + v) / log(1 + max v)) for a sparse count part. */
function addLogCounts(scores: Float64Array, counts: ReadonlyMap<number, number>, w: number): void {
  if (w === 0 || counts.size === 0) return;
  const max = Math.log1p(Math.max(...counts.values()));
  for (const [i, v] of counts) scores[i]! += (w * Math.log1p(v)) / max;
}

/** Each POI's blended score; `proximity` may be passed in when the caller has it for this decay already. */
export function blendScores(stats: TrainStats, input: BlendInput, blend: BlendWeights, proximity = proximityPart(input.meters, blend.halfMeters)): Float64Array {
  const w = blend.weights;
  const pop = popularityPart(stats);
  const scores = new Float64Array(stats.pois.length);
  for (let i = 0; i < scores.length; i++) scores[i] = w.popularity * pop[i]! + w.proximity * proximity[i]!;
  addLogCounts(scores, input.visits, w.frequency);
  addLogCounts(scores, input.transitions, w.transition);
  if (w.userProximity > 0 && input.visits.size > 0) {
    let max = 0;
    for (const [i, v] of input.visits) max = Math.max(max, v * proximity[i]!);
    if (max > 0) for (const [i, v] of input.visits) scores[i]! += (w.userProximity * v * proximity[i]!) / max;
  }
  return scores;
}

/** 0.5^(d / half), divided by its largest value over the POIs (the nearest POI scores 1). */
export function proximityPart(meters: Float64Array, halfMeters: number): Float64Array {
  const k = -Math.LN2 / halfMeters;
  let min = Infinity;
  for (const m of meters) min = Math.min(min, m);
  return meters.map((m) => Math.exp(k * (m - min)));
}

export function blend(stats: TrainStats, query: Query, weights: BlendWeights): Ranking {
  return orderByScore(stats, blendScores(stats, blendInput(stats, query), weights));
}

/** 1-based rank of `target` under `scores` (ties by popularity), with `excluded` POIs not counted. */
export function rankUnder(stats: TrainStats, scores: Float64Array, target: number, excluded?: ReadonlySet<number>): number {
  const s = scores[target]!;
  const r = stats.popularityRank[target]!;
  let ahead = 0;
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i]!;
    if ((v > s || (v === s && stats.popularityRank[i]! < r)) && !excluded?.has(i)) ahead++;
  }
  return ahead + 1;
}

export interface TuningCase {
  input: BlendInput;
  target: number;
  /** POIs moved last in the next-new-place task (the user's known visits); none in the next-place task. */
  excluded: ReadonlySet<number> | undefined;
}

export function tuningCase(stats: TrainStats, query: Query, target: string, excludeVisited: boolean): TuningCase | null {
  const t = stats.index.get(target);
  if (t === undefined) return null;
  return { input: blendInput(stats, query), target: t, excluded: excludeVisited ? visitedOf(stats, query) : undefined };
}

export interface Tuned {
  blend: BlendWeights;
  mrr: number;
  /** Settings tried. */
  evaluations: number;
}

/**
 * Coordinate search: each weight in turn over WEIGHT_GRID, then the decay over HALF_METERS_GRID, keeping
 * whatever raises the MRR, until a full round changes nothing (at most `rounds` rounds). Deterministic.
 */
export function tuneBlend(stats: TrainStats, cases: readonly TuningCase[], rounds = 6): Tuned {
  let evaluations = 0;
  let proximityCache: { half: number; parts: Float64Array[] } | null = null;
  const proximities = (half: number) => {
    if (proximityCache?.half !== half) proximityCache = { half, parts: cases.map((c) => proximityPart(c.input.meters, half)) };
    return proximityCache.parts;
  };
  const mrrOf = (b: BlendWeights) => {
    evaluations++;
    const prox = proximities(b.halfMeters);
    let sum = 0;
    cases.forEach((c, k) => (sum += 1 / rankUnder(stats, blendScores(stats, c.input, b, prox[k]), c.target, c.excluded)));
    return cases.length ? sum / cases.length : 0;
  };
  const { blend: best, mrr: bestMrr } = coordinateSearch(mrrOf, rounds);
  return { blend: best, mrr: bestMrr, evaluations };
}

/**
 * Coordinate search from equal weights: each weight in turn over WEIGHT_GRID, then the decay over
 * HALF_METERS_GRID, keeping whatever raises `score`, until a full round changes nothing (at most `rounds`).
 */
export function coordinateSearch(score: (b: BlendWeights) => number, rounds: number): { blend: BlendWeights; mrr: number } {
  let best: BlendWeights = { weights: { ...EQUAL_WEIGHTS.weights }, halfMeters: EQUAL_WEIGHTS.halfMeters };
  let bestMrr = score(best);
  for (let round = 0; round < rounds; round++) {
    const before = bestMrr;
    for (const part of PARTS) {
      for (const w of WEIGHT_GRID) {
        if (w === best.weights[part]) continue;
        // All weights zero ranks by popularity alone: allowed, it is one of the baselines.
        const trial = { ...best, weights: { ...best.weights, [part]: w } };
        const mrr = score(trial);
        if (mrr > bestMrr) [best, bestMrr] = [trial, mrr];
      }
    }
    for (const half of HALF_METERS_GRID) {
      if (half === best.halfMeters) continue;
      const trial = { ...best, halfMeters: half };
      const mrr = score(trial);
      if (mrr > bestMrr) [best, bestMrr] = [trial, mrr];
    }
    if (bestMrr <= before) break;
  }
  return { blend: best, mrr: bestMrr };
}
