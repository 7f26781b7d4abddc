/**
 * OpenStreetMap elements (from PBF or XML, the same extract) to import rows, with the mapping the demo
 * catalogue is built with (osm/): category from amenity / leisure / tourism / sport / shop, fact and derived
 * tags, a point inside a way's or relation's outline, `opening_hours` kept when the evaluator reads it.
 */
import { checkOpeningHours } from '../osm/opening-hours-check.ts';
import { insidePoint, largestPolygon } from '../osm/inside-point.ts';
import { categoryForOsmTags } from '../osm/osm-tags-to-category.ts';
import { outlineAreaM2, outlinePolygons } from '../osm/osm-outlines.ts';
import { emptySkipCounts, type OsmLike, type OsmSkipCounts, toCandidate } from '../osm/osm-places.ts';
import { type OsmExtract, taggedElements, type OsmTags } from '../osm/read-osm-pbf.ts';
import type { Candidate } from '../osm/candidate.ts';
import { type ImportRow, ignore, type RowsRead } from './rows.ts';

/** Stands for the city's name in addresses until the importer knows the city. */
export const CITY_PLACEHOLDER = '\u0000city';

const REASONS: Record<keyof OsmSkipCounts, { rejected: boolean; reason: string }> = {
  noName: { rejected: false, reason: 'no name' },
  notLeisure: { rejected: false, reason: 'not a place Escale suggests (no leisure tag)' },
  closedOrPrivate: { rejected: true, reason: 'closed or private' },
  noUsablePoint: { rejected: true, reason: 'no usable outline: its ways or nodes are missing from the file' },
};

/** One element: a row, or what happened to it recorded in `read` (`where` names it in a rejection). */
export function addOsmElement(read: RowsRead, el: OsmLike, where = `${el.type}/${el.id}`): void {
  read.read++;
  const skips = emptySkipCounts();
  const candidate = toCandidate(el, '', skips, { name: CITY_PLACEHOLDER, postcode: /^\S+$/ });
  if (candidate) {
    read.rows.push(rowOf(candidate, read));
    return;
  }
  const key = (Object.keys(skips) as (keyof OsmSkipCounts)[]).find((k) => skips[k] > 0);
  if (!key) return;
  const { rejected, reason } = REASONS[key];
  if (rejected) read.rejected.push({ ref: where, name: el.tags.name ?? null, reason: key === 'closedOrPrivate' ? closedReason(el.tags) : reason });
  else ignore(read, reason);
}

/** Which of osm-places' closure rules applied, in the editor's words. */
function closedReason(tags: OsmTags): string {
  if (tags.access) return `not open to the public (access=${tags.access})`;
  const old = Object.keys(tags).find((k) => k.startsWith('disused:') || k.startsWith('was:'));
  if (old) return `no longer in business (${old}=${tags[old]})`;
  const [key, value] = Object.entries(tags).find(([k, v]) => k !== 'name' && /ferm|closed|r[ée]serv|acc[èe]s/i.test(v)) ?? ['', ''];
  return key ? `closed or restricted, its ${key} says: "${value.slice(0, 80)}"` : 'closed or private';
}

function rowOf(c: Candidate, read: RowsRead): ImportRow {
  let openingHours: string | null = null;
  if (c.openingHoursRaw !== null) {
    openingHours = checkOpeningHours(c.openingHoursRaw, c.lat, c.lon);
    if (openingHours === null) read.warnings.push({ ref: c.ref, name: c.name, message: `opening_hours "${c.openingHoursRaw.slice(0, 80)}" cannot be read: kept as "hours unknown"` });
  }
  return { externalId: c.id, dataset: 'osm', ref: c.ref, name: c.name, category: c.category, tags: c.tags, lat: c.lat, lon: c.lon, address: c.address, openingHours, website: c.website };
}

/** Every tagged element of an extract, in id order (nodes, ways, relations): the same rows from PBF and XML. */
export function rowsFromOsm(extract: OsmExtract, read: RowsRead): void {
  for (const el of taggedElements(extract)) {
    let point: [number, number] | null = null;
    let areaM2: number | null = null;
    if (el.type === 'node') {
      point = [el.lon, el.lat];
    } else if (el.tags.name && categoryForOsmTags(el.tags) !== null) {
      // Outlines are resolved only for what could become a place: most ways are streets.
      const polygons = outlinePolygons(extract, el);
      const largest = largestPolygon(polygons);
      if (largest) {
        point = insidePoint(largest);
        areaM2 = outlineAreaM2(polygons);
      }
    }
    addOsmElement(read, { type: el.type, id: el.id, tags: el.tags as OsmTags, point, areaM2 });
  }
}
