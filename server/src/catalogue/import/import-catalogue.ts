/**
 * The importer: reads a file into rows (read-source.ts), finds the city they belong to, compares them with
 * the agency's places by external id, and reports what would be created, updated, left unchanged and
 * rejected (a dry run); applying writes it all in one transaction or nothing. Imported places are drafts,
 * and changes to published places wait as drafts too: travellers see them once the agency publishes
 * (catalogue/editing/publish.ts). The same function serves the console and `npm run catalogue:import`.
 */
import { createHash } from 'node:crypto';
import { CATALOGUE_IMPORT_LIMITS, type CatalogueImportReport, type CatalogueImportTarget, distanceMeters, type PlaceFields } from '@escale/shared';
import type { Db } from '../../store/db.ts';
import { slugify } from '../osm/slug.ts';
import { ImportRefused } from './import-refused.ts';
import { changedFields, columnsOf, currentFields } from './place-rows.ts';
import { readSource, type ImportSource } from './read-source.ts';
import { CITY_PLACEHOLDER } from './rows-from-osm.ts';
import { type ImportRow, reject } from './rows.ts';

/** How far from a city's centre its places may lie when the importer picks the city itself. */
export const CITY_RADIUS_KM = 50;
const WRITE_BATCH = 400;
const IDS_PER_QUERY = 500;

export type ImportPhase = 'reading' | 'comparing' | 'writing';
/** `total` 0: not known yet (elements decoded while reading a file). */
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export interface ImportOptions {
  agencyId: string;
  target: Omit<CatalogueImportTarget, 'mode'>;
  apply: boolean;
  now: Date;
  onProgress?: ImportProgress;
}

interface CityChoice {
  id: string;
  name: string;
  timezone: string;
  countryCode: string | null;
  center: { lat: number; lon: number };
  isNew: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

async function chooseCity(db: Db, agencyId: string, rows: ImportRow[], target: ImportOptions['target']): Promise<CityChoice> {
  const cities = await db.selectFrom('cities').selectAll().execute();
  const choice = (c: (typeof cities)[number]): CityChoice => ({
    id: c.id,
    name: c.name,
    timezone: c.timezone,
    countryCode: c.country_code,
    center: { lat: c.center_lat, lon: c.center_lon },
    isNew: false,
  });
  if (target.city) {
    const city = cities.find((c) => c.id === target.city);
    if (!city) throw new ImportRefused('city_needed', `There is no city "${target.city}"; known cities: ${cities.map((c) => c.id).join(', ')}.`);
    return choice(city);
  }
  const center = { lat: median(rows.map((r) => r.lat)), lon: median(rows.map((r) => r.lon)) };
  if (target.cityName) {
    if (!target.timezone) throw new ImportRefused('city_needed', `A new city needs its time zone (an IANA name such as "Europe/Vaduz") as well as its name.`);
    const id = slugify(target.cityName).replace(/[^a-z-]/g, '') || 'city';
    const existing = cities.find((c) => c.id === id);
    if (existing) return choice(existing);
    return { id, name: target.cityName, timezone: target.timezone, countryCode: target.country ?? null, center, isNew: true };
  }
  if (rows.length === 0) {
    const own = await db.selectFrom('places').select('city_id').where('agency_id', '=', agencyId).limit(1).executeTakeFirst();
    const city = cities.find((c) => c.id === own?.city_id) ?? cities[0];
    if (!city) throw new ImportRefused('city_needed', 'Name the city of these places and its time zone.');
    return choice(city);
  }
  const ranked = cities.map((c) => ({ c, km: distanceMeters(center, { lat: c.center_lat, lon: c.center_lon }) / 1000 })).sort((a, b) => a.km - b.km);
  const nearest = ranked[0];
  if (nearest && nearest.km <= CITY_RADIUS_KM) return choice(nearest.c);
  const where = `${center.lat.toFixed(3)}, ${center.lon.toFixed(3)}`;
  throw new ImportRefused(
    'city_needed',
    `These places (around ${where}) are not within ${CITY_RADIUS_KM} km of a city Escale knows${nearest ? ` (the nearest, ${nearest.c.name}, is ${Math.round(nearest.km)} km away)` : ''}: name their city and its time zone.`,
  );
}

/** A row as a place's fields; what a file never says (the price level) is kept from `current`. */
function fieldsOf(row: ImportRow, current?: PlaceFields): PlaceFields {
  return {
    name: row.name,
    category: row.category,
    tags: row.tags,
    lat: row.lat,
    lon: row.lon,
    address: row.address,
    openingHours: row.openingHours,
    website: row.website,
    priceLevel: current?.priceLevel ?? null,
  };
}

export async function importCatalogue(db: Db, source: ImportSource, options: ImportOptions): Promise<CatalogueImportReport> {
  const started = performance.now();
  const { agencyId, now, onProgress } = options;
  const read = await readSource(source, (done, total) => onProgress?.('reading', done, total));

  // One row per external id: a later duplicate in the file is rejected, not silently merged.
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  for (const row of read.rows) {
    if (seen.has(row.externalId)) {
      reject(read, row.ref, row.name, 'duplicate_in_file', { id: row.externalId });
      continue;
    }
    rows.push(row);
    seen.add(row.externalId);
  }
  if (rows.length > CATALOGUE_IMPORT_LIMITS.maxPlaces) {
    throw new ImportRefused('too_many_places', `The file holds ${rows.length} places; one import takes at most ${CATALOGUE_IMPORT_LIMITS.maxPlaces}. Split it.`);
  }
  const city = await chooseCity(db, agencyId, rows, options.target);
  for (const row of rows) if (row.address) row.address = row.address.replace(CITY_PLACEHOLDER, city.name);

  // Compare with the agency's places by external id.
  const existing = new Map<string, Awaited<ReturnType<typeof placesByExternalId>>[number]>();
  for (let i = 0; i < rows.length; i += IDS_PER_QUERY) {
    for (const p of await placesByExternalId(
      db,
      agencyId,
      rows.slice(i, i + IDS_PER_QUERY).map((r) => r.externalId),
    ))
      existing.set(p.external_id!, p);
    onProgress?.('comparing', Math.min(i + IDS_PER_QUERY, rows.length), rows.length);
  }
  const created: ImportRow[] = [];
  const updated: { row: ImportRow; fields: PlaceFields; id: string; status: string; changes: string[] }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const place = existing.get(row.externalId);
    if (!place) {
      created.push(row);
      continue;
    }
    const current = currentFields(place);
    const fields = fieldsOf(row, current);
    const changes = changedFields(current, fields);
    if (changes.length === 0) unchanged++;
    else updated.push({ row, fields, id: place.id, status: place.status, changes });
  }
  const planDigest = createHash('sha256')
    .update(city.id)
    .update(created.map((r) => `+${r.externalId} ${JSON.stringify(fieldsOf(r))}`).join('\n'))
    .update(updated.map((u) => `~${u.id} ${JSON.stringify(u.fields)}`).join('\n'))
    .digest('hex')
    .slice(0, 16);

