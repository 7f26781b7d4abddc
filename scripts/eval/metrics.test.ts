import { describe, expect, it } from 'vitest';
import { addCase, emptySums, means, ndcgAt, rankOf, recallAt, reciprocalRank } from './metrics.ts';

const ranked = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];

describe('metrics with one relevant item', () => {
  it('gives full marks when the relevant item is first', () => {
    expect([recallAt(ranked, 'a'), ndcgAt(ranked, 'a'), reciprocalRank(ranked, 'a')]).toEqual([1, 1, 1]);
  });

  it('discounts by rank: third place gives NDCG 1/log2(4) = 0.5 and MRR 1/3', () => {
    expect(rankOf(ranked, 'c')).toBe(3);
    expect(recallAt(ranked, 'c')).toBe(1);
    expect(ndcgAt(ranked, 'c')).toBeCloseTo(0.5, 12);
    expect(reciprocalRank(ranked, 'c')).toBeCloseTo(1 / 3, 12);
  });

  it('counts the tenth place and not the eleventh (cut at K = 10)', () => {
    expect(recallAt(ranked, 'j')).toBe(1);
    expect(ndcgAt(ranked, 'j')).toBeCloseTo(1 / Math.log2(11), 12);
    expect(reciprocalRank(ranked, 'j')).toBeCloseTo(0.1, 12);
    expect([recallAt(ranked, 'k'), ndcgAt(ranked, 'k'), reciprocalRank(ranked, 'k')]).toEqual([0, 0, 0]);
  });

  it('gives zero when the relevant item is absent', () => {
    expect([recallAt(ranked, 'z'), ndcgAt(ranked, 'z'), reciprocalRank(ranked, 'z')]).toEqual([0, 0, 0]);
    expect(recallAt([], 'a')).toBe(0);
  });

  it('averages over cases', () => {
    const sums = emptySums();
    addCase(sums, ranked, 'a'); // 1, 1, 1
    addCase(sums, ranked, 'b'); // 1, 1/log2(3), 1/2
    addCase(sums, ranked, 'z'); // 0, 0, 0
    addCase(sums, ranked, 'd'); // 1, 1/log2(5), 1/4
    const m = means(sums);
    expect(m.n).toBe(4);
    expect(m.recall).toBeCloseTo(0.75, 12);
    expect(m.ndcg).toBeCloseTo((1 + 1 / Math.log2(3) + 1 / Math.log2(5)) / 4, 12);
    expect(m.mrr).toBeCloseTo((1 + 0.5 + 0.25) / 4, 12);
  });
});
