import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../recommend/seeded-random.ts';
import { selectSmallest, SpatialIndex } from './spatial-index.ts';

describe('selectSmallest', () => {
  it('moves the k smallest keys to the front, whatever k and however the keys come', () => {
    const rand = mulberry32(3);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rand() * 400);
      // Distinct keys, as the spatial index packs them; some rounds already sorted or reversed.
      const values = [...new Set(Array.from({ length: n }, () => Math.floor(rand() * 1e6)))];
      if (round % 10 === 1) values.sort((a, b) => a - b);
      if (round % 10 === 2) values.sort((a, b) => b - a);
      const keys = Float64Array.from(values);
      const k = 1 + Math.floor(rand() * keys.length);
      selectSmallest(keys, k);
      const expected = [...values].sort((a, b) => a - b).slice(0, k);
      expect(Array.from(keys.subarray(0, k)).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

describe('SpatialIndex.nearest', () => {
  it('gives the nearest `max` in order, the same as the whole radius sorted and cut', () => {
    const rand = mulberry32(5);
    const index = new SpatialIndex<{ id: string; lat: number; lon: number }>();
    for (let i = 0; i < 3000; i++) index.set({ id: `p${i}`, lat: 48.85 + (rand() - 0.5) * 0.03, lon: 2.35 + (rand() - 0.5) * 0.04 });
    // Twenty points on one spot: equal distances, kept in the tree's order.
    for (let i = 0; i < 20; i++) index.set({ id: `same${i}`, lat: 48.851, lon: 2.351 });
    for (const [lat, lon] of [
      [48.85, 2.35],
      [48.851, 2.351],
      [48.86, 2.36],
    ] as const) {
      const all = index.nearest(lat, lon, 1200, 1e9);
      expect(all.positions.length).toBeGreaterThan(400);
      for (const max of [1, 20, 400]) {
        const cut = index.nearest(lat, lon, 1200, max);
        expect(cut.positions).toEqual(all.positions.slice(0, max));
        expect(Array.from(cut.meters)).toEqual(Array.from(all.meters.subarray(0, max)));
      }
    }
  });
});
