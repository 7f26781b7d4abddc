/**
 * The catalogue files in `data/` (places, event templates, offers, personas), validated on load by the
 * server and on write by the build script. Fields that the open sources lack and that we seed for the demo
 * are listed in `seeded` so nobody mistakes them for facts.
 */
import { z } from 'zod';
import { CategoryId, Tag } from './categories.ts';
import { Consents } from './consent.ts';
import { Latitude, Longitude } from './geo.ts';
import { TimeZone } from './time.ts';

/** Where a place's facts come from: the demo's open datasets, or an agency's own file (`csv`, `geojson`) or hand (`console`). */
export const SourceDataset = z.enum(['osm', 'museofile', 'cnc-cinemas', 'paris-markets', 'csv', 'geojson', 'console']);
export type SourceDataset = z.infer<typeof SourceDataset>;

/**
 * Stable ids: `<dataset>:<reference in that dataset>`, e.g. `osm:node/21396979`, `museofile:M5071`; a place an
 * agency imported or created adds `@<agency>` (`osm:node/21396979@acme`), so two agencies' copies of one
 * OSM place are two places.
 */
export const PlaceId = z
  .string()
  .max(200)
  .regex(/^[a-z-]+:[A-Za-z0-9/_.-]+(@[a-z0-9-]+)?$/, 'a place id is "<dataset>:<reference>", then "@<agency>" for an agency\'s own');

export const SeededField = z.enum(['rating', 'reviewCount', 'priceLevel', 'tags']);

export const PlaceRecord = z.object({
  id: PlaceId,
  source: z.object({ dataset: SourceDataset, ref: z.string().min(1) }),
  name: z.string().trim().min(1).max(200),
  category: CategoryId,
  tags: z.array(Tag).max(32),
  lat: Latitude,
  lon: Longitude,
  address: z.string().trim().min(1).max(300).nullable(),
  /** The OpenStreetMap `opening_hours` syntax, kept verbatim; null means "hours unknown", never "always open". */
  openingHours: z.string().trim().min(1).max(500).nullable(),
  /** 1 (€) to 4 (€€€€); null where it means nothing (a park). */
  priceLevel: z.number().int().min(1).max(4).nullable(),
  rating: z.number().min(1).max(5).nullable(),
  reviewCount: z.number().int().min(0),
  website: z.string().url().max(500).nullable(),
  /** Which of the fields above are demo values rather than facts from the source. */
  seeded: z.array(SeededField),
});
export type PlaceRecord = z.infer<typeof PlaceRecord>;

export const CityRecord = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  name: z.string().min(1),
  /** An IANA zone: every local time of the city (hours, events, meal windows) is computed in it. */
  timezone: TimeZone,
  /** ISO 3166-1 alpha-2, for public holidays in opening hours (`PH off`). */
  countryCode: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  center: z.object({ lat: Latitude, lon: Longitude }),
  /** Meal windows and quiet hours are local times of the city. */
  attribution: z.array(z.string().min(1)).min(1),
});
export type CityRecord = z.infer<typeof CityRecord>;

export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time is HH:MM');

export const EventKind = z.enum(['concert', 'screening', 'match', 'performance', 'exhibition', 'class']);
export type EventKind = z.infer<typeof EventKind>;

/**
 * Events are demo content scheduled relative to today (so the demo never goes stale): a template names a
 * real venue and recurring local start times; the server expands it into dated events at start.
 */
export const EventTemplate = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  placeId: PlaceId,
  title: z.string().min(1).max(200),
  kind: EventKind,
  tags: z.array(Tag).max(16),
  /** Days of the week it happens on, 0 = Sunday … 6 = Saturday (the city's local calendar). */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1),
  startLocal: LocalTime,
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
  capacity: z.number().int().min(1),
  priceEur: z.number().min(0),
});
export type EventTemplate = z.infer<typeof EventTemplate>;

export const OfferRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  placeId: PlaceId,
  title: z.string().min(1).max(200),
  description: z.string().max(1000),
  priceEur: z.number().min(0),
  seats: z.number().int().min(1).max(100_000),
  /** A promotion is always disclosed to travellers as such, with the agency's name. */
  promoted: z.boolean(),
  tags: z.array(Tag).max(16),
});
export type OfferRecord = z.infer<typeof OfferRecord>;

export const InterestRef = z.object({ kind: z.enum(['category', 'tag']), id: z.string().min(1) });
export type InterestRef = z.infer<typeof InterestRef>;

export const Party = z.object({
  adults: z.number().int().min(1).max(20),
  childrenAges: z.array(z.number().int().min(0).max(17)).max(10),
  accessibility: z.array(z.enum(['wheelchair', 'step-free', 'quiet'])),
});
export type Party = z.infer<typeof Party>;

export const PersonaRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** The name as each language says it ("The Martins", « Les Martin »), when it is not the same. */
  localName: z.object({ en: z.string().min(1), fr: z.string().min(1) }).optional(),
  summary: z.object({ en: z.string().min(1), fr: z.string().min(1) }),
  locale: z.enum(['en', 'fr']),
  cityId: z.string(),
  startPosition: z.object({ lat: Latitude, lon: Longitude }),
  likes: z.array(InterestRef),
  dislikes: z.array(InterestRef),
  party: Party,
  budget: z.number().int().min(1).max(4),
  consents: Consents,
  /** Past interactions (liked or visited places) that seed the taste signal. */
  history: z.array(z.object({ placeId: PlaceId, kind: z.enum(['liked', 'visited', 'been_there']), daysAgo: z.number().int().min(0) })),
});
export type PersonaRecord = z.infer<typeof PersonaRecord>;

/**
 * A seeded demo traveller (`data/<city>/demo-travellers.json`): not a person, a plausible history at real
 * places generated from a taste archetype (scripts/catalogue/demo-travellers.ts), so the taste walk has
 * other travellers to go through in the demo. Never signed in as; the data README says what they are.
 */
export const DemoTravellerRecord = z.object({
  id: z.string().regex(/^demo-traveller-[0-9]{3}$/),
  /** The archetype the history was drawn from ("natural wine and ramen"), for whoever reads the file. */
  archetype: z.string().min(1).max(80),
  history: z
    .array(z.object({ placeId: PlaceId, kind: z.enum(['liked', 'visited']), daysAgo: z.number().int().min(0).max(3650) }))
    .min(1)
    .max(40),
});
export type DemoTravellerRecord = z.infer<typeof DemoTravellerRecord>;
