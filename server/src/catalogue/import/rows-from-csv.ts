/**
 * CSV to import rows: one place per line, the first line naming the columns (`,` or `;` separated, a BOM
 * allowed). Required: `id` (the agency's own reference, stable across exports), `name`, `lat`, `lon`, and
 * either `category` (an Escale category) or OSM keys (`amenity`, `leisure`, `tourism`, `shop`, `sport`) that
 * map to one. Optional: `address` (kept as written), `opening_hours`, `website`, `cuisine`, `tags` (`;` or `|` separated).
 * A bad line is rejected with its line number and the reason; the others are imported.
 */
import { parse } from 'csv-parse/sync';
import { CategoryId, type ImportReasonCode, Tag } from '@escale/shared';
import { absoluteUrl } from '../osm/candidate.ts';
import { checkOpeningHours } from '../osm/opening-hours-check.ts';
import { categoryForOsmTags } from '../osm/osm-tags-to-category.ts';
import { finishTags, osmFactTags } from '../osm/place-tags.ts';
import type { OsmTags } from '../osm/read-osm-pbf.ts';
import { ImportRefused } from './import-refused.ts';
import { emptyRead, refPart, reject, type RowsRead, warn } from './rows.ts';

const ALIASES: Record<string, string> = {
  latitude: 'lat',
  longitude: 'lon',
  lng: 'lon',
  long: 'lon',
  ref: 'id',
  external_id: 'id',
  'opening hours': 'opening_hours',
  hours: 'opening_hours',
  url: 'website',
};
const OSM_KEYS = ['amenity', 'leisure', 'tourism', 'shop', 'sport', 'cuisine', 'music'] as const;

function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function rowsFromCsv(text: string): RowsRead {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter: delimiterOf(text), skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    throw new ImportRefused('unreadable', `This CSV cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const [header, ...lines] = records;
  if (!header) throw new ImportRefused('unreadable', 'The CSV is empty: its first line names the columns (id, name, category, lat, lon…).');
  const columns = header.record.map((c) => {
    const key = c.trim().toLowerCase();
    return ALIASES[key] ?? key;
  });
  const missing = ['id', 'name', 'lat', 'lon'].filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new ImportRefused('unreadable', `The CSV lacks the column(s) ${missing.join(', ')}; its first line must name id, name, lat, lon and category (or OSM keys such as amenity).`);
  if (!columns.includes('category') && !OSM_KEYS.some((k) => columns.includes(k))) {
    throw new ImportRefused('unreadable', 'The CSV needs a category column (an Escale category such as restaurant or museum) or OSM keys (amenity, leisure, tourism, shop, sport).');
  }
  const read = emptyRead('csv');
  const seen = new Map<string, number>();
  for (const { record, info } of lines) {
    read.read++;
    const line = info.lines;
    const cell: Record<string, string> = {};
    columns.forEach((c, i) => (cell[c] = record[i] ?? ''));
    const name = cell.name?.replace(/\s+/g, ' ').slice(0, 200) ?? '';
    const refuse = (code: ImportReasonCode, values: Record<string, string | number> = {}) => reject(read, `line ${line}`, name || null, code, values);
    if (record.length !== columns.length) {
      refuse('field_count', { found: record.length, expected: columns.length });
      continue;
    }
    const ref = refPart(cell.id ?? '');
    if (!ref) {
      refuse('no_id');
      continue;
    }
    if (seen.has(ref)) {
      refuse('duplicate_id', { id: ref, line: seen.get(ref)! });
      continue;
    }
    seen.set(ref, line);
    if (!name) {
      refuse('no_name');
      continue;
    }
    const lat = Number(cell.lat?.replace(',', '.'));
    const lon = Number(cell.lon?.replace(',', '.'));
    if (!cell.lat || !cell.lon || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      refuse('bad_position', { lat: cell.lat ?? '', lon: cell.lon ?? '' });
      continue;
    }
    const osm: OsmTags = { name };
    for (const k of OSM_KEYS) if (cell[k]) osm[k] = cell[k];
    let category: CategoryId | null = null;
    if (cell.category) {
      const parsed = CategoryId.safeParse(cell.category.toLowerCase());
      if (!parsed.success) {
        refuse('unknown_category', { value: cell.category, expected: CategoryId.options.join(', ') });
        continue;
      }
      category = parsed.data;
    } else {
      category = categoryForOsmTags(osm);
      if (!category) {
        refuse('no_leisure_tags');
        continue;
      }
    }
    const extra = (cell.tags ?? '')
      .split(/[;|]/)
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t.length > 0);
    const badTag = extra.find((t) => !Tag.safeParse(t).success);
    if (badTag !== undefined) {
      refuse('bad_tag', { tag: badTag });
      continue;
    }
    let openingHours: string | null = null;
    if (cell.opening_hours) {
      openingHours = checkOpeningHours(cell.opening_hours, lat, lon);
      if (openingHours === null) warn(read, `line ${line}`, name, 'hours_unreadable', { value: cell.opening_hours.slice(0, 80) });
    }
    const website = cell.website ? absoluteUrl(cell.website) : null;
    if (cell.website && !website) warn(read, `line ${line}`, name, 'website_invalid', { value: cell.website.slice(0, 80) });
    read.rows.push({
      externalId: `csv:${ref}`,
      dataset: 'csv',
      ref,
      name,
      category,
      tags: finishTags([...osmFactTags(osm, category), ...extra]),
      lat: Math.round(lat * 1e6) / 1e6,
      lon: Math.round(lon * 1e6) / 1e6,
      address: cell.address ? cell.address.slice(0, 300) : null,
      openingHours,
      website,
    });
  }
  return read;
}
