// Maps an OSM object's tags to one of the catalogue's leisure categories (or none), in a fixed order of precedence.
import type { CategoryId } from '@escale/shared';
import type { OsmTags } from './read-osm-pbf.ts';
import { splitOsmList } from './slug.ts';

const JAZZ = /jazz/i;

/** Tags, name, website or description say the place is about jazz. */
export function saysJazz(tags: OsmTags): boolean {
  if (splitOsmList(tags.music).some((m) => m.toLowerCase() === 'jazz')) return true;
  return [tags.name, tags.website, tags['contact:website'], tags.description].some((v) => v !== undefined && JAZZ.test(v));
}

function firstSport(tags: OsmTags): string | undefined {
  return splitOsmList(tags.sport)[0]?.toLowerCase();
}

/**
 * Precedence: a sports centre whose first sport is climbing or swimming, then a jazz club or music venue (it is often also tagged restaurant or bar), then
 * nightlife, then the main amenity / leisure / shop / tourism key. Returns null for anything that is not
 * a leisure place of the catalogue (shops, schools, fast food…).
 */
export function categoryForOsmTags(tags: OsmTags): CategoryId | null {
  const amenity = tags.amenity;
  const leisure = tags.leisure;
  const hospitality = amenity === 'restaurant' || amenity === 'bar' || amenity === 'pub' || amenity === 'cafe' || amenity === 'nightclub';

  // A climbing gym or pool with a bar inside is still visited for the sport.
  const sport = firstSport(tags);
  const sportsPlace = leisure === 'sports_centre' || leisure === 'fitness_centre';
  if (sportsPlace && sport === 'climbing') return 'climbing';
  if (sportsPlace && sport === 'swimming') return 'swimming';

  if (leisure === 'music_venue' || amenity === 'music_venue') return 'music_venue';
  if (hospitality && saysJazz(tags)) return 'music_venue';

  if (amenity === 'nightclub' || tags.amenity_1 === 'nightclub' || tags.alt_amenity === 'nightclub') return 'nightlife';
  if (amenity === 'pub') return 'nightlife';
  if (amenity === 'bar' && tags.karaoke === 'yes') return 'nightlife';

  switch (amenity) {
    case 'restaurant':
      return 'restaurant';
    case 'bar':
    case 'biergarten':
      return 'bar';
    case 'cafe':
    case 'ice_cream':
      return 'cafe';
    case 'theatre':
      return 'theatre';
    case 'cinema':
      return 'cinema';
    case 'arts_centre':
      return 'gallery';
    case 'marketplace':
      return 'market';
  }
  // An open-air sculpture garden tagged both park and museum is visited as a park.
  if (leisure === 'park') return 'park';
  if (tags.tourism === 'museum') return 'museum';
  if (tags.tourism === 'gallery' || tags.shop === 'art' || tags.shop === 'gallery') return 'gallery';
  if (sportsPlace) {
    if (sport === undefined && /^piscine\b/i.test(tags.name ?? '')) return 'swimming';
    return 'sports_centre';
  }
  if (leisure === 'swimming_pool' && tags.access !== 'private') return 'swimming';
  return null;
}
