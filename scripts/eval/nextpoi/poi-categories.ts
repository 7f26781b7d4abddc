/**
 * Escale categories for every POI of a next-POI file. Unlike the leisure replay, nothing is dropped: a
 * next place may be an office or a station, and such a place is `other` (a place of a kind Escale has no
 * name for). Foursquare names go through the hand table (foursquare-categories.ts); other names (Flickr's
 * themes, a newer Foursquare taxonomy) through keywords; what neither knows is `other` too, and reported.
 */
import type { CategoryId } from '../../../shared/src/index.ts';
import { categorySlug, mapFoursquareCategory } from '../foursquare-categories.ts';

/** How a name got its category: the hand table, the table's "not leisure", a keyword, or nothing known. */
export type CategoryMatch = 'table' | 'not-leisure' | 'keyword' | 'unknown' | 'no-name';

export interface PoiCategory {
  category: CategoryId;
  tags: string[];
  match: CategoryMatch;
}

/** Tried in order; the first that matches wins, so the narrower kinds come before the broader ones. */
const KEYWORDS: [RegExp, CategoryId][] = [
  [/museum|cultur|histor|heritage|monument|memorial|aquarium/, 'museum'],
  [/galler/, 'gallery'],
  [/cinema|movie|film/, 'cinema'],
  [/concert|music|jazz|opera/, 'music_venue'],
  [/theat(er|re)|comedy|perform|amusement|entertainment|\barts?\b/, 'theatre'],
  [/night ?club|disco|casino|karaoke|nightlife/, 'nightlife'],
  [/\bbars?\b|\bpubs?\b|brewer|tavern|winer|wine|beer|lounge|speakeasy/, 'bar'],
  [/caf[eé]|coffee|\btea\b|dessert|ice cream|gelato|patisserie/, 'cafe'],
  [/restaurant|diner|bistro|brasserie|trattoria|steakhouse|eatery|pizz|sushi|burger|taco|noodle|ramen|grill|bbq|food/, 'restaurant'],
  [/climb|boulder/, 'climbing'],
  [/swim|aquatic|\bpools?\b/, 'swimming'],
  [/sport|\bgym\b|fitness|stadium|arena|golf|tennis|skat|bowling/, 'sports_centre'],
  [/park|garden|beach|outdoor|\bzoo\b|trail|lake|river|nature|scenic|lookout|plaza|square|waterfront/, 'park'],
  [/market|\bfair\b|bazaar/, 'market'],
];

/** A tag naming the file's own category, for signals that match on tags (the taste walk). */
const ownTag = (name: string) => `cat:${categorySlug(name) || 'unnamed'}`;

export function poiCategory(rawName: string | null): PoiCategory {
  if (rawName === null || rawName.trim() === '') return { category: 'other', tags: [], match: 'no-name' };
  const known = mapFoursquareCategory(rawName);
  if (known) return { ...known, match: 'table' };
  const name = rawName.replace(/\s+/g, ' ').trim();
  if (known === null) return { category: 'other', tags: [`fsq:${categorySlug(name)}`], match: 'not-leisure' };
  const lower = name.toLowerCase();
  const hit = KEYWORDS.find(([re]) => re.test(lower));
  return hit ? { category: hit[1], tags: [ownTag(name)], match: 'keyword' } : { category: 'other', tags: [ownTag(name)], match: 'unknown' };
}

export interface CategoryReport {
  /** POIs per way of matching. */
  byMatch: Record<CategoryMatch, number>;
  /** Names outside the hand table, with the category each got and how many POIs carry it. */
  unlisted: { name: string; category: CategoryId; match: CategoryMatch; pois: number }[];
}

/** What the mapping did to a file's POIs (one name per POI: its first check-in's). */
export function categoryReport(names: Iterable<string | null>): CategoryReport {
  const byMatch: Record<CategoryMatch, number> = { table: 0, 'not-leisure': 0, keyword: 0, unknown: 0, 'no-name': 0 };
  const unlisted = new Map<string, CategoryReport['unlisted'][number]>();
  for (const name of names) {
    const c = poiCategory(name);
    byMatch[c.match]++;
    if (c.match !== 'keyword' && c.match !== 'unknown') continue;
    const key = name!.replace(/\s+/g, ' ').trim();
    const entry = unlisted.get(key);
    if (entry) entry.pois++;
    else unlisted.set(key, { name: key, category: c.category, match: c.match, pois: 1 });
  }
  return { byMatch, unlisted: [...unlisted.values()].sort((a, b) => b.pois - a.pois || a.name.localeCompare(b.name)) };
}
