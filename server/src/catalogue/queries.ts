/** Reads the catalogue out of the store into the in-memory model the travel graph is built from. */
import type { CategoryId, Currency, EventKind, PromotionTarget } from '@escale/shared';
import type { Selectable } from 'kysely';
import type { Db } from '../store/db.ts';
import type { EventTable, OfferTable, PlaceTable, PromotionTable } from '../store/schema.ts';
import type { Catalogue, CatalogueEvent, City, Offer, Place, Promotion } from './model.ts';

const json = <T>(text: string): T => JSON.parse(text) as T;

export function placeOfRow(p: Selectable<PlaceTable>): Place {
  return {
    id: p.id,
    agencyId: p.agency_id,
    cityId: p.city_id,
    name: p.name,
    category: p.category as CategoryId,
    tags: json<string[]>(p.tags),
    lat: p.lat,
    lon: p.lon,
    address: p.address,
    openingHours: p.opening_hours,
    priceLevel: p.price_level,
    rating: p.rating,
    reviewCount: p.review_count,
    website: p.website,
    seeded: json<Place['seeded']>(p.seeded),
  };
}

/** Some of the catalogue's records by id (a catalogue change another instance committed). */
export interface CatalogueIds {
  places: readonly string[];
  events: readonly string[];
  offers: readonly string[];
  promotions?: readonly string[];
}

/** Ids per query: far below both databases' bound on a statement's values. */
const IDS_PER_QUERY = 500;

async function byIds<R>(ids: readonly string[], read: (chunk: string[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) rows.push(...(await read(ids.slice(i, i + IDS_PER_QUERY))));
  return rows;
}

export function eventOfRow(e: Selectable<EventTable>): CatalogueEvent {
  return {
    id: e.id,
    agencyId: e.agency_id,
    placeId: e.place_id,
    title: e.title,
    kind: e.kind as EventKind,
    tags: json<string[]>(e.tags),
    startsAt: new Date(e.starts_at),
    endsAt: new Date(e.ends_at),
    capacity: e.capacity,
    seatsLeft: e.seats_left,
    price: e.price,
    currency: e.currency as Currency,
  };
}

export function offerOfRow(o: Selectable<OfferTable>): Offer {
  return {
    id: o.id,
    agencyId: o.agency_id,
    placeId: o.place_id,
    title: o.title,
    description: o.description,
    price: o.price,
    currency: o.currency as Currency,
    seatsTotal: o.seats_total,
    seatsLeft: o.seats_left,
    tags: json<string[]>(o.tags),
    saleStartsAt: o.sale_starts_at ? new Date(o.sale_starts_at) : null,
    saleEndsAt: o.sale_ends_at ? new Date(o.sale_ends_at) : null,
  };
}

export function promotionOfRow(p: Selectable<PromotionTable>): Promotion {
  return {
    id: p.id,
    agencyId: p.agency_id,
    target: { kind: p.target_kind as PromotionTarget['kind'], id: p.target_id },
    boost: p.boost,
    startsAt: new Date(p.starts_at),
    endsAt: new Date(p.ends_at),
    label: p.label,
  };
}

const published = <R extends { status: string }>(rows: R[]) => rows.filter((r) => r.status === 'published');
const withdrawnIds = (rows: { id: string; status: string }[]) => rows.filter((r) => r.status !== 'published').map((r) => r.id);

/**
 * The whole catalogue, or with `only` just those records (and every agency and city, which are few). Drafts
 * are not read: travellers see a record once its agency publishes it. Read by id, an event, offer or
 * promotion that is no longer published (archived, or back to a draft) is listed in `withdrawn`, for the
 * graph to let go of it.
 */
/** A span of days whose events are loaded even when past: a demo trip's (demo/trips.ts). */
export interface EventWindow {
  startsAt: Date;
  endsAt: Date;
}

export async function readCatalogue(db: Db, eventsFrom: Date, only?: CatalogueIds, windows: readonly EventWindow[] = []): Promise<Catalogue> {
  const [agencies, cities, places, events, offers, promotions] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'name']).execute(),
    db.selectFrom('cities').selectAll().execute(),
    only
      ? byIds(only.places, (ids) => db.selectFrom('places').selectAll().where('id', 'in', ids).where('status', '!=', 'draft').execute())
      : db.selectFrom('places').selectAll().where('status', '!=', 'draft').orderBy('id').execute(),
    only
      ? byIds(only.events, (ids) => db.selectFrom('events').selectAll().where('id', 'in', ids).execute())
      : db
          .selectFrom('events')
          .selectAll()
          .where((eb) =>
            eb.or([eb('ends_at', '>', eventsFrom.toISOString()), ...windows.map((w) => eb.and([eb('starts_at', '<', w.endsAt.toISOString()), eb('ends_at', '>', w.startsAt.toISOString())]))]),
          )
          .where('status', '=', 'published')
          .orderBy('starts_at')
          .execute(),
    only
      ? byIds(only.offers, (ids) => db.selectFrom('offers').selectAll().where('id', 'in', ids).execute())
      : db.selectFrom('offers').selectAll().where('status', '=', 'published').orderBy('id').execute(),
    only
      ? byIds(only.promotions ?? [], (ids) => db.selectFrom('promotions').selectAll().where('id', 'in', ids).execute())
      : db.selectFrom('promotions').selectAll().where('status', '=', 'published').where('ends_at', '>', eventsFrom.toISOString()).orderBy('id').execute(),
  ]);
  return {
    agencies,
    cities: cities.map((c): City => ({
      id: c.id,
      name: c.name,
      timezone: c.timezone,
      countryCode: c.country_code,
      center: { lat: c.center_lat, lon: c.center_lon },
      attribution: json<string[]>(c.attribution),
    })),
    places: places.filter((p) => p.status === 'published').map(placeOfRow),
    archivedPlaces: places.filter((p) => p.status === 'archived').map(placeOfRow),
    events: published(events).map(eventOfRow),
    offers: published(offers).map(offerOfRow),
    promotions: published(promotions).map(promotionOfRow),
    withdrawn: { events: withdrawnIds(events), offers: withdrawnIds(offers), promotions: withdrawnIds(promotions) },
  };
}
