// The selection rules: which of the thousands of real candidates make the few-hundred-place demo catalogue, decided without randomness.
import type { CategoryId } from '../../shared/src/categories.ts';
import { CATEGORY_IDS } from '../../shared/src/categories.ts';
import { distanceMeters } from '../../shared/src/geo.ts';
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import { slugify } from '../../server/src/catalogue/osm/slug.ts';

/** Hôtel de Ville: the city record's centre and the centre of the "central Paris" disc. */
export const PARIS_CENTER = { lat: 48.856613, lon: 2.352222 } as const;
/** 3.5 km around the Hôtel de Ville covers the 1st–11th arrondissements and the edges of their neighbours. */
export const CENTRAL_RADIUS_M = 3_500;
/** The City of Paris' extent, to drop outlines that straddle the boundary and whose inside point falls outside it. */
const PARIS_BBOX = { south: 48.8156, north: 48.9022, west: 2.2242, east: 2.4698 };

interface CategoryRule {
  /** At most this many places of the category. */
  quota: number;
  /** Only within CENTRAL_RADIUS_M of the centre. */
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

/** Restaurants are grouped by cuisine so the selection is not 150 French bistros; ramen counts as its own cuisine. */
export function restaurantGroup(c: Candidate): string {
  if (c.cuisines.includes('ramen')) return 'ramen';
  return c.cuisines[0] ?? 'unknown';
}

const HA = 10_000;

export const CATEGORY_RULES: Record<CategoryId, CategoryRule> = {
  restaurant: {
    quota: 165,
    central: true,
    group: restaurantGroup,
    groupCap: 8,
    featured: [
      { name: 'ramen', match: (c) => c.cuisines.includes('ramen'), min: 8 },
      { name: 'japanese', match: (c) => c.cuisines.includes('japanese'), min: 8 },
      { name: 'wine', match: (c) => c.tags.includes('wine'), min: 14 },
      { name: 'crêpes', match: (c) => c.cuisines.includes('crepe'), min: 6 },
      { name: 'pizza', match: (c) => c.cuisines.some((x) => x === 'pizza' || x === 'italian_pizza'), min: 6 },
      { name: 'vegetarian', match: (c) => c.tags.includes('vegetarian') || c.tags.includes('vegan'), min: 6 },
    ],
  },
  cafe: { quota: 45, central: true, group: (c) => (c.tags.includes('ice-cream') ? 'ice-cream' : 'cafe'), groupCap: 40 },
  bar: { quota: 45, central: true, bonus: (c) => (c.tags.includes('wine') ? 3 : 0) },
  nightlife: { quota: 25, central: true },
  museum: { quota: 60, central: false },
  gallery: { quota: 20, central: true },
  cinema: { quota: 90, central: false },
  music_venue: { quota: 20, central: false },
  theatre: { quota: 40, central: true },
  climbing: { quota: 30, central: false },
  swimming: { quota: 45, central: false },
  sports_centre: { quota: 15, central: false, bonus: (c) => (c.tags.includes('sport:fitness') ? -1 : 0) },
  park: {
    quota: 55,
    central: false,
    // Big parks city-wide (2 ha and more), smaller named gardens only near the centre.
    keep: (c) => (c.areaM2 ?? 0) >= 2 * HA || ((c.areaM2 ?? 0) >= 0.5 * HA && distanceMeters(PARIS_CENTER, c) <= 2_500),
    bonus: (c) => ((c.areaM2 ?? 0) >= 10 * HA ? 2 : 0),
  },
  market: { quota: 90, central: false },
};

/**
 * Completeness first (parsable hours, an address, a website, a cuisine), then the category's bonus; ties
 * broken by id. `hoursOk` is the result of the opening_hours check.
 */
export function completenessScore(c: Candidate, hoursOk: boolean): number {
  return (hoursOk ? 4 : 0) + (c.address ? 2 : 0) + (c.website ? 1 : 0) + (c.cuisines.length > 0 ? 1 : 0);
}

function inParis(c: Candidate): boolean {
  return c.lat >= PARIS_BBOX.south && c.lat <= PARIS_BBOX.north && c.lon >= PARIS_BBOX.west && c.lon <= PARIS_BBOX.east;
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
  eligible: Record<CategoryId, number>;
}

export function selectPlaces(candidates: Candidate[], hoursOk: (c: Candidate) => boolean): SelectionResult {
  const eligible = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  const selected: Candidate[] = [];
  // One venue mapped twice under two categories (a bar node and a pub node at the same address) counts once.
  const rankedAll = candidates
    .map((c) => ({ c, s: completenessScore(c, hoursOk(c)) }))
    .sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .map((x) => x.c);
  const distinct = new Set(dropNearDuplicates(rankedAll));
  candidates = candidates.filter((c) => distinct.has(c));
  for (const category of CATEGORY_IDS) {
    const rule = CATEGORY_RULES[category];
    const pool = candidates.filter((c) => c.category === category && inParis(c) && (!rule.central || distanceMeters(PARIS_CENTER, c) <= CENTRAL_RADIUS_M) && (rule.keep === undefined || rule.keep(c)));
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
