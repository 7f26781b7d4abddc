import { describe, expect, it } from 'vitest';
import { Cities, CITY_RADIUS_M, defaultCityId } from './cities.ts';
import type { City } from './model.ts';

const city = (id: string, name: string, lat: number, lon: number, timezone = 'Europe/Paris'): City => ({ id, name, timezone, countryCode: null, center: { lat, lon }, attribution: [] });
const PARIS = city('paris', 'Paris', 48.856613, 2.352222);
const LYON = city('lyon', 'Lyon', 45.7578, 4.832);
const BARCELONA = city('barcelona', 'Barcelona', 41.387, 2.17, 'Europe/Madrid');
const held = new Map([PARIS, LYON, BARCELONA].map((c) => [c.id, c]));
const graph = { city: (id: string) => held.get(id), cities: () => [...held.values()] };

describe('the cities held at once', () => {
  const cities = new Cities(graph, 'paris');

  it('places a position in the city it is in, airports included, and in none far from all', () => {
    expect(cities.near(45.764, 4.8357)?.id).toBe('lyon'); // Hôtel de Ville de Lyon
    expect(cities.near(45.7256, 5.0811)?.id).toBe('lyon'); // Lyon–Saint-Exupéry airport, 23 km out
    expect(cities.near(41.4036, 2.1744)?.id).toBe('barcelona'); // Sagrada Família
    expect(cities.near(49.0097, 2.5479)?.id).toBe('paris'); // Roissy-CDG
    expect(cities.near(46.2044, 6.1432)).toBeNull(); // Geneva
    expect(CITY_RADIUS_M).toBeLessThan(390_000 / 2); // far from overlapping Paris and Lyon
  });

  it('lists the default city first, then by name, and falls back to it for an unknown id', () => {
    expect(cities.list().map((c) => c.id)).toEqual(['paris', 'barcelona', 'lyon']);
    expect(cities.of('barcelona').timezone).toBe('Europe/Madrid');
    expect(cities.of('atlantis').id).toBe('paris');
  });

  it('takes the configured default, else Paris, else the first loaded, and refuses one not loaded', () => {
    expect(defaultCityId('lyon', ['barcelona', 'lyon', 'paris'])).toBe('lyon');
    expect(defaultCityId(null, ['barcelona', 'lyon', 'paris'])).toBe('paris');
    expect(defaultCityId(null, ['barcelona', 'lyon'])).toBe('barcelona');
    expect(() => defaultCityId('rome', ['paris'])).toThrow(/DEFAULT_CITY rome is not a loaded catalogue/);
    expect(() => new Cities(graph, 'rome')).toThrow(/rome/);
  });
});
