/**
 * Writes the demo catalogue and personas into the store. Places and offers are re-applied only when the
 * files changed (their hash is kept in `meta`), so edits made later in the console are not overwritten on
 * every start; events are scheduled afresh around today on each start.
 */
import { createHash } from 'node:crypto';
import { EMPTY_PROFILE, ITEM_LIMITS, NO_CONSENTS, type PersonaRecord } from '@escale/shared';
import type { Transaction } from 'kysely';
import type { Db } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import type { CatalogueFiles, Catalogues, CityCatalogue } from './load-files.ts';
import { scheduleEvents } from './event-schedule.ts';

/** A demo trip's cities and span. */
export interface TripDays {
  cityIds: readonly string[];
  startsAt: Date;
  endsAt: Date;
}

export const DEMO_AGENCY = { id: 'demo', name: 'Escale Demo Travel' } as const;
const DAY_MS = 86_400_000;

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export interface SeedReport {
  placesWritten: number;
  offersWritten: number;
  eventsScheduled: number;
  personasCreated: number;
  demoTravellersCreated: number;
  /** The catalogue records inserted or updated (events: inserted only, an existing one is left as it is). */
  written: { places: string[]; events: string[]; offers: string[]; promotions: string[] };
}

/** Seeds in a transaction of its own (scripts, benchmarks): one city with the personas, or every city. */
export function seedDemoCatalogue(db: Db, files: CatalogueFiles | Catalogues, now: Date): Promise<SeedReport> {
  const catalogues: Catalogues = 'cities' in files ? files : { cities: [files], personas: files.personas };
  return db.transaction().execute((trx) => seedDemoCatalogueIn(trx, catalogues, now));
}

/**
 * Seeds on the caller's transaction: the server commits it with the change's entry in the change log, so
 * that instances already running read the records written into their graphs (`written`).
 */
/**
 * `tripDays`: the demo trips' spans (demo/trips.ts); the events of their cities are scheduled on those days
 * too, so a trip replayed on its own dates finds tonight's concert whatever day the demo is run.
 */
export async function seedDemoCatalogueIn(trx: Transaction<Database>, catalogues: Catalogues, now: Date, tripDays: readonly TripDays[] = []): Promise<SeedReport> {
  const stamp = now.toISOString();
  const report: SeedReport = { placesWritten: 0, offersWritten: 0, eventsScheduled: 0, personasCreated: 0, demoTravellersCreated: 0, written: { places: [], events: [], offers: [], promotions: [] } };

  await trx
    .insertInto('agencies')
    .values({ ...DEMO_AGENCY, created_at: stamp })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const files of catalogues.cities) {
    const days = tripDays.filter((t) => t.cityIds.includes(files.city.id)).map((t) => t.startsAt);
    await seedCity(trx, files, now, days, report);
  }
  for (const persona of catalogues.personas) {
    if (await seedTraveller(trx, { ...persona, personaId: persona.id }, stamp, now)) report.personasCreated++;
  }
  return report;
}

