// Tag → category mapping and the tag rules, on small hand-written OSM tag sets.
import { describe, expect, it } from 'vitest';
import { categoryForOsmTags } from './osm-tags-to-category.ts';
import { derivedTags, finishTags, osmFactTags, saysWine } from './place-tags.ts';

describe('categoryForOsmTags', () => {
  it.each([
    [{ amenity: 'restaurant', cuisine: 'ramen' }, 'restaurant'],
    [{ amenity: 'cafe' }, 'cafe'],
    [{ amenity: 'ice_cream' }, 'cafe'],
    [{ amenity: 'bar' }, 'bar'],
    [{ amenity: 'pub' }, 'nightlife'],
    [{ amenity: 'nightclub' }, 'nightlife'],
    [{ amenity: 'restaurant', amenity_1: 'nightclub' }, 'nightlife'],
    [{ amenity: 'bar', karaoke: 'yes' }, 'nightlife'],
    [{ amenity: 'restaurant', leisure: 'music_venue', music: 'jazz' }, 'music_venue'],
    [{ amenity: 'restaurant', website: 'http://www.papajazzclub-paris.fr/' }, 'music_venue'],
    [{ amenity: 'theatre' }, 'theatre'],
    [{ amenity: 'cinema' }, 'cinema'],
    [{ amenity: 'arts_centre' }, 'gallery'],
    [{ shop: 'art' }, 'gallery'],
    [{ tourism: 'museum' }, 'museum'],
    [{ leisure: 'park', tourism: 'museum' }, 'park'],
    [{ leisure: 'park' }, 'park'],
    [{ leisure: 'sports_centre', sport: 'climbing;fitness' }, 'climbing'],
    [{ leisure: 'sports_centre', sport: 'swimming' }, 'swimming'],
    [{ leisure: 'sports_centre', name: 'Piscine Pontoise' }, 'swimming'],
    [{ leisure: 'sports_centre', sport: 'fitness;climbing' }, 'sports_centre'],
    [{ amenity: 'marketplace' }, 'market'],
    [{ amenity: 'fast_food' }, null],
    [{ shop: 'clothes' }, null],
  ])('%o → %s', (tags, expected) => {
    expect(categoryForOsmTags(tags)).toBe(expected);
  });
});

describe('tag rules', () => {
  it('turns OSM facts into slugs, one cuisine tag per value', () => {
    const tags = osmFactTags({ amenity: 'restaurant', cuisine: 'japanese; Ramen', outdoor_seating: 'yes', wheelchair: 'yes', 'diet:vegan': 'only' }, 'restaurant');
    expect(finishTags(tags)).toEqual(['cuisine:japanese', 'cuisine:ramen', 'outdoor-seating', 'vegan', 'wheelchair']);
  });

  it('says wine for wine tags and names, not for a brasserie that merely serves it', () => {
    expect(saysWine({ amenity: 'bar', 'drink:wine': 'yes' })).toBe(true);
    expect(saysWine({ amenity: 'bar', name: "Willi's Wine Bar" })).toBe(true);
    expect(saysWine({ amenity: 'restaurant', name: 'Cave la Bourgogne' })).toBe(true);
    expect(saysWine({ amenity: 'restaurant', description: 'Restaurant bar à vin' })).toBe(true);
    expect(saysWine({ amenity: 'restaurant', name: 'Le Caveau du Palais' })).toBe(false);
    expect(saysWine({ amenity: 'restaurant', cuisine: 'brasserie', 'drink:wine': 'served' })).toBe(false);
  });

  it('derives kid-friendly, running, outdoor and indoor by rule', () => {
    expect(derivedTags({ category: 'park', tags: [], areaM2: 120_000 })).toEqual(['kid-friendly', 'running', 'outdoor']);
    expect(derivedTags({ category: 'park', tags: [], areaM2: 90_000 })).toEqual(['kid-friendly', 'outdoor']);
    expect(derivedTags({ category: 'restaurant', tags: ['cuisine:crepe'] })).toEqual(['kid-friendly']);
    expect(derivedTags({ category: 'restaurant', tags: ['cuisine:ramen'] })).toEqual([]);
    expect(derivedTags({ category: 'cinema', tags: [] })).toEqual(['kid-friendly', 'indoor']);
    expect(derivedTags({ category: 'climbing', tags: [], osm: { building: 'yes' } })).toEqual(['indoor']);
  });

  it('keeps at most 32 valid tags, sorted', () => {
    const many = Array.from({ length: 40 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const out = finishTags([...many, 'Not A Slug']);
    expect(out).toHaveLength(32);
    expect(out).toEqual([...out].sort());
    expect(out).not.toContain('Not A Slug');
  });
});
