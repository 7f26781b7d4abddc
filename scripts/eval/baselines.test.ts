import { describe, expect, it } from 'vitest';
import type { Place } from '../../server/src/catalogue/model.ts';
import { categoryCounts, categoryKey, placeAnswer, rankBaseline } from './baselines.ts';

const HERE = { lat: 40.758, lon: -73.9855 };
function venue(id: string, metresNorth: number, category: Place['category'], fsq: string): Place {
  return {
    id: `fsq:${id}`,
    agencyId: 'eval',
    cityId: 'nyc',
    name: id,
    category,
    tags: [`fsq:${fsq}`],
    lat: HERE.lat + metresNorth / 111_200,
    lon: HERE.lon,
    address: null,
    openingHours: null,
    priceLevel: null,
    rating: null,
    reviewCount: 0,
    website: null,
    seeded: [],
  };
}
const near = venue('near', 100, 'bar', 'bar');
const mid = venue('mid', 600, 'cafe', 'coffee-shop');
const far = venue('far', 2000, 'cafe', 'coffee-shop');
const checkins: Record<string, number> = { 'fsq:far': 50, 'fsq:mid': 5, 'fsq:near': 1 };
const input = (counts = new Map<string, number>()) => ({ candidates: [far, near, mid], origin: HERE, popularity: (p: Place) => checkins[p.id] ?? 0, categoryCounts: counts });

describe('baselines', () => {
  it('most popular orders by popularity alone', () => {
    expect(rankBaseline('popular', input(), 3).map((p) => p.name)).toEqual(['far', 'mid', 'near']);
  });

  it('nearest orders by distance from the origin', () => {
    expect(rankBaseline('nearest', input(), 2).map((p) => p.name)).toEqual(['near', 'mid']);
  });

  it('category frequency × proximity prefers the traveller’s usual kind of place when it is close enough', () => {
    const coffeeDrinker = categoryCounts([mid, mid, far, mid]);
    expect(coffeeDrinker.get('fsq:coffee-shop')).toBe(4);
    expect(rankBaseline('category-proximity', input(coffeeDrinker), 3).map((p) => p.name)).toEqual(['mid', 'near', 'far']);
    // With no history it is proximity alone.
    expect(rankBaseline('category-proximity', input(), 3).map((p) => p.name)).toEqual(['near', 'mid', 'far']);
  });

  it('uses the finest category key available', () => {
    expect(categoryKey(mid)).toBe('fsq:coffee-shop');
    expect(categoryKey({ ...mid, tags: [] })).toBe('cafe');
  });

  it('answers with a place, a distance only when there is a position, and no explanation', () => {
    expect(placeAnswer(near, HERE)).toMatchObject({ kind: 'place', id: 'fsq:near', walkMinutes: 2, explanation: null });
    expect(placeAnswer(near, null)).toMatchObject({ distanceMeters: null, walkMinutes: null });
  });
});
