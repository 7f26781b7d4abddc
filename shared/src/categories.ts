/**
 * Categories of the catalogue. A place has exactly one category; finer facets (cuisine, "jazz",
 * "kid-friendly") are tags. Labels live here so the server's evidence and the client's cards agree.
 */
import { z } from 'zod';

/** The leisure kinds: what catalogues are built from, what a traveller can say they like. */
export const LEISURE_CATEGORY_IDS = [
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
export type LeisureCategoryId = (typeof LEISURE_CATEGORY_IDS)[number];

/**
 * Every category a place may have: the leisure kinds, and `other` for a place of a kind Escale has no name
 * for (an office, a station, a shop in a check-in file; a row an agency filed as such). The ranker handles
 * it like any place, with no hours of its own kind to go by.
 */
export const CATEGORY_IDS = [...LEISURE_CATEGORY_IDS, 'other'] as const;

export const CategoryId = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof CategoryId>;

/** `liked` is how the category reads after "you said you like …" / "vous avez dit aimer …". */
export const CATEGORY_LABELS: Record<CategoryId, { en: string; fr: string; liked: { en: string; fr: string } }> = {
  restaurant: { en: 'Restaurant', fr: 'Restaurant', liked: { en: 'restaurants', fr: 'les restaurants' } },
  cafe: { en: 'Café', fr: 'Café', liked: { en: 'cafés', fr: 'les cafés' } },
  bar: { en: 'Bar', fr: 'Bar', liked: { en: 'bars', fr: 'les bars' } },
  nightlife: { en: 'Nightlife', fr: 'Vie nocturne', liked: { en: 'nightlife', fr: 'la vie nocturne' } },
  museum: { en: 'Museum', fr: 'Musée', liked: { en: 'museums', fr: 'les musées' } },
  gallery: { en: 'Gallery', fr: 'Galerie', liked: { en: 'galleries', fr: 'les galeries' } },
  cinema: { en: 'Cinema', fr: 'Cinéma', liked: { en: 'cinema', fr: 'le cinéma' } },
  music_venue: { en: 'Concerts & jazz', fr: 'Concerts et jazz', liked: { en: 'concerts and jazz', fr: 'les concerts et le jazz' } },
  theatre: { en: 'Theatre', fr: 'Théâtre', liked: { en: 'theatre', fr: 'le théâtre' } },
  climbing: { en: 'Climbing', fr: 'Escalade', liked: { en: 'climbing', fr: 'l’escalade' } },
  swimming: { en: 'Swimming', fr: 'Piscine', liked: { en: 'swimming', fr: 'la natation' } },
  sports_centre: { en: 'Sport', fr: 'Sport', liked: { en: 'sport', fr: 'le sport' } },
  park: { en: 'Park', fr: 'Parc', liked: { en: 'parks', fr: 'les parcs' } },
  market: { en: 'Market', fr: 'Marché', liked: { en: 'markets', fr: 'les marchés' } },
  other: { en: 'Other place', fr: 'Autre lieu', liked: { en: 'other places', fr: 'les autres lieux' } },
};

/** Tags are lower-case slugs such as `cuisine:ramen`, `wine`, `jazz`, `kid-friendly`, `running`. */
export const Tag = z.string().regex(/^[a-z0-9][a-z0-9_:-]{0,63}$/, 'a tag is a lower-case slug (letters, digits, _ : -)');
export type Tag = z.infer<typeof Tag>;

/**
 * Tags that say how a place is, not what it is for: access, setting, amenities. The ranker reads them for
 * the party's needs (a wheelchair, children), but they are not taste: "you visited the Tuileries → tag
 * 'wheelchair' → a bar" explains nothing, so the taste walk never goes through them.
 */
export const PRACTICAL_TAGS: ReadonlySet<string> = new Set(['kid-friendly', 'wheelchair', 'step-free', 'indoor', 'outdoor', 'outdoor-seating', 'food', 'beginners', 'multiplex']);
