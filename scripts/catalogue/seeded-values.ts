// Demo values for what the open sources lack (ratings, review counts, price levels), derived from a hash of the id so every rebuild agrees.
import type { CategoryId } from '../../shared/src/categories.ts';
// FNV-1a, 32 bits: tiny and stable across platforms and Node versions; one implementation for the project.
import { hashString as fnv1a } from '../../server/src/recommend/seeded-random.ts';

export { fnv1a };

/** A number in [0, 1) fixed by the id and the field name, so fields do not move together. */
export function unitHash(id: string, field: string): number {
  return fnv1a(`${id}#${field}`) / 2 ** 32;
}

/** 3.5 to 4.9, one decimal. */
export function seededRating(id: string): number {
  return Math.round((3.5 + unitHash(id, 'rating') * 1.4) * 10) / 10;
}

/** 3 to 2,500, spread on a log scale (most places have a few dozen reviews, a few have thousands). */
export function seededReviewCount(id: string): number {
  const lo = Math.log(3);
  const hi = Math.log(2500);
  return Math.min(2500, Math.max(3, Math.round(Math.exp(lo + unitHash(id, 'reviewCount') * (hi - lo)))));
}

const CHEAP_CUISINES = new Set([
  'kebab',
  'pizza',
  'italian_pizza',
  'crepe',
  'pancake',
  'ramen',
  'noodle',
  'vietnamese',
  'chinese',
  'sandwich',
  'burger',
  'lebanese',
  'falafel',
  'indian',
  'thai',
  'friture',
  'bowl',
  'pita',
  'poke',
  'bagel',
  'asian',
  'turkish',
  'dumpling',
  'udon',
  'couscous',
  'african',
  'ethiopian',
  'tibetan',
  'cambodian',
  'laotian',
]);
const DEAR_CUISINES = new Set(['fine_dining', 'gastronomic', 'seafood', 'steak_house', 'oyster', 'caviar', 'kaiseki', 'french_gastronomic']);

/** Plausible price levels by category (min, usual, max); null where a price level means nothing (free to enter). */
const PRICE_RANGE: Record<CategoryId, readonly [number, number, number] | null> = {
  restaurant: [1, 2, 3],
  cafe: [1, 1, 2],
  bar: [1, 2, 3],
  nightlife: [2, 2, 3],
  music_venue: [2, 2, 3],
  theatre: [2, 2, 3],
  cinema: [1, 2, 2],
  museum: [1, 2, 2],
  climbing: [2, 2, 2],
  sports_centre: [1, 2, 2],
  swimming: [1, 1, 1],
  gallery: null,
  park: null,
  market: null,
  other: null,
};

/** The usual level of a category, shifted by cuisine for restaurants. */
export function basePriceLevel(category: CategoryId, cuisines: string[]): number | null {
  const range = PRICE_RANGE[category];
  if (range === null) return null;
  if (category === 'restaurant') {
    if (cuisines.some((c) => DEAR_CUISINES.has(c))) return 3;
    if (cuisines.length > 0 && cuisines.every((c) => CHEAP_CUISINES.has(c))) return 1;
  }
  return range[1];
}

/** The base level, moved by one step for about a third of places, kept within the category's range. */
export function seededPriceLevel(id: string, category: CategoryId, cuisines: string[]): number | null {
  const range = PRICE_RANGE[category];
  const base = basePriceLevel(category, cuisines);
  if (range === null || base === null) return null;
  const u = unitHash(id, 'priceLevel');
  const nudge = u < 1 / 6 ? -1 : u >= 5 / 6 ? 1 : 0;
  return Math.min(range[2], Math.max(range[0], base + nudge));
}
