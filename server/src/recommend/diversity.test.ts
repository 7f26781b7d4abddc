import { describe, expect, it } from 'vitest';
import { diversify, SAME_CATEGORY_DISCOUNT } from './diversity.ts';
import type { Scored } from './rank.ts';
import { mulberry32 } from './seeded-random.ts';

/** The greedy pass as first written, a Map and a power per candidate per pick: the reference. */
function plainDiversify(ordered: Scored[], limit: number, alreadyPicked: Scored[] = []): Scored[] {
  const picked: Scored[] = [];
  const perCategory = new Map<string, number>();
  for (const s of alreadyPicked) perCategory.set(s.candidate.place.category, (perCategory.get(s.candidate.place.category) ?? 0) + 1);
  const pool = ordered.slice(0, Math.max(limit * 10, 30));
  while (picked.length < limit && pool.length > 0) {
    let bestIndex = 0;
    let bestAdjusted = -Infinity;
    pool.forEach((s, i) => {
      const adjusted = s.score * Math.pow(SAME_CATEGORY_DISCOUNT, perCategory.get(s.candidate.place.category) ?? 0);
      if (adjusted > bestAdjusted) {
        bestAdjusted = adjusted;
        bestIndex = i;
      }
    });
    const [chosen] = pool.splice(bestIndex, 1);
    const passedOver = pool.find((s) => s.score > chosen!.score);
    picked.push(passedOver ? { ...chosen!, variedFrom: passedOver.candidate.place.category } : chosen!);
    perCategory.set(chosen!.candidate.place.category, (perCategory.get(chosen!.candidate.place.category) ?? 0) + 1);
  }
  return picked;
}

const scoredOf = (id: string, category: string, score: number) => ({ score, candidate: { id, place: { id, category } } }) as unknown as Scored;

describe('diversify', () => {
  it('picks what the plain greedy pass picks, passed-over notes included, on seeded pools', () => {
    const rand = mulberry32(17);
    const categories = ['bar', 'museum', 'restaurant', 'park', 'cafe'];
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(rand() * 150);
      // Scores on a coarse grid, so that ties (and ties after a discount) are common.
      const ordered = Array.from({ length: n }, (_v, i) => scoredOf(`c${i}`, categories[Math.floor(rand() * categories.length)]!, Math.floor(rand() * 8) / 4)).sort((a, b) => b.score - a.score);
      const before = Array.from({ length: Math.floor(rand() * 4) }, (_v, i) => scoredOf(`p${i}`, categories[Math.floor(rand() * 6) % categories.length]!, 1));
      const limit = 1 + Math.floor(rand() * 12);
      expect(diversify(ordered, limit, before)).toEqual(plainDiversify(ordered, limit, before));
    }
  });

  it('discounts a category already picked: three bars do not fill a push of three', () => {
    const ordered = [scoredOf('a', 'bar', 1), scoredOf('b', 'bar', 0.95), scoredOf('c', 'museum', 0.8)];
    const top = diversify(ordered, 2);
    expect(top.map((s) => s.candidate.id)).toEqual(['a', 'c']);
    expect(top[1]!.variedFrom).toBe('bar');
  });
});
