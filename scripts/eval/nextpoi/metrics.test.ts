import { describe, expect, it } from 'vitest';
import { figuresOf, intervalOf, metricOf, pairedDifference, percentileInterval } from './metrics.ts';

describe('next-POI metrics', () => {
  it('score one sample from the target’s rank in the full ranking', () => {
    expect([1, 5, 6, 20, 21, null].map((r) => metricOf('acc5', r))).toEqual([1, 1, 0, 0, 0, 0]);
    expect(metricOf('acc20', 20)).toBe(1);
    expect(metricOf('mrr', 4)).toBe(0.25);
    expect(metricOf('mrr', 250)).toBe(1 / 250); // a full ranking: no cut at 10
    expect(metricOf('mrr', null)).toBe(0); // beyond a file's list
  });

  it('average over samples exactly', () => {
    const f = figuresOf([1, 3, null, 12], 200, 7);
    expect(f.n).toBe(4);
    expect(f.means).toEqual({ acc1: 0.25, acc5: 0.5, acc10: 0.5, acc20: 0.75, mrr: (1 + 1 / 3 + 0 + 1 / 12) / 4 });
  });

  it('give a seeded bootstrap interval around the mean, the same on every run', () => {
    const ranks = Array.from({ length: 400 }, (_v, i) => (i % 4 === 0 ? 1 : i % 4 === 1 ? 15 : null));
    const a = intervalOf(figuresOf(ranks, 1000, 11), 'acc10');
    expect(a.value).toBe(0.25);
    expect(a.low).toBeLessThan(0.25);
    expect(a.high).toBeGreaterThan(0.25);
    // About ±1.96 × sqrt(0.25 × 0.75 / 400) = ±0.042.
    expect(a.high - a.low).toBeGreaterThan(0.06);
    expect(a.high - a.low).toBeLessThan(0.11);
    expect(intervalOf(figuresOf(ranks, 1000, 11), 'acc10')).toEqual(a);
  });

  it('pair two methods on the same resamples: a constant lead has a tight interval that excludes 0', () => {
    const worse = Array.from({ length: 300 }, (_v, i) => (i % 3 === 0 ? 2 : 30));
    const better = worse.map((r) => (r === 30 ? 8 : 2));
    const d = pairedDifference(figuresOf(better, 500, 3), figuresOf(worse, 500, 3), 'acc10');
    expect(d.value).toBeCloseTo(2 / 3);
    expect(d.excludesZero).toBe(true);
    const same = pairedDifference(figuresOf(worse, 500, 3), figuresOf(worse, 500, 3), 'mrr');
    expect(same).toEqual({ value: 0, low: 0, high: 0, excludesZero: false });
  });

  it('take percentiles between order statistics', () => {
    const values = Float64Array.from({ length: 201 }, (_v, i) => i);
    expect(percentileInterval(values, 100)).toEqual({ value: 100, low: 5, high: 195 });
  });
});
