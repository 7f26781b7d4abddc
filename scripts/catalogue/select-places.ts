// The selection machinery: which of a city's thousands of real candidates make its few-hundred-place demo catalogue, decided without randomness (each city's rules are in cities/).
import type { LeisureCategoryId } from '../../shared/src/categories.ts';
import { LEISURE_CATEGORY_IDS } from '../../shared/src/categories.ts';
import { distanceMeters } from '../../shared/src/geo.ts';
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import { slugify } from '../../server/src/catalogue/osm/slug.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface BBox {
  south: number;
  north: number;
  west: number;
  east: number;
}

export interface CategoryRule {
  /** At most this many places of the category. */
  quota: number;
  /** Only within the city's central radius of its centre. */
  central: boolean;
  /** Extra condition on a candidate. */
  keep?: (c: Candidate) => boolean;
  /** Diversity: at most groupCap per group in the first pass. */
  group?: (c: Candidate) => string;
  groupCap?: number;
  /** Preference added to the completeness score. */
  bonus?: (c: Candidate) => number;
  /** Facets the demo must show: the best `min` candidates matching each are taken first. */
  featured?: Array<{ name: string; match: (c: Candidate) => boolean; min: number }>;
}

/** How one city's few hundred places are chosen among its thousands of candidates. */
export interface SelectionRules {
  /** The city record's centre and the centre of the "central" disc. */
  center: LatLon;
  centralRadiusM: number;
  /** The city's extent, to drop outlines that straddle the boundary and whose inside point falls outside it. */
  bbox: BBox;
  categories: Record<LeisureCategoryId, CategoryRule>;
}

export const HA = 10_000;

/** Restaurants are grouped by cuisine so the selection is not 150 French bistros; ramen counts as its own cuisine. */
export function restaurantGroup(c: Candidate): string {
  if (c.cuisines.includes('ramen')) return 'ramen';
  return c.cuisines[0] ?? 'unknown';
}

/**
 * Completeness first (parsable hours, an address, a website, a cuisine), then the category's bonus; ties
 * broken by id. `hoursOk` is the result of the opening_hours check.
 */
export function completenessScore(c: Candidate, hoursOk: boolean): number {
  return (hoursOk ? 4 : 0) + (c.address ? 2 : 0) + (c.website ? 1 : 0) + (c.cuisines.length > 0 ? 1 : 0);
}

export function inBBox(c: LatLon, bbox: BBox): boolean {
  return c.lat >= bbox.south && c.lat <= bbox.north && c.lon >= bbox.west && c.lon <= bbox.east;
}

/** One entry per id; the copy from the newest source file wins (its tags and hours are the most recent). */
export function dedupeById(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const prev = best.get(c.id);
    if (!prev || c.sourceDate > prev.sourceDate) best.set(c.id, c);
  }
  return [...best.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The same venue mapped twice (a node and a building, or two files) shows the same name within 60 m; keep
 * the better-scored one.
 */
export function dropNearDuplicates(sorted: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const byName = new Map<string, Candidate[]>();
  for (const c of sorted) {
    const key = slugify(c.name);
    const same = byName.get(key) ?? [];
    if (same.some((k) => distanceMeters(k, c) < 60)) continue;
    same.push(c);
    byName.set(key, same);
    kept.push(c);
  }
  return kept;
}

export interface SelectionResult {
  selected: Candidate[];
  /** Candidates considered per category after the area and keep rules, before quotas. */
  eligible: Record<LeisureCategoryId, number>;
}

export function selectPlaces(candidates: Candidate[], hoursOk: (c: Candidate) => boolean, rules: SelectionRules): SelectionResult {
  const eligible = Object.fromEntries(LEISURE_CATEGORY_IDS.map((c) => [c, 0])) as Record<LeisureCategoryId, number>;
  const selected: Candidate[] = [];
  // One venue mapped twice under two categories (a bar node and a pub node at the same address) counts once.
  const rankedAll = candidates
    .map((c) => ({ c, s: completenessScore(c, hoursOk(c)) }))
    .sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .map((x) => x.c);
  const distinct = new Set(dropNearDuplicates(rankedAll));
  candidates = candidates.filter((c) => distinct.has(c));
  for (const category of LEISURE_CATEGORY_IDS) {
    const rule = rules.categories[category];
    const pool = candidates.filter(
      (c) => c.category === category && inBBox(c, rules.bbox) && (!rule.central || distanceMeters(rules.center, c) <= rules.centralRadiusM) && (rule.keep === undefined || rule.keep(c)),
    );
    const score = (c: Candidate) => completenessScore(c, hoursOk(c)) + (rule.bonus?.(c) ?? 0);
    const ranked = pool
      .map((c) => ({ c, s: score(c) }))
      .sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
      .map((x) => x.c);
    const unique = dropNearDuplicates(ranked);
    eligible[category] = unique.length;
    const chosen = new Set<Candidate>();
    for (const f of rule.featured ?? []) {
      let n = 0;
      for (const c of unique) {
        if (n >= f.min || chosen.size >= rule.quota) break;
        if (!f.match(c)) continue;
        chosen.add(c);
        n++;
      }
    }
    if (rule.group && rule.groupCap !== undefined) {
      const perGroup = new Map<string, number>();
      for (const c of chosen) perGroup.set(rule.group(c), (perGroup.get(rule.group(c)) ?? 0) + 1);
      for (const c of unique) {
        if (chosen.has(c)) continue;
        if (chosen.size >= rule.quota) break;
        const g = rule.group(c);
        const n = perGroup.get(g) ?? 0;
        if (n >= rule.groupCap) continue;
        perGroup.set(g, n + 1);
        chosen.add(c);
      }
    }
    for (const c of unique) {
      if (chosen.size >= rule.quota) break;
      chosen.add(c);
    }
    selected.push(...chosen);
  }
  selected.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { selected, eligible };
}
