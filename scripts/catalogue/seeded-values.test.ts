// Seeded demo values are the same on every run and stay within their documented ranges.
import { describe, expect, it } from 'vitest';
import { LEISURE_CATEGORY_IDS } from '../../shared/src/categories.ts';
import { basePriceLevel, fnv1a, seededPriceLevel, seededRating, seededReviewCount } from './seeded-values.ts';

const IDS = Array.from({ length: 2000 }, (_, i) => `osm:node/${1000 + i * 7919}`);

describe('seeded values', () => {
  it('are deterministic', () => {
    expect(fnv1a('osm:node/1')).toBe(fnv1a('osm:node/1'));
    expect(fnv1a('')).toBe(0x811c9dc5);
    for (const id of IDS.slice(0, 50)) {
      expect(seededRating(id)).toBe(seededRating(id));
      expect(seededReviewCount(id)).toBe(seededReviewCount(id));
      expect(seededPriceLevel(id, 'restaurant', ['ramen'])).toBe(seededPriceLevel(id, 'restaurant', ['ramen']));
    }
  });

  it('rate 3.5–4.9 with one decimal and count 3–2500 reviews, spread out', () => {
    const ratings = IDS.map(seededRating);
    const counts = IDS.map(seededReviewCount);
    for (const r of ratings) {
      expect(r).toBeGreaterThanOrEqual(3.5);
      expect(r).toBeLessThanOrEqual(4.9);
      expect(Math.round(r * 10) / 10).toBe(r);
    }
    for (const c of counts) {
      expect(Number.isInteger(c)).toBe(true);
      expect(c).toBeGreaterThanOrEqual(3);
      expect(c).toBeLessThanOrEqual(2500);
    }
    expect(new Set(ratings).size).toBeGreaterThan(10);
    // Log spread: the median is far below the mean of the range.
    const sorted = [...counts].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(300);
    expect(sorted[sorted.length - 1]!).toBeGreaterThan(1500);
  });

  it('give price levels 1–3 for food and drink, null for parks, markets and galleries', () => {
    for (const category of LEISURE_CATEGORY_IDS) {
      for (const id of IDS.slice(0, 200)) {
        const level = seededPriceLevel(id, category, []);
        if (category === 'park' || category === 'market' || category === 'gallery') expect(level).toBeNull();
        else {
          expect(level).not.toBeNull();
          expect(level!).toBeGreaterThanOrEqual(1);
          expect(level!).toBeLessThanOrEqual(3);
        }
      }
    }
    expect(basePriceLevel('restaurant', ['fine_dining'])).toBe(3);
    expect(basePriceLevel('restaurant', ['ramen'])).toBe(1);
    expect(basePriceLevel('restaurant', ['french'])).toBe(2);
  });
});
