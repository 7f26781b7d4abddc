/**
 * The demo catalogue and personas of `data/`, put together in memory the way the server seeds them, for
 * one scenario: events scheduled around the scenario's day, sold-out items emptied, the traveller built
 * from a persona and the scenario's overrides, the other personas and the seeded demo travellers present as
 * other travellers.
 */
import path from 'node:path';
import type { City, Catalogue, CatalogueEvent, Offer, Place, Promotion } from '../../server/src/catalogue/model.ts';
import { loadCatalogueFiles, type CatalogueFiles } from '../../server/src/catalogue/load-files.ts';
import { scheduleEvents } from '../../server/src/catalogue/event-schedule.ts';
import { DEMO_AGENCY } from '../../server/src/catalogue/seed.ts';
import type { Interaction, Traveller } from '../../server/src/travellers/model.ts';
import type { DemoTravellerRecord, PersonaRecord } from '../../shared/src/index.ts';
import type { Scenario } from '../../shared/src/eval-scenario.ts';
import type { CatalogueLookup } from './properties.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function loadParisFiles(): CatalogueFiles {
  return loadCatalogueFiles(path.join(ROOT, 'data/paris'), path.join(ROOT, 'data/personas.json'));
}

export function cityOf(files: CatalogueFiles): City {
  const { id, name, timezone, countryCode, center, attribution } = files.city;
  return { id, name, timezone, countryCode: countryCode ?? null, center, attribution };
}

export function parisPlaces(files: CatalogueFiles): Place[] {
  return files.places.map(({ source: _source, ...p }) => ({ ...p, agencyId: DEMO_AGENCY.id, cityId: files.city.id }));
}

/** The catalogue as the server would hold it at `now`; `soldOut` lists event template ids and offer ids. */
export function catalogueAt(files: CatalogueFiles, places: Place[], now: Date, soldOut: readonly string[] = []): Catalogue {
  const empty = new Set(soldOut);
  const events: CatalogueEvent[] = scheduleEvents(files.eventTemplates, now, files.city.timezone).map(({ templateId, ...e }) => ({
    ...e,
    agencyId: DEMO_AGENCY.id,
    seatsLeft: empty.has(templateId) ? 0 : e.capacity,
  }));
  const offers: Offer[] = files.offers.map((o) => ({
    id: o.id,
    agencyId: DEMO_AGENCY.id,
    placeId: o.placeId,
    title: o.title,
    description: o.description,
    price: o.priceEur,
    currency: 'EUR',
    seatsTotal: o.seats,
    seatsLeft: empty.has(o.id) ? 0 : o.seats,
    tags: o.tags,
    saleStartsAt: null,
    saleEndsAt: null,
  }));
  // As the seed keeps them: a promoted demo offer's promotion runs around now.
  const promotions: Promotion[] = files.offers
    .filter((o) => o.promoted)
    .map((o) => ({
      id: `promo-${o.id}`,
      agencyId: DEMO_AGENCY.id,
      target: { kind: 'offer', id: o.id },
      boost: 1,
      startsAt: new Date(now.getTime() - DAY_MS),
      endsAt: new Date(now.getTime() + 91 * DAY_MS),
      label: null,
    }));
  return { agencies: [{ ...DEMO_AGENCY }], cities: [cityOf(files)], places, archivedPlaces: [], events, offers, promotions, withdrawn: { events: [], offers: [], promotions: [] } };
}

export function lookupOf(catalogue: Catalogue): CatalogueLookup {
  const places = new Map(catalogue.places.map((p) => [p.id, p]));
  const events = new Map(catalogue.events.map((e) => [e.id, e]));
  const offers = new Map(catalogue.offers.map((o) => [o.id, o]));
  const promoted = new Set(catalogue.promotions.map((p) => `${p.target.kind}:${p.target.id}`));
  return { place: (id) => places.get(id), event: (id) => events.get(id), offer: (id) => offers.get(id), promoted: (kind, id) => promoted.has(`${kind}:${id}`) };
}

const DAY_MS = 86_400_000;

/** Like the seed: likes and visits are kept only with the history consent; instructions always. */
function storedHistory(travellerId: string, entries: { placeId: string; kind: Interaction['kind']; daysAgo: number }[], historyConsent: boolean, now: Date): Interaction[] {
  return entries
    .filter((h) => historyConsent || h.kind === 'been_there' || h.kind === 'dismissed')
    .map((h) => ({ travellerId, placeId: h.placeId, kind: h.kind, at: new Date(now.getTime() - h.daysAgo * DAY_MS) }));
}

export interface ScenarioTravellerSetup {
  traveller: Traveller;
  nonProfiled: boolean;
  /** The traveller's own interactions plus the other personas', as the demo database holds them. */
  interactions: Interaction[];
}

export function travellerFor(scenario: Scenario, personas: PersonaRecord[], cityId: string, now: Date, demoTravellers: readonly DemoTravellerRecord[] = []): ScenarioTravellerSetup {
  const t = scenario.traveller;
  const persona = personas.find((p) => p.id === t.personaId);
  if (!persona) throw new Error(`scenario ${scenario.id}: unknown persona ${t.personaId}`);
  const id = `eval-${scenario.id}`;
  const consents = { ...persona.consents, ...t.consents };
  const traveller: Traveller = {
    id,
    agencyId: DEMO_AGENCY.id,
    name: persona.name,
    locale: persona.locale,
    cityId,
    personaId: persona.id,
    likes: t.likes ?? persona.likes,
    dislikes: t.dislikes ?? persona.dislikes,
    party: t.party ?? persona.party,
    budget: t.budget === undefined ? persona.budget : t.budget,
    consents,
  };
  const own = [...(t.keepPersonaHistory ? persona.history : []), ...t.history];
  const others = personas.filter((p) => p.id !== persona.id).flatMap((p) => storedHistory(`persona-${p.id}`, p.history, p.consents.history, now));
  const demo = demoTravellers.flatMap((d) => storedHistory(d.id, d.history, true, now));
  return { traveller, nonProfiled: t.nonProfiled, interactions: [...storedHistory(id, own, consents.history, now), ...others, ...demo] };
}
