/**
 * The agency's places as the console edits them, every query scoped to the agency: the table (filtered,
 * sorted, paginated), creating a draft, editing (a draft directly; a published place through a waiting
 * draft), discarding what is not published, archiving and restoring. Nothing here is hard-deleted except
 * a draft nobody was ever suggested (bookings can only name a published place).
 */
import { randomUUID } from 'node:crypto';
import { type AdminPlace, type AdminPlaceList, type AdminPlaceQuery, type PlaceCreate, type PlaceEdit, type PlaceFields } from '@escale/shared';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { PlaceTable } from '../../store/schema.ts';
import { HttpError } from '../../http/errors.ts';
import { checkOpeningHours } from '../osm/opening-hours-check.ts';
import { changedFields, columnsOf, currentFields, fieldsOfRow, seededAfter } from '../import/place-rows.ts';
import { distanceMeters } from '@escale/shared';

export function adminPlaceOf(p: Selectable<PlaceTable>): AdminPlace {
  const current = currentFields(p);
  const published = fieldsOfRow(p);
  const pending = p.draft ? changedFields(published, current) : [];
  return {
    ...current,
    id: p.id,
    externalId: p.external_id ?? p.id,
    cityId: p.city_id,
    status: p.status as AdminPlace['status'],
    pending,
    published: pending.length > 0 ? published : null,
    updatedAt: p.updated_at,
  };
}

const SORT_COLUMNS = { name: 'name', category: 'category', status: 'status', updated: 'updated_at' } as const;

export async function listPlaces(db: Db, agencyId: string, q: AdminPlaceQuery): Promise<AdminPlaceList> {
  let query = db.selectFrom('places').where('agency_id', '=', agencyId);
  if (q.q) query = query.where((eb) => eb.or([eb(sql`lower(name)`, 'like', `%${q.q!.toLowerCase().replace(/[%_]/g, '')}%`), eb('external_id', '=', q.q!)]));
  if (q.category) query = query.where('category', '=', q.category);
  if (q.status === 'pending') query = query.where((eb) => eb.or([eb('status', '=', 'draft'), eb('draft', 'is not', null)]));
  else if (q.status) query = query.where('status', '=', q.status);
  if (q.bbox) {
    const [w, s, e, n] = q.bbox.split(',').map(Number) as [number, number, number, number];
    query = query.where('lat', '>=', s).where('lat', '<=', n).where('lon', '>=', w).where('lon', '<=', e);
  }
  const [{ total }, rows, { toPublish }, cities] = await Promise.all([
    query.select(db.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query
      .selectAll()
      .orderBy(q.sort === 'name' ? sql`lower(name)` : SORT_COLUMNS[q.sort], q.dir)
      .orderBy('id', q.dir)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    db
      .selectFrom('places')
      .where('agency_id', '=', agencyId)
      .where((eb) => eb.or([eb('status', '=', 'draft'), eb('draft', 'is not', null)]))
      .select(db.fn.countAll<number>().as('toPublish'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cities')
      .where('id', 'in', db.selectFrom('places').select('city_id').where('agency_id', '=', agencyId).distinct())
      .select(['id', 'name', 'center_lat', 'center_lon'])
      .orderBy('name')
      .execute(),
  ]);
  return {
    places: rows.map(adminPlaceOf),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
    toPublish: Number(toPublish),
    cities: cities.map((c) => ({ id: c.id, name: c.name, center: { lat: c.center_lat, lon: c.center_lon } })),
  };
}

async function placeOfAgency(db: Db, agencyId: string, id: string): Promise<Selectable<PlaceTable>> {
  const row = await db.selectFrom('places').selectAll().where('id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
  // Another agency's place is "not found", as a place that does not exist: its id says nothing more.
  if (!row) throw new HttpError(404, 'not_found', 'There is no such place in your catalogue.');
  return row;
}

/** Opening hours the server's evaluator cannot read are refused here, not discovered by a traveller. */
function checkFields(f: PlaceFields): PlaceFields {
  if (f.openingHours !== null && checkOpeningHours(f.openingHours, f.lat, f.lon) === null) {
    throw new HttpError(400, 'bad_request', `The opening hours "${f.openingHours}" are not in OpenStreetMap's opening_hours syntax (e.g. "Mo-Fr 09:00-18:00; Sa 10:00-14:00").`, [
      { path: 'openingHours', message: 'not readable as opening_hours' },
    ]);
  }
  return f;
}

/** The nearest of the cities the store knows: a new place belongs to it. */
async function cityNear(db: Db, lat: number, lon: number): Promise<string> {
  const cities = await db.selectFrom('cities').select(['id', 'center_lat', 'center_lon']).execute();
  const nearest = cities.map((c) => ({ id: c.id, m: distanceMeters({ lat, lon }, { lat: c.center_lat, lon: c.center_lon }) })).sort((a, b) => a.m - b.m)[0];
  if (!nearest || nearest.m > 50_000)
    throw new HttpError(400, 'bad_request', 'This position is not within 50 km of a city Escale knows: import the city’s places first, naming the city.', [{ path: 'lat', message: 'no city near' }]);
  return nearest.id;
}

export async function createPlace(db: Db, agencyId: string, body: PlaceCreate, now: Date): Promise<AdminPlace> {
  const fields = checkFields(body);
  const ref = randomUUID().slice(0, 8);
  const externalId = `console:${ref}`;
  const row = {
    id: `${externalId}@${agencyId}`,
    agency_id: agencyId,
    city_id: await cityNear(db, fields.lat, fields.lon),
    ...columnsOf(fields),
    rating: null,
    review_count: 0,
    seeded: '[]',
    source_dataset: 'console',
    source_ref: ref,
    updated_at: now.toISOString(),
    status: 'draft',
    draft: null,
    external_id: externalId,
  };
  await db.insertInto('places').values(row).execute();
  return adminPlaceOf(await placeOfAgency(db, agencyId, row.id));
}

export async function editPlace(db: Db, agencyId: string, id: string, edit: PlaceEdit, now: Date): Promise<AdminPlace> {
  const place = await placeOfAgency(db, agencyId, id);
  const next = checkFields({ ...currentFields(place), ...edit });
  const stamp = now.toISOString();
  if (place.status === 'draft') {
    await db
      .updateTable('places')
      .set({ ...columnsOf(next), seeded: seededAfter(place, next), updated_at: stamp })
      .where('id', '=', id)
      .where('agency_id', '=', agencyId)
      .execute();
  } else {
    // Back to the published version: nothing waits any more.
    const draft = changedFields(fieldsOfRow(place), next).length === 0 ? null : JSON.stringify(next);
    await db.updateTable('places').set({ draft, updated_at: stamp }).where('id', '=', id).where('agency_id', '=', agencyId).execute();
  }
  return adminPlaceOf(await placeOfAgency(db, agencyId, id));
}

/** What is not published goes: a draft place entirely, a published place's waiting changes. */
export async function discardPlace(db: Db, agencyId: string, id: string): Promise<void> {
  const place = await placeOfAgency(db, agencyId, id);
  if (place.status === 'draft') await db.deleteFrom('places').where('id', '=', id).where('agency_id', '=', agencyId).where('status', '=', 'draft').execute();
  else if (place.draft) await db.updateTable('places').set({ draft: null }).where('id', '=', id).where('agency_id', '=', agencyId).execute();
  else throw new HttpError(409, 'conflict', `${place.name} has nothing unpublished to discard; archive it to take it out of suggestions.`);
}
