import { describe, expect, it } from 'vitest';
import type { PlacesCollection } from '@escale/shared';
import { MAX_HITS, normalise, searchPlaces } from './search.ts';

const place = (id: string, name: string, category: 'bar' | 'cafe' | 'museum', lon: number, lat: number) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
  properties: { id, name, category },
});

const places: PlacesCollection = {
  type: 'FeatureCollection',
  features: [
    place('osm:node/1', 'Le Café des Deux Moulins', 'cafe', 2.3335, 48.8847),
    place('osm:node/2', 'Musée du Louvre', 'museum', 2.3376, 48.8606),
    place('osm:node/3', 'Café de Flore', 'cafe', 2.3326, 48.854),
    place('osm:node/4', 'Harry’s New York Bar', 'bar', 2.3318, 48.8693),
    place('osm:node/5', 'Le Baron Rouge', 'bar', 2.3783, 48.8495),
  ],
};
const louvre = { lat: 48.8606, lon: 2.3376 };

describe('searchPlaces', () => {
  it('ignores accents and case, and puts names that start with the query first', () => {
    const { hits, total } = searchPlaces(places, 'CAFE', null, louvre);
    expect(total).toBe(2);
    expect(hits.map((h) => h.name)).toEqual(['Café de Flore', 'Le Café des Deux Moulins']);
  });

  it('needs every word, in any order', () => {
    expect(searchPlaces(places, 'moulins deux', null, null).hits.map((h) => h.id)).toEqual(['osm:node/1']);
    expect(searchPlaces(places, 'moulins flore', null, null).total).toBe(0);
  });

  it('lists a whole category, nearest first, when only a category is chosen', () => {
    const { hits } = searchPlaces(places, '  ', 'bar', louvre);
    expect(hits.map((h) => h.name)).toEqual(['Harry’s New York Bar', 'Le Baron Rouge']);
    expect(hits[0]!.distanceMeters).toBeGreaterThan(800);
    expect(hits[0]!.distanceMeters).toBeLessThan(1200);
  });

  it('filters a query by category', () => {
    expect(searchPlaces(places, 'le', 'cafe', null).hits.map((h) => h.name)).toEqual(['Le Café des Deux Moulins']);
  });

  it('finds nothing for an empty query without a category, and caps the list', () => {
    expect(searchPlaces(places, '', null, null)).toEqual({ hits: [], total: 0 });
    const many: PlacesCollection = { type: 'FeatureCollection', features: Array.from({ length: 50 }, (_, i) => place(`osm:node/${i + 10}`, `Bar ${i}`, 'bar', 2.3, 48.86)) };
    const result = searchPlaces(many, 'bar', null, null);
    expect(result.total).toBe(50);
    expect(result.hits).toHaveLength(MAX_HITS);
  });

  it('normalises spaces and marks', () => {
    expect(normalise('  Théâtre   de l’Odéon ')).toBe('theatre de l’odeon');
  });
});
