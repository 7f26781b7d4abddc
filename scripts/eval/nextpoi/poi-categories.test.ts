import { describe, expect, it } from 'vitest';
import { categoryReport, poiCategory } from './poi-categories.ts';

describe('poiCategory', () => {
  it('takes Foursquare names from the hand table, with their tags', () => {
    expect(poiCategory('Ramen /  Noodle House')).toEqual({ category: 'restaurant', tags: ['cuisine:noodle', 'cuisine:ramen', 'fsq:ramen-noodle-house'], match: 'table' });
  });

  it('keeps what the leisure replay drops as `other`: offices, stations, homes', () => {
    expect(poiCategory('Office')).toEqual({ category: 'other', tags: ['fsq:office'], match: 'not-leisure' });
    expect(poiCategory('Subway').category).toBe('other');
  });

  it('maps names outside the table by keyword, narrower kinds first', () => {
    expect(poiCategory('Noodle Bistro')).toMatchObject({ category: 'restaurant', match: 'keyword', tags: ['cat:noodle-bistro'] });
    expect(poiCategory('Sports Bar')).toMatchObject({ category: 'bar', match: 'keyword' });
    expect(poiCategory('Cultural')).toMatchObject({ category: 'museum', match: 'keyword' });
    expect(poiCategory('Park')).toMatchObject({ category: 'park', match: 'table' });
    expect(poiCategory('Beach').category).toBe('park');
    expect(poiCategory('Bubble Tea Shop').category).toBe('cafe');
    expect(poiCategory('Barbershop').category).toBe('other'); // a bar only as a word
  });

  it('falls back to `other` for unknown names and rows without a category, rather than rejecting them', () => {
    expect(poiCategory('Structure')).toEqual({ category: 'other', tags: ['cat:structure'], match: 'unknown' });
    expect(poiCategory(null)).toEqual({ category: 'other', tags: [], match: 'no-name' });
  });
});

describe('categoryReport', () => {
  it('counts POIs per way of matching and lists the names outside the table with what they became', () => {
    const r = categoryReport(['Bar', 'Office', 'Structure', 'Structure', 'Amusement', null]);
    expect(r.byMatch).toEqual({ table: 1, 'not-leisure': 1, keyword: 1, unknown: 2, 'no-name': 1 });
    expect(r.unlisted).toEqual([
      { name: 'Structure', category: 'other', match: 'unknown', pois: 2 },
      { name: 'Amusement', category: 'theatre', match: 'keyword', pois: 1 },
    ]);
  });
});
