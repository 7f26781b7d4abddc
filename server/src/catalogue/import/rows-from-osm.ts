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
import type { ImportReasonCode } from '@escale/shared';
import { type ImportRow, ignore, reject, type RowsRead, warn } from './rows.ts';

/** Stands for the city's name in addresses until the importer knows the city. */
export const CITY_PLACEHOLDER = '\u0000city';

const REASONS: Record<keyof OsmSkipCounts, { rejected: boolean; code: ImportReasonCode }> = {
  noName: { rejected: false, code: 'no_name' },
  notLeisure: { rejected: false, code: 'not_leisure' },
  closedOrPrivate: { rejected: true, code: 'closed' },
  noUsablePoint: { rejected: true, code: 'no_outline' },
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
  const { rejected, code } = REASONS[key];
  if (!rejected) return ignore(read, code);
  const closure = key === 'closedOrPrivate' ? closedReason(el.tags) : { code, values: {} };
  reject(read, where, el.tags.name ?? null, closure.code, closure.values);
}

/** Which of osm-places' closure rules applied, with what the tags say. */
function closedReason(tags: OsmTags): { code: ImportReasonCode; values: Record<string, string> } {
  if (tags.access) return { code: 'private_access', values: { value: tags.access } };
  const old = Object.keys(tags).find((k) => k.startsWith('disused:') || k.startsWith('was:'));
  if (old) return { code: 'out_of_business', values: { key: old, value: tags[old]! } };
  const [key, value] = Object.entries(tags).find(([k, v]) => k !== 'name' && /ferm|closed|r[ée]serv|acc[èe]s/i.test(v)) ?? ['', ''];
  return key ? { code: 'closure_note', values: { key, value: value.slice(0, 80) } } : { code: 'closed', values: {} };
}

function rowOf(c: Candidate, read: RowsRead): ImportRow {
  let openingHours: string | null = null;
  if (c.openingHoursRaw !== null) {
    openingHours = checkOpeningHours(c.openingHoursRaw, c.lat, c.lon);
    if (openingHours === null) warn(read, c.ref, c.name, 'hours_unreadable', { value: c.openingHoursRaw.slice(0, 80) });
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
