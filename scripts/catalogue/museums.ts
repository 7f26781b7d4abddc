// Turns one city's Muséofile rows into candidates, leaving out museums whose coordinates are a shared placeholder.
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import { absoluteUrl } from '../../server/src/catalogue/osm/candidate.ts';
import { capitaliseFirst } from './display-names.ts';
import { round6 } from '../../server/src/catalogue/osm/inside-point.ts';
import { derivedTags, finishTags } from '../../server/src/catalogue/osm/place-tags.ts';
import type { CsvRow } from './read-csv.ts';
import { slugify, splitOsmList } from '../../server/src/catalogue/osm/slug.ts';

const MAX_THEMES = 4;

/** Which Muséofile rows are the city's, and the name its addresses end with. */
export interface MuseofileCity {
  name: string;
  /** `cp_m` of the city (75001…75020 and the CEDEX 751xx for Paris; 69001…69009 for Lyon). */
  postcode: RegExp;
  /** `ville_m` of the city, in any case. */
  town: RegExp;
}

export const PARIS_MUSEOFILE: MuseofileCity = { name: 'Paris', postcode: /^75\d{3}$/, town: /paris/i };

export interface MuseumSkip {
  ref: string;
  name: string;
  reason: string;
}

function parsePoint(value: string | undefined): [number, number] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value ?? '');
  if (!m) return null;
  return [Number(m[1]), Number(m[2])];
}

/** Street address without the postcode and city that some rows repeat in `adrl1_m`. */
function museumAddress(row: CsvRow, city: string): string | null {
  const street = (row.adrl1_m ?? '').replace(/\s+/g, ' ').trim();
  const cp = (row.cp_m ?? '').trim();
  if (!street) return null;
  return `${street}, ${cp ? `${cp} ` : ''}${city}`.slice(0, 300);
}

function normalisedAddress(row: CsvRow): string {
  return slugify(row.adrl1_m ?? '');
}

/**
 * The display name: the usage name when it is a real name (longer than an acronym such as "mahJ"; the first
 * of several separated by ";"), otherwise the official name without its parenthesised supervising body.
 */
export function museumName(row: CsvRow): string {
  const usage = (row.nomusage ?? '').split(';')[0]!.trim();
  if (usage.length > 6 && usage !== usage.toUpperCase()) return capitaliseFirst(usage);
  return capitaliseFirst((row.nomoff ?? '').replace(/\s*\([^)]*\)\s*/g, ' '));
}

/**
 * The city's rows only. A point shared by several museums is trusted only when they also share a street
 * address (two museums in one building, e.g. the Invalides); otherwise (the 48.8589,2.3469 placeholder,
 * or Guimet and the Musée de la Marine) none of them has a usable position and all are left out.
 */
export function museumCandidates(rows: CsvRow[], sourceDate: string, city: MuseofileCity = PARIS_MUSEOFILE): { candidates: Candidate[]; skipped: MuseumSkip[] } {
  const cityRows = rows.filter((r) => city.postcode.test((r.cp_m ?? '').trim()) && city.town.test(r.ville_m ?? ''));
  const byPoint = new Map<string, CsvRow[]>();
  for (const r of cityRows) {
    const p = parsePoint(r.geolocalisation);
    if (!p) continue;
    const key = `${round6(p[0])},${round6(p[1])}`;
    byPoint.set(key, [...(byPoint.get(key) ?? []), r]);
  }
  const candidates: Candidate[] = [];
  const skipped: MuseumSkip[] = [];
  for (const r of cityRows) {
    const ref = (r.ref ?? '').trim();
    const name = museumName(r);
    const p = parsePoint(r.geolocalisation);
    if (!p) {
      skipped.push({ ref, name, reason: 'no coordinates' });
      continue;
    }
    const sharing = byPoint.get(`${round6(p[0])},${round6(p[1])}`) ?? [];
    if (sharing.length > 1 && new Set(sharing.map(normalisedAddress)).size > 1) {
      skipped.push({ ref, name, reason: `shares the point ${r.geolocalisation?.trim()} with a different building` });
      continue;
    }
    const themes = splitOsmList(r.dompal)
      .slice(0, MAX_THEMES)
      .map((t) => slugify(t));
    const tags = finishTags([...themes, ...derivedTags({ category: 'museum', tags: themes })]);
    candidates.push({
      id: `museofile:${ref}`,
      dataset: 'museofile',
      ref,
      name: name.slice(0, 200),
      category: 'museum',
      tags,
      lat: round6(p[0]),
      lon: round6(p[1]),
      address: museumAddress(r, city.name),
      openingHoursRaw: null,
      website: absoluteUrl(r.url_m),
      cuisines: [],
      areaM2: null,
      sourceDate,
      osm: null,
    });
  }
  return { candidates, skipped };
}