/** One city's places, offers, events, promotions and seeded travellers. */
async function seedCity(trx: Transaction<Database>, files: CityCatalogue, now: Date, tripStarts: readonly Date[], report: SeedReport): Promise<void> {
  const { city } = files;
  const stamp = now.toISOString();
  const hashKey = `catalogue-hash:${DEMO_AGENCY.id}:${city.id}`;
  const hash = hashOf([files.city, files.places, files.offers]);
  const cityRow = {
    id: city.id,
    name: city.name,
    timezone: city.timezone,
    country_code: city.countryCode ?? null,
    center_lat: city.center.lat,
    center_lon: city.center.lon,
    attribution: JSON.stringify(city.attribution),
  };
  await trx
    .insertInto('cities')
    .values(cityRow)
    .onConflict((oc) => oc.column('id').doUpdateSet(cityRow))
    .execute();

  const previous = await trx.selectFrom('meta').select('value').where('key', '=', hashKey).executeTakeFirst();
  if (previous?.value !== hash) {
    for (const p of files.places) {
      const row = {
        id: p.id,
        agency_id: DEMO_AGENCY.id,
        city_id: city.id,
        name: p.name,
        category: p.category,
        tags: JSON.stringify(p.tags),
        lat: p.lat,
        lon: p.lon,
        address: p.address,
        opening_hours: p.openingHours,
        price_level: p.priceLevel,
        rating: p.rating,
        review_count: p.reviewCount,
        website: p.website,
        seeded: JSON.stringify(p.seeded),
        source_dataset: p.source.dataset,
        source_ref: p.source.ref,
        updated_at: stamp,
        external_id: p.id,
      };
      const { id: _id, ...update } = row;
      await trx
        .insertInto('places')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute();
      report.placesWritten++;
      report.written.places.push(p.id);
    }
    for (const o of files.offers) {
      const row = {
        id: o.id,
        agency_id: DEMO_AGENCY.id,
        place_id: o.placeId,
        title: o.title,
        description: o.description,
        // The demo files' prices are in euros.
        price: o.priceEur,
        seats_total: o.seats,
        seats_left: o.seats,
        tags: JSON.stringify(o.tags),
        updated_at: stamp,
      };
      // Seats already sold stay sold: a re-seed updates the description, never the inventory.
      const { id: _id, seats_left: _left, seats_total: _total, ...update } = row;
      await trx
        .insertInto('offers')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute();
      report.offersWritten++;
      report.written.offers.push(o.id);
    }
    await trx
      .insertInto('meta')
      .values({ key: hashKey, value: hash })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
      .execute();
  }

  // Around today, and from each trip's first day (the schedule covers a fortnight from the day before).
  const byId = new Map([now, ...tripStarts].flatMap((day) => scheduleEvents(files.eventTemplates, day, city.timezone)).map((e) => [e.id, e]));
  const scheduled = [...byId.values()];
  for (const e of scheduled) {
    const inserted = await trx
      .insertInto('events')
      .values({
        id: e.id,
        agency_id: DEMO_AGENCY.id,
        place_id: e.placeId,
        template_id: e.templateId,
        title: e.title,
        kind: e.kind,
        tags: JSON.stringify(e.tags),
        starts_at: e.startsAt.toISOString(),
        ends_at: e.endsAt.toISOString(),
        capacity: e.capacity,
        seats_left: e.capacity,
        price: e.price,
        currency: e.currency,
        updated_at: stamp,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    report.written.events.push(...inserted.map((r) => r.id));
    report.eventsScheduled++;
  }

  // A promoted demo offer keeps a promotion running, its window moved on from today at every start like the
  // events' dates, so the demo never shows an expired one; one the agency archived or is editing is left be.
  const window = { starts_at: new Date(now.getTime() - DAY_MS).toISOString(), ends_at: new Date(now.getTime() + (ITEM_LIMITS.maxPromotionDays - 1) * DAY_MS).toISOString() };
  for (const o of files.offers.filter((offer) => offer.promoted)) {
    const id = `promo-${o.id}`;
    const written = await trx
      .insertInto('promotions')
      .values({ id, agency_id: DEMO_AGENCY.id, target_kind: 'offer', target_id: o.id, boost: 1, ...window, label: null, status: 'published', updated_at: stamp })
      .onConflict((oc) => oc.column('id').doUpdateSet(window).where('promotions.status', '=', 'published').where('promotions.draft', 'is', null))
      .returning('id')
      .execute();
    report.written.promotions.push(...written.map((r) => r.id));
  }

  // Seeded demo travellers: histories only (the history consent, nothing else), never signed in as.
  for (const demo of files.demoTravellers) {
    const traveller: SeededTraveller = {
      id: demo.id,
      name: `Demo traveller (${demo.archetype})`,
      locale: 'en',
      cityId: files.city.id,
      personaId: null,
      likes: [],
      dislikes: [],
      party: { adults: 1, childrenAges: [], accessibility: [] },
      budget: null,
      consents: { ...NO_CONSENTS, history: true },
      history: demo.history,
    };
    if (await seedTraveller(trx, traveller, stamp, now)) report.demoTravellersCreated++;
  }
}

type SeededTraveller = Pick<PersonaRecord, 'id' | 'name' | 'locale' | 'cityId' | 'likes' | 'dislikes' | 'party' | 'consents' | 'history'> & {
  personaId: string | null;
  budget: number | null;
};

const emptyProfileRow = { likes: '[]', dislikes: '[]', party: JSON.stringify(EMPTY_PROFILE.party), budget: null, onboarded_at: null };

/** Writes a persona or a demo traveller once, with its consents and history; false when it was already there. */
async function seedTraveller(trx: Db, t: SeededTraveller, stamp: string, now: Date): Promise<boolean> {
  const inserted = await trx
    .insertInto('travellers')
    .values({
      id: t.id,
      agency_id: DEMO_AGENCY.id,
      name: t.name,
      locale: t.locale,
      city_id: t.cityId,
      persona_id: t.personaId,
      // A profile is kept only under the profile consent, a seeded one too; a persona who gave it counts as
      // having answered the onboarding, one who did not is invited to it.
      ...(t.consents.profile ? { likes: JSON.stringify(t.likes), dislikes: JSON.stringify(t.dislikes), party: JSON.stringify(t.party), budget: t.budget, onboarded_at: stamp } : emptyProfileRow),
      created_at: stamp,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  for (const [category, granted] of Object.entries(t.consents)) {
    await trx
      .insertInto('consents')
      .values({ traveller_id: t.id, category, granted: granted ? 1 : 0, updated_at: stamp })
      .execute();
  }
  // Likes and visits are history data: without that consent they are not stored at all. A "been there"
  // is an instruction to the ranker and is kept like a dismissal (docs/RANKING.md, hard rules).
  const kept = t.history.filter((h) => t.consents.history || h.kind === 'been_there');
  if (kept.length > 0) {
    await trx
      .insertInto('interactions')
      .values(kept.map((h) => ({ traveller_id: t.id, place_id: h.placeId, kind: h.kind, at: new Date(now.getTime() - h.daysAgo * 86_400_000).toISOString() })))
      .execute();
  }
  return true;
}
