// Turns real OSM tags and open-data columns into the catalogue's tag slugs, plus the few tags derived by documented rules.
import type { CategoryId } from '@escale/shared';
import { Tag } from '@escale/shared';
import type { OsmTags } from './read-osm-pbf.ts';
import { saysJazz } from './osm-tags-to-category.ts';
import { slugify, splitOsmList } from './slug.ts';

const MAX_TAGS = 32;
const YES = new Set(['yes', 'only']);

/** Cuisine values as slugs (`Italian Pizza` → `italian_pizza`, OSM's own separator). */
export function cuisinesOf(tags: OsmTags): string[] {
  return splitOsmList(tags.cuisine)
    .map((c) => slugify(c, '_'))
    .filter((c) => c.length > 0);
}

const WINE_WORDS = /\b(caves?|vins?|wines?)\b|bar à vins?/i;
const NATURAL_WINE = /natural wines?|vins? nature|boire nature|vins? naturels?/i;

/**
 * Wine: a cuisine or drink value `wine`, `shop=wine`, `alcohol=wine`, `drink:wine=yes`, or "cave", "vin(s)",
 * "wine" as a word of the name or description. `drink:wine=served` is not enough: every brasserie serves wine.
 */
export function saysWine(tags: OsmTags): boolean {
  if (splitOsmList(tags.cuisine).some((c) => /^wine(_bar)?$/i.test(c))) return true;
  if (splitOsmList(tags.drink).some((d) => d.toLowerCase() === 'wine')) return true;
  if (tags.shop === 'wine' || tags.alcohol === 'wine' || tags['drink:wine'] === 'yes') return true;
  return [tags.name, tags.description, tags.note].some((v) => v !== undefined && WINE_WORDS.test(v));
}

/** Facets stated by OSM tags themselves. */
export function osmFactTags(tags: OsmTags, category: CategoryId): string[] {
  const out: string[] = [];
  for (const c of cuisinesOf(tags)) out.push(`cuisine:${c}`);
  if (saysWine(tags)) out.push('wine');
  if ([tags.description, tags.note].some((v) => v !== undefined && NATURAL_WINE.test(v))) out.push('natural-wine');
  if (saysJazz(tags)) out.push('jazz');
  if (tags.live_music === 'yes' || tags.leisure === 'music_venue' || tags.amenity === 'music_venue' || category === 'music_venue') {
    out.push('live-music');
  }
  if (tags.outdoor_seating === 'yes') out.push('outdoor-seating');
  if (tags.wheelchair === 'yes') out.push('wheelchair');
  if (YES.has(tags['diet:vegetarian'] ?? '')) out.push('vegetarian');
  if (YES.has(tags['diet:vegan'] ?? '')) out.push('vegan');
  if (tags.amenity === 'ice_cream') out.push('ice-cream');
  if (tags.karaoke === 'yes') out.push('karaoke');
  if (tags.microbrewery === 'yes' || tags.craft === 'brewery') out.push('craft-beer');
  if (tags.amenity === 'pub') out.push('pub');
  if (tags.amenity === 'nightclub' || tags.amenity_1 === 'nightclub' || tags.alt_amenity === 'nightclub') out.push('club');
  if (tags.amenity === 'arts_centre') out.push('arts-centre');
  if (tags.shop === 'art') out.push('art-shop');
  for (const g of splitOsmList(tags['theatre:genre'])) out.push(`theatre:${slugify(g)}`);
  if (category === 'climbing' || category === 'swimming' || category === 'sports_centre') {
    for (const s of splitOsmList(tags.sport)) out.push(`sport:${slugify(s, '_')}`);
    if (tags['climbing:boulder'] === 'yes' || tags.climbing === 'boulder') out.push('bouldering');
    if (tags['climbing:toprope'] === 'yes' || tags['climbing:sport'] === 'yes') out.push('rope-climbing');
  }
  return out;
}

const KID_FRIENDLY_CATEGORIES = new Set<CategoryId>(['park', 'swimming', 'museum', 'cinema', 'market']);
const KID_FRIENDLY_CUISINES = new Set(['crepe', 'pancake', 'pizza', 'italian_pizza', 'ice_cream']);
const INDOOR_CATEGORIES = new Set<CategoryId>(['museum', 'gallery', 'cinema', 'theatre', 'music_venue']);

export interface DerivedTagInput {
  category: CategoryId;
  tags: string[];
  /** Outline area, for parks. */
  areaM2?: number;
  /** OSM tags, when the place comes from OSM (for "indoor" of sports places and child facilities). */
  osm?: OsmTags;
}

/** Tags derived by the rules documented in data/README.md ("Derived tags"). */
export function derivedTags({ category, tags, areaM2, osm }: DerivedTagInput): string[] {
  const out: string[] = [];
  const cuisines = tags.filter((t) => t.startsWith('cuisine:')).map((t) => t.slice('cuisine:'.length));
  const childFacilities = osm !== undefined && ['highchair', 'changing_table', 'kids_area'].some((k) => osm[k] === 'yes');
  if (KID_FRIENDLY_CATEGORIES.has(category) || tags.includes('ice-cream') || cuisines.some((c) => KID_FRIENDLY_CUISINES.has(c)) || childFacilities) {
    out.push('kid-friendly');
  }
  if (category === 'park' && areaM2 !== undefined && areaM2 > 100_000) out.push('running');
  if (category === 'park' || category === 'market') out.push('outdoor');
  const coveredSport =
    (category === 'climbing' || category === 'swimming' || category === 'sports_centre') &&
    osm !== undefined &&
    (osm.building !== undefined || osm.covered === 'yes' || osm.indoor === 'yes' || osm.indoor === 'room' || osm.brand !== undefined);
  if (INDOOR_CATEGORIES.has(category) || coveredSport) out.push('indoor');
  return out;
}

/** Unique, valid, sorted, at most 32 (facts first when cutting: they are listed first by the callers). */
export function finishTags(list: string[]): string[] {
  const seen: string[] = [];
  for (const t of list) {
    if (seen.includes(t) || !Tag.safeParse(t).success) continue;
    if (seen.length >= MAX_TAGS) break;
    seen.push(t);
  }
  return seen.sort();
}
