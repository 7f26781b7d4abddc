/** Small, realistic building blocks for unit tests: a Paris city, places near the Marais, a traveller. */
import { BookingDetails, NO_CONSENTS, type Booking, type Consents } from '@escale/shared';
import type { CatalogueEvent, City, Offer, Place, Promotion } from '../catalogue/model.ts';
import { PromotionIndex } from '../recommend/promotions.ts';
import { TravelGraph } from '../graph/travel-graph.ts';
import { buildContext, type Position, type Profile, type RankingContext, type Trip } from '../recommend/context.ts';
import type { Interaction } from '../travellers/model.ts';

export const PARIS: City = {
  id: 'paris',
  name: 'Paris',
  timezone: 'Europe/Paris',
  countryCode: 'fr',
  center: { lat: 48.8566, lon: 2.3522 },
  attribution: ['© OpenStreetMap contributors'],
};

/** Hôtel de Ville, a point everybody can place. */
export const HOTEL_DE_VILLE = { lat: 48.8566, lon: 2.3522 };

let counter = 0;
export function place(overrides: Partial<Place> = {}): Place {
  counter++;
  return {
    id: `osm:node/${1000 + counter}`,
    agencyId: 'demo',
    cityId: 'paris',
    name: `Place ${counter}`,
    category: 'restaurant',
    tags: [],
    lat: HOTEL_DE_VILLE.lat + 0.002,
    lon: HOTEL_DE_VILLE.lon,
    address: null,
    openingHours: 'Mo-Su 08:00-23:00',
    priceLevel: 2,
    rating: 4.2,
    reviewCount: 120,
    website: null,
    seeded: ['rating', 'reviewCount', 'priceLevel'],
    ...overrides,
  };
}

export function event(at: Place, overrides: Partial<CatalogueEvent> = {}): CatalogueEvent {
  counter++;
  return {
    id: `evt-${counter}`,
    agencyId: 'demo',
    placeId: at.id,
    title: `Event ${counter}`,
    kind: 'concert',
    tags: ['jazz'],
    startsAt: new Date('2026-11-24T19:30:00Z'),
    endsAt: new Date('2026-11-24T21:30:00Z'),
    capacity: 80,
    seatsLeft: 80,
    price: 20,
    currency: 'EUR',
    ...overrides,
  };
}

export function offer(at: Place, overrides: Partial<Offer> = {}): Offer {
  counter++;
  return {
    id: `offer-${counter}`,
    agencyId: 'demo',
    placeId: at.id,
    title: `Offer ${counter}`,
    description: '',
    price: 30,
    currency: 'EUR',
    seatsTotal: 10,
    seatsLeft: 10,
    tags: [],
    saleStartsAt: null,
    saleEndsAt: null,
    ...overrides,
  };
}

/** A promotion by the demo agency, running all of 2026 unless told otherwise. */
export function promotion(target: Promotion['target'], overrides: Partial<Promotion> = {}): Promotion {
  counter++;
  return { id: `promo-${counter}`, agencyId: 'demo', target, boost: 1, startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: new Date('2027-01-01T00:00:00Z'), label: null, ...overrides };
}

export function graphOf(parts: { places: Place[]; events?: CatalogueEvent[]; offers?: Offer[]; promotions?: Promotion[]; interactions?: Interaction[] }): TravelGraph {
  return TravelGraph.build(
    {
      agencies: [{ id: 'demo', name: 'Demo' }],
      cities: [PARIS],
      places: parts.places,
      archivedPlaces: [],
      events: parts.events ?? [],
      offers: parts.offers ?? [],
      promotions: parts.promotions ?? [],
      withdrawn: { events: [], offers: [], promotions: [] },
    },
    parts.interactions ?? [],
  );
}

/** A confirmed booking in Paris, typed by hand; `venue` places it on the map. */
export function booking(id: string, kind: Booking['kind'], startsAt: string, endsAt: string | null, venue?: { name: string; lat: number; lon: number }): Booking {
  return bookingFixture(id, kind, startsAt, endsAt, venue ? { venue: { ...venue, code: null, address: null } } : {});
}

export const ALL_CONSENTS: Consents = { location: true, history: true, profile: true, wallet: true };

export function context(
  overrides: {
    now?: Date;
    consents?: Consents;
    nonProfiled?: boolean;
    position?: Position | null;
    profile?: Partial<Profile>;
    history?: Interaction[];
    trip?: Trip | null;
    exclusions?: string[];
    promotions?: Promotion[];
  } = {},
): RankingContext {
  const promotions = new PromotionIndex();
  for (const p of overrides.promotions ?? []) promotions.upsert(p);
  const now = overrides.now ?? new Date('2026-11-24T17:00:00Z'); // 18:00 in Paris, a Tuesday
  return buildContext(
    {
      travellerId: 't1',
      twinId: null,
      city: PARIS,
      now,
      consents: overrides.consents ?? ALL_CONSENTS,
      nonProfiled: overrides.nonProfiled ?? false,
      agencyName: 'Demo',
      promotions: promotions.of('demo'),
    },
    {
      position: () => (overrides.position === undefined ? { ...HOTEL_DE_VILLE, at: now } : overrides.position),
      profile: () => ({ likes: [], dislikes: [], party: { adults: 1, childrenAges: [], accessibility: [] }, budget: 2, ...overrides.profile }),
      history: () => overrides.history ?? [],
      trip: () => overrides.trip ?? null,
      exclusions: () => new Set(overrides.exclusions ?? []),
    },
  );
}

export { NO_CONSENTS };

/** A confirmed booking typed by hand, in Paris's zone unless told; details only where a test needs them. */
export function bookingFixture(id: string, kind: Booking['kind'], startsAt: string, endsAt: string | null, details: Partial<BookingDetails> = {}, timezone = 'Europe/Paris'): Booking {
  return { id, kind, title: id, placeId: null, startsAt, endsAt, timezone, source: 'manual', status: 'confirmed', details: BookingDetails.parse(details) };
}