  if (options.apply) {
    if (options.target.expect && options.target.expect !== planDigest) {
      throw new ImportRefused('plan_changed', 'The catalogue or the file changed since the dry run: review the new dry run before applying.');
    }
    await writePlan(db, agencyId, city, created, updated, now, onProgress);
  }

  const cap = CATALOGUE_IMPORT_LIMITS.maxListedRows;
  const listed = <T>(xs: T[]) => xs.slice(0, cap);
  return {
    file: source.name,
    format: read.format,
    mode: options.apply ? 'applied' : 'dry-run',
    city: { id: city.id, name: city.name, timezone: city.timezone, isNew: city.isNew },
    counts: {
      read: read.read,
      created: created.length,
      updated: updated.length,
      unchanged,
      rejected: read.rejected.length,
      ignored: Object.values(read.ignored).reduce((a, b) => a + (b ?? 0), 0),
      warnings: read.warnings.length,
    },
    ignored: read.ignored,
    created: listed(created).map((r) => ({ externalId: r.externalId, name: r.name, category: r.category })),
    updated: listed(updated).map((u) => ({ externalId: u.row.externalId, name: u.row.name, category: u.row.category, changes: u.changes })),
    rejected: listed(read.rejected),
    warnings: listed(read.warnings),
    truncated: [created, updated, read.rejected, read.warnings].some((xs) => xs.length > cap),
    planDigest,
    ms: Math.round(performance.now() - started),
  };
}

function placesByExternalId(db: Db, agencyId: string, ids: string[]) {
  return db.selectFrom('places').selectAll().where('agency_id', '=', agencyId).where('external_id', 'in', ids).execute();
}

/** Everything in one transaction: a failure half-way leaves the catalogue as it was. */
async function writePlan(
  db: Db,
  agencyId: string,
  city: CityChoice,
  created: ImportRow[],
  updated: { fields: PlaceFields; id: string; status: string }[],
  now: Date,
  onProgress?: ImportProgress,
): Promise<void> {
  const stamp = now.toISOString();
  const total = created.length + updated.length;
  await db.transaction().execute(async (trx) => {
    if (city.isNew) {
      await trx
        .insertInto('cities')
        .values({
          id: city.id,
          name: city.name,
          timezone: city.timezone,
          country_code: city.countryCode,
          center_lat: city.center.lat,
          center_lon: city.center.lon,
          attribution: JSON.stringify(['© OpenStreetMap contributors, ODbL 1.0']),
        })
        .execute();
    }
    for (let i = 0; i < created.length; i += WRITE_BATCH) {
      const batch = created.slice(i, i + WRITE_BATCH).map((r) => ({
        id: `${r.externalId}@${agencyId}`,
        agency_id: agencyId,
        city_id: city.id,
        ...columnsOf(fieldsOf(r)),
        rating: null,
        review_count: 0,
        seeded: '[]',
        source_dataset: r.dataset,
        source_ref: r.ref,
        updated_at: stamp,
        status: 'draft',
        draft: null,
        external_id: r.externalId,
      }));
      await trx.insertInto('places').values(batch).execute();
      onProgress?.('writing', Math.min(i + WRITE_BATCH, created.length), total);
    }
    let done = created.length;
    for (const u of updated) {
      const { fields } = u;
      // A draft is rewritten; a published (or archived) place keeps its version until the agency publishes.
      const set = u.status === 'draft' ? { ...columnsOf(fields), updated_at: stamp } : { draft: JSON.stringify(fields), updated_at: stamp };
      await trx.updateTable('places').set(set).where('id', '=', u.id).where('agency_id', '=', agencyId).execute();
      if (++done % WRITE_BATCH === 0 || done === total) onProgress?.('writing', done, total);
    }
  });
}
