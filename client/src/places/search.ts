/**
 * Searching the catalogue on the phone: the places are already loaded for the map (a few hundred), so a
 * search is a filter over them, instant and offline. Accents and case are ignored ("cafe" finds "Café").
 */
import { type CategoryId, distanceMeters, type LatLon, type PlacesCollection } from '@escale/shared';

export interface PlaceHit {
  id: string;
  name: string;
  category: CategoryId;
  lat: number;
  lon: number;
  /** From the traveller's position, when known. */
  distanceMeters: number | null;
}

/** Most results listed at once; the list says when there are more. */
export const MAX_HITS = 20;

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface SearchResult {
  hits: PlaceHit[];
  /** How many places matched in all (hits holds at most MAX_HITS). */
  total: number;
}

/**
 * Places whose name holds every word of the query, in the category when one is chosen. Names that start
 * with the query come first, then the nearest. An empty query with a category lists that category.
 */
export function searchPlaces(places: PlacesCollection, query: string, category: CategoryId | null, from: LatLon | null): SearchResult {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0 && category === null) return { hits: [], total: 0 };
  const whole = words.join(' ');
  const matches: (PlaceHit & { prefix: boolean })[] = [];
  for (const f of places.features) {
    const { id, name, category: placeCategory } = f.properties;
    if (category !== null && placeCategory !== category) continue;
    const text = normalise(name);
    if (!words.every((w) => text.includes(w))) continue;
    const [lon, lat] = f.geometry.coordinates;
    matches.push({ id, name, category: placeCategory, lat, lon, distanceMeters: from ? distanceMeters(from, { lat, lon }) : null, prefix: whole !== '' && text.startsWith(whole) });
  }
  matches.sort((a, b) => Number(b.prefix) - Number(a.prefix) || (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0) || a.name.localeCompare(b.name));
  return { hits: matches.slice(0, MAX_HITS).map(({ prefix: _prefix, ...hit }) => hit), total: matches.length };
}
