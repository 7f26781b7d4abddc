/**
 * Seeded randomness for the synthetic city: one 32-bit generator (mulberry32) so that a seed always gives
 * the same city on every machine and Node version, plus the few distributions the generator needs.
 */

import { mulberry32 } from '../../server/src/recommend/seeded-random.ts';

/** A generator returning floats in [0, 1): the server's mulberry32, so the whole project has one. */
export type Rng = () => number;
export { mulberry32 };

export const randInt = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** Standard normal (Box–Muller); the second value is thrown away to keep the generator stateless. */
export function gaussian(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Cumulative weights, for drawing an index in O(log n) from an arbitrary discrete distribution. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) cdf[i] = sum += weights[i]!;
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= sum;
  return cdf;
}

export function drawIndex(rng: Rng, cdf: Float64Array): number {
  const u = rng();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Zipf weights 1/(rank+1)^s: a few very common items and a long tail, as in tags and popularity. */
export function zipfWeights(n: number, s: number): Float64Array {
  const w = new Float64Array(n);
  for (let r = 0; r < n; r++) w[r] = 1 / (r + 1) ** s;
  return w;
}

/**
 * A Zipf-like rank in [0, m) in O(1), without a table per list: inverting the continuous CDF of 1/x
 * (exponent 1) gives rank = (m+1)^u − 1. Used per hotspot, where a table for each would cost memory.
 */
export function zipfRank(rng: Rng, m: number): number {
  return Math.min(m - 1, Math.floor((m + 1) ** rng()) - 1);
}
