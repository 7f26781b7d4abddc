/**
 * Leisure categories of the catalogue. A place has exactly one category; finer facets (cuisine, "jazz",
 * "kid-friendly") are tags. Labels live here so the server's evidence and the client's cards agree.
 */
import { z } from 'zod';

export const CATEGORY_IDS = [
  'restaurant',
  'cafe',
  'bar',
  'nightlife',
  'museum',
  'gallery',
  'cinema',
  'music_venue',
  'theatre',
  'climbing',
  'swimming',
  'sports_centre',
  'park',
  'market',
] as const;

export const CategoryId = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof CategoryId>;

export const CATEGORY_LABELS: Record<CategoryId, { en: string; fr: string; icon: string }> = {
  restaurant: { en: 'Restaurant', fr: 'Restaurant', icon: '🍽️' },
  cafe: { en: 'Café', fr: 'Café', icon: '☕' },
  bar: { en: 'Bar', fr: 'Bar', icon: '🍷' },
  nightlife: { en: 'Nightlife', fr: 'Vie nocturne', icon: '🌙' },
  museum: { en: 'Museum', fr: 'Musée', icon: '🏛️' },
  gallery: { en: 'Gallery', fr: 'Galerie', icon: '🖼️' },
  cinema: { en: 'Cinema', fr: 'Cinéma', icon: '🎬' },
  music_venue: { en: 'Concerts & jazz', fr: 'Concerts et jazz', icon: '🎷' },
  theatre: { en: 'Theatre', fr: 'Théâtre', icon: '🎭' },
  climbing: { en: 'Climbing', fr: 'Escalade', icon: '🧗' },
  swimming: { en: 'Swimming', fr: 'Piscine', icon: '🏊' },
  sports_centre: { en: 'Sport', fr: 'Sport', icon: '🏃' },
  park: { en: 'Park', fr: 'Parc', icon: '🌳' },
  market: { en: 'Market', fr: 'Marché', icon: '🧺' },
};

/** Tags are lower-case slugs such as `cuisine:ramen`, `wine`, `jazz`, `kid-friendly`, `running`. */
export const Tag = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_:-]{0,63}$/, 'a tag is a lower-case slug (letters, digits, _ : -)');
export type Tag = z.infer<typeof Tag>;
