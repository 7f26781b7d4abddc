/**
 * The next-POI metrics over a full ranking, with one relevant POI per sample: Acc@k is 1 when it is in the
 * top k; MRR is the mean of 1/rank, its rank in the whole ranking (a method gives a full ranking; a ranked
 * file read from elsewhere counts a target beyond its list as 0). Each mean comes with a 95 % percentile
 * bootstrap interval over samples, and two methods' difference with a paired one (the same resamples).
 */
import { mulberry32 } from '../random.ts';

export const ACC_KS = [1, 5, 10, 20] as const;
export const METRICS = ['acc1', 'acc5', 'acc10', 'acc20', 'mrr'] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_LABELS: Record<Metric, string> = { acc1: 'Acc@1', acc5: 'Acc@5', acc10: 'Acc@10', acc20: 'Acc@20', mrr: 'MRR' };

export const BOOTSTRAP_RESAMPLES = 1_000;
export const BOOTSTRAP_SEED = 2022;

/** A metric's value on one sample, from the target's 1-based rank (null: not in the list). */
export function metricOf(metric: Metric, rank: number | null): number {
  if (rank === null) return 0;
  if (metric === 'mrr') return 1 / rank;
  return rank <= Number(metric.slice(3)) ? 1 : 0;
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

/** Means of the metrics over the ranks, and the same means over each bootstrap resample. */
export interface MethodFigures {
  n: number;
  means: Record<Metric, number>;
  /** resample → mean, per metric: kept for the paired differences. */
  resampled: Record<Metric, Float64Array>;
}

/**
 * The resamples of n samples: each a multiset of indices, drawn from the seed. The same seed gives the same
 * resamples to every method, which is what makes a difference paired.
 */
function resampleCounts(n: number, resamples: number, seed: number): Uint16Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: resamples }, () => {
    const counts = new Uint16Array(n);
    for (let k = 0; k < n; k++) counts[Math.floor(rand() * n)]!++;
    return counts;
  });
}

const resampleCache = new Map<string, Uint16Array[]>();
function resamplesOf(n: number, resamples: number, seed: number): Uint16Array[] {
  const key = `${n}|${resamples}|${seed}`;
  let r = resampleCache.get(key);
  if (!r) {
    if (resampleCache.size > 16) resampleCache.clear();
    resampleCache.set(key, (r = resampleCounts(n, resamples, seed)));
  }
  return r;
}

export function figuresOf(ranks: readonly (number | null)[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): MethodFigures {
  const n = ranks.length;
  const draws = resamplesOf(n, resamples, seed);
  const means = {} as Record<Metric, number>;
  const resampled = {} as Record<Metric, Float64Array>;
  for (const metric of METRICS) {
    const values = ranks.map((r) => metricOf(metric, r));
    means[metric] = n ? values.reduce((a, b) => a + b, 0) / n : 0;
    resampled[metric] = Float64Array.from(draws, (counts) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += counts[k]! * values[k]!;
      return n ? sum / n : 0;
    });
  }
  return { n, means, resampled };
}

/** The 2.5th and 97.5th percentiles (linear between order statistics). */
export function percentileInterval(values: Float64Array, value: number): Interval {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => {
    if (sorted.length === 0) return value;
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  };
  return { value, low: at(0.025), high: at(0.975) };
}

export const intervalOf = (f: MethodFigures, metric: Metric): Interval => percentileInterval(f.resampled[metric], f.means[metric]);

/** a − b on one metric, with the paired interval (both figured on the same samples and seed). */
export function pairedDifference(a: MethodFigures, b: MethodFigures, metric: Metric): Interval & { excludesZero: boolean } {
  if (a.n !== b.n) throw new Error(`paired difference of figures on ${a.n} and ${b.n} samples`);
  const diffs = a.resampled[metric].map((v, i) => v - b.resampled[metric][i]!);
  const interval = percentileInterval(diffs, a.means[metric] - b.means[metric]);
  return { ...interval, excludesZero: interval.low > 0 || interval.high < 0 };
}
