// Turns the City of Paris open-air markets into candidates: hours converted to opening_hours, point inside the market's outline.
import type { Candidate } from '../../server/src/catalogue/osm/candidate.ts';
import { titleCaseName } from './display-names.ts';
import type { Polygon } from '../../server/src/catalogue/osm/inside-point.ts';
import { insidePoint, largestPolygon, polygonAreaM2, round6 } from '../../server/src/catalogue/osm/inside-point.ts';
import { marketOpeningHours } from './markets-hours.ts';
import { derivedTags, finishTags } from '../../server/src/catalogue/osm/place-tags.ts';
import type { CsvRow } from './read-csv.ts';

/** The file's "Produit" values, as tags. */
const PRODUCT_TAGS: Record<string, string[]> = {
  alimentaire: ['food'],
  'alimentaire bio': ['food', 'organic'],
  fleurs: ['flowers'],
  puces: ['flea-market'],
  brocante: ['flea-market', 'antiques'],
  'création artistique': ['art'],
  oiseaux: ['birds'],
  timbres: ['stamps'],
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function toRing(value: unknown): Array<[number, number]> {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is [number, number] => Array.isArray(p) && p.length >= 2).map((p) => [Number(p[0]), Number(p[1])]);
}

/** The polygons of the `geo_shape` GeoJSON column (Polygon or MultiPolygon). */
export function shapePolygons(geoShape: string | undefined): Polygon[] {
  if (!geoShape) return [];
  let g: unknown;
  try {
    g = JSON.parse(geoShape);
  } catch {
    return [];
  }
  if (!isRecord(g) || !Array.isArray(g.coordinates)) return [];
  const asPolygon = (rings: unknown): Polygon => (Array.isArray(rings) ? rings.map(toRing).filter((r) => r.length >= 4) : []);
  if (g.type === 'Polygon') return [asPolygon(g.coordinates)].filter((p) => p.length > 0);
  if (g.type === 'MultiPolygon') return g.coordinates.map(asPolygon).filter((p) => p.length > 0);
  return [];
}

export interface MarketIssue {
  ref: string;
  name: string;
  issue: string;
}

const DAY_WORDS: Array<[string, string]> = [
  ['LUNDI', 'lundi'],
  ['MARDI', 'mardi'],
  ['MERCREDI', 'mercredi'],
  ['JEUDI', 'jeudi'],
  ['VENDREDI', 'vendredi'],
  ['SAMEDI', 'samedi'],
  ['DIMANCHE', 'dimanche'],
];

/** The free-text "Jours de tenue" and the 0/1 columns disagree for a few rows; the columns are used and the disagreement reported. */
function daysDisagree(row: CsvRow): boolean {
  const text = (row['Jours de tenue'] ?? '').toLowerCase();
  if (/tous les jours|sauf/.test(text)) return false;
  return DAY_WORDS.some(([col, word]) => (row[col] === '1') !== text.includes(word));
}

export function marketCandidates(rows: CsvRow[], sourceDate: string): { candidates: Candidate[]; issues: MarketIssue[] } {
  const candidates: Candidate[] = [];
  const issues: MarketIssue[] = [];
  for (const r of rows) {
    const ref = (r['Identifiant marché'] ?? '').trim();
    const name = titleCaseName(r['Nom complet'] ?? r['Nom court'] ?? '');
    if (!ref || !name) continue;
    const polygon = largestPolygon(shapePolygons(r.geo_shape));
    let point: [number, number] | null = polygon ? insidePoint(polygon) : null;
    if (!point) {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(r.geo_point_2d ?? '');
      if (m) point = [Number(m[2]), Number(m[1])];
    }
    if (!point) {
      issues.push({ ref, name, issue: 'no outline and no point: left out' });
      continue;
    }
    const { openingHours, daysWithoutTimes } = marketOpeningHours(r);
    if (daysWithoutTimes.length > 0) issues.push({ ref, name, issue: `no times for ${daysWithoutTimes.join(',')}` });
    if (daysDisagree(r)) issues.push({ ref, name, issue: `"Jours de tenue" says "${(r['Jours de tenue'] ?? '').trim()}" but the day columns give ${openingHours ?? 'none'}` });
    const facts = PRODUCT_TAGS[(r.Produit ?? '').trim().toLowerCase()] ?? [];
    const tags = finishTags([...facts, ...derivedTags({ category: 'market', tags: facts })]);
    const arr = Number((r.Arrondissement ?? '').trim());
    const postcode = Number.isInteger(arr) && arr >= 1 && arr <= 20 ? `750${String(arr).padStart(2, '0')}` : null;
    const where = (r.Localisation ?? '').replace(/\s+/g, ' ').trim();
    const address = where ? `${where}${postcode ? `, ${postcode}` : ','} Paris`.slice(0, 300) : null;
    candidates.push({
      id: `paris-markets:${ref}`,
      dataset: 'paris-markets',
      ref,
      name: name.slice(0, 200),
      category: 'market',
      tags,
      lon: round6(point[0]),
      lat: round6(point[1]),
      address,
      openingHoursRaw: openingHours,
      website: null,
      cuisines: [],
      areaM2: polygon ? polygonAreaM2(polygon) : null,
      sourceDate,
      osm: null,
    });
  }
  return { candidates, issues };
}
