import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tag } from '../../shared/src/index.ts';
import { categorySlug, FOURSQUARE_CATEGORIES, mapFoursquareCategory } from './foursquare-categories.ts';

describe('Foursquare categories → Escale', () => {
  it('keeps leisure venues with their category, cuisine and Foursquare tags', () => {
    expect(mapFoursquareCategory('Ramen / Noodle House')).toEqual({
      category: 'restaurant',
      tags: ['cuisine:noodle', 'cuisine:ramen', 'fsq:ramen-noodle-house'],
    });
    expect(mapFoursquareCategory('Bar')).toEqual({ category: 'bar', tags: ['fsq:bar'] });
    expect(mapFoursquareCategory('Music Venue')?.category).toBe('music_venue');
    expect(mapFoursquareCategory('Movie Theater')?.category).toBe('cinema');
    expect(mapFoursquareCategory('Art Museum')?.category).toBe('museum');
    expect(mapFoursquareCategory('Park')?.category).toBe('park');
    expect(mapFoursquareCategory('Coffee Shop')?.category).toBe('cafe');
    expect(mapFoursquareCategory('Gym / Fitness Center')?.category).toBe('sports_centre');
    expect(mapFoursquareCategory('Flea Market')?.category).toBe('market');
  });

  it('drops homes, offices, transport, schools and shops', () => {
    for (const name of ['Home (private)', 'Office', 'Subway', 'Bus Stop', 'Train Station', 'Airport', 'University', 'Deli / Bodega', 'Bakery']) {
      expect(mapFoursquareCategory(name), name).toBeFalsy();
    }
    expect(mapFoursquareCategory('Office')).toBeNull();
  });

  it('tells a name nobody judged (undefined) from a non-leisure one (null)', () => {
    expect(mapFoursquareCategory('Bus Stop')).toBeUndefined();
    expect(mapFoursquareCategory('constructor')).toBeUndefined();
  });

  it('reads the file’s spelling with two spaces', () => {
    expect(mapFoursquareCategory('Ramen /  Noodle House')?.category).toBe('restaurant');
  });

  it('judges 200 categories and produces only valid tags', () => {
    expect(Object.keys(FOURSQUARE_CATEGORIES)).toHaveLength(200);
    for (const name of Object.keys(FOURSQUARE_CATEGORIES)) {
      for (const tag of mapFoursquareCategory(name)?.tags ?? []) expect(Tag.safeParse(tag).success, `${name}: ${tag}`).toBe(true);
    }
    expect(categorySlug('Residential Building (Apartment / Condo)')).toBe('residential-building-apartment-condo');
  });

  const file = path.resolve(import.meta.dirname, '../../../shared/data/checkins/foursquare-nyc-2012-13.tsv');
  it.skipIf(!existsSync(file))('covers every category name of the NYC file (needs ../shared/data)', () => {
    const names = new Set(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[3]!),
    );
    expect([...names].filter((n) => mapFoursquareCategory(n) === undefined)).toEqual([]);
  });
});
