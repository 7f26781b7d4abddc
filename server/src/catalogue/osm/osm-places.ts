// Turns OSM elements (PBF or the café GeoJSON) into candidates: category, point inside the outline, address, website, tags.
import type { CategoryId } from '@escale/shared';
import type { Candidate } from './candidate.ts';
import { absoluteUrl } from './candidate.ts';
import { insidePoint, largestPolygon, round6 } from './inside-point.ts';
import { categoryForOsmTags } from './osm-tags-to-category.ts';
import { outlineAreaM2, outlinePolygons } from './osm-outlines.ts';
import { cuisinesOf, derivedTags, finishTags, osmFactTags } from './place-tags.ts';
import type { GeojsonOsmPoint } from './read-geojson.ts';
import type { OsmExtract, OsmTags, OsmType } from './read-osm-pbf.ts';
import { taggedElements } from './read-osm-pbf.ts';

/**
 * Music halls that OSM tags `amenity=theatre` although their programme is mostly concerts; no tag tells
 * them apart, so they are listed here by id (data/README.md, "Categories").
 */
export const CONCERT_HALLS: Record<string, string> = {
  'osm:node/251758260': "Olympia (music hall, 'Théâtre de l'Olympia' in OSM)",
  'osm:way/69257631': 'Casino de Paris (concert and show hall)',
};

const CLOSED = /d[ée]finit[ie]vement ferm[ée]|ferm[ée] d[ée]finitivement|permanently closed/i;
/** Notes saying the public cannot walk in (school and club facilities). */
const RESTRICTED = /pas en acc[èe]s libre|acc[èe]s r[ée]serv[ée]|r[ée]serv[ée] aux (clubs|associations|scolaires|adh[ée]rents)/i;
const NOT_PUBLIC = new Set(['private', 'no', 'members', 'customers']);

export interface OsmSkipCounts {
  noName: number;
  notLeisure: number;
  closedOrPrivate: number;
  noUsablePoint: number;
}

export function emptySkipCounts(): OsmSkipCounts {
  return { noName: 0, notLeisure: 0, closedOrPrivate: 0, noUsablePoint: 0 };
}

/** How an address line ends: the city's name, after a postcode when it is one of the city's. */
export interface AddressCity {
  name: string;
  postcode: RegExp;
}

export const PARIS_ADDRESSES: AddressCity = { name: 'Paris', postcode: /^75\d{3}$/ };

function address(tags: OsmTags, city: AddressCity): string | null {
  for (const prefix of ['addr:', 'contact:']) {
    const street = tags[`${prefix}street`]?.trim();
    if (!street) continue;
    const number = tags[`${prefix}housenumber`]?.trim();
    const postcode = tags[`${prefix}postcode`]?.trim();
    const line = number ? `${number} ${street}` : street;
    return postcode && city.postcode.test(postcode) ? `${line}, ${postcode} ${city.name}` : `${line}, ${city.name}`;
  }
  return null;
}

export function isClosedOrPrivate(tags: OsmTags): boolean {
  if (NOT_PUBLIC.has(tags.access ?? '')) return true;
  if (Object.keys(tags).some((k) => k.startsWith('disused:') || k.startsWith('was:'))) return true;
  if (['description', 'note', 'opening_hours', 'access:description'].some((k) => RESTRICTED.test(tags[k] ?? ''))) return true;
  return Object.values(tags).some((v) => CLOSED.test(v));
}

export interface OsmLike {
  type: OsmType;
  id: number;
  tags: OsmTags;
  point: [number, number] | null;
  areaM2: number | null;
}

export function toCandidate(el: OsmLike, sourceDate: string, skips: OsmSkipCounts, city: AddressCity = PARIS_ADDRESSES): Candidate | null {
  const name = el.tags.name?.replace(/\s+/g, ' ').trim();
  if (!name) {
    skips.noName++;
    return null;
  }
  const id = `osm:${el.type}/${el.id}`;
  let category: CategoryId | null = categoryForOsmTags(el.tags);
  if (category === 'theatre' && CONCERT_HALLS[id] !== undefined) category = 'music_venue';
  if (category === null) {
    skips.notLeisure++;
    return null;
  }
  if (isClosedOrPrivate(el.tags)) {
    skips.closedOrPrivate++;
    return null;
  }
  if (el.point === null) {
    skips.noUsablePoint++;
    return null;
  }
  const facts = osmFactTags(el.tags, category);
  if (CONCERT_HALLS[id] !== undefined) facts.push('live-music', 'concerts');
  const tags = finishTags([...facts, ...derivedTags({ category, tags: facts, areaM2: el.areaM2 ?? undefined, osm: el.tags })]);
  return {
    id,
    dataset: 'osm',
    ref: `${el.type}/${el.id}`,
    name: name.slice(0, 200),
    category,
    tags,
    lon: round6(el.point[0]),
    lat: round6(el.point[1]),
    address: address(el.tags, city),
    openingHoursRaw: el.tags.opening_hours?.trim() || null,
    website: absoluteUrl(el.tags.website) ?? absoluteUrl(el.tags['contact:website']) ?? absoluteUrl(el.tags.url),
    cuisines: cuisinesOf(el.tags),
    areaM2: el.areaM2,
    sourceDate,
    osm: el.tags,
  };
}

/** Candidates from a PBF extract: nodes at their position, ways and relations at a point inside their largest outer ring. */
export function candidatesFromPbf(extract: OsmExtract, sourceDate: string, skips: OsmSkipCounts, city: AddressCity = PARIS_ADDRESSES): Candidate[] {
  const out: Candidate[] = [];
  for (const el of taggedElements(extract)) {
    if (!el.tags.name && categoryForOsmTags(el.tags) === null) continue;
    let point: [number, number] | null = null;
    let areaM2: number | null = null;
    if (el.type === 'node') {
      point = [el.lon, el.lat];
    } else {
      const polygons = outlinePolygons(extract, el);
      const largest = largestPolygon(polygons);
      if (largest) {
        point = insidePoint(largest);
        areaM2 = outlineAreaM2(polygons);
      }
    }
    const c = toCandidate({ type: el.type, id: el.id, tags: el.tags, point, areaM2 }, sourceDate, skips, city);
    if (c) out.push(c);
  }
  return out;
}

/** Candidates from the café GeoJSON (points only). */
export function candidatesFromGeojson(points: GeojsonOsmPoint[], sourceDate: string, skips: OsmSkipCounts): Candidate[] {
  const out: Candidate[] = [];
  for (const p of [...points].sort((a, b) => (a.type === b.type ? a.id - b.id : a.type < b.type ? -1 : 1))) {
    const c = toCandidate({ type: p.type, id: p.id, tags: p.tags, point: [p.lon, p.lat], areaM2: null }, sourceDate, skips);
    if (c) out.push(c);
  }
  return out;
}
