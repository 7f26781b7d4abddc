import { describe, expect, it } from 'vitest';
import { mulberry32 } from './seeded-random.ts';
import { newestFirst } from './taste-run.ts';

/** The order newestFirst must give: a stable sort by time, most recent first. */
const byComparator = (history: { at: Date }[]) =>
  history
    .map((h, k) => ({ t: h.at.getTime(), k }))
    .sort((a, b) => b.t - a.t)
    .map((x) => x.k);

describe('newestFirst', () => {
  it('orders a history as a stable sort by time would, ties in list order', () => {
    const rand = mulberry32(7);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(rand() * 60);
      // Few distinct times, so that ties are common.
      const history = Array.from({ length: n }, () => ({ at: new Date(Date.UTC(2026, 5, 1) + Math.floor(rand() * 8) * 3_600_000) }));
      expect(Array.from(newestFirst(history))).toEqual(byComparator(history));
    }
  });

  it('falls back to a comparator past what a packed key holds (a long history, a date before 1970)', () => {
    const rand = mulberry32(8);
    const long = Array.from({ length: 3000 }, () => ({ at: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 1000) * 60_000) }));
    expect(Array.from(newestFirst(long))).toEqual(byComparator(long));
    const old = [{ at: new Date(Date.UTC(1960, 0, 1)) }, { at: new Date(Date.UTC(2026, 0, 1)) }, { at: new Date(Date.UTC(1960, 0, 1)) }];
    expect(Array.from(newestFirst(old))).toEqual([1, 0, 2]);
  });
});
