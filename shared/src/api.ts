/** REST payloads under /api: request bodies the server validates and responses the client validates. */
import { z } from 'zod';
import { CategoryId } from './categories.ts';
import { Consents } from './consent.ts';
import { HttpUrl } from './config.ts';
import { Latitude, Longitude } from './geo.ts';
import { TimeZone } from './time.ts';

export const ApiErrorCode = z.enum([
  'bad_request',
  'bad_json',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  /** A request body that is not JSON (415). */
  'unsupported_media_type',
  'rate_limited',
  /** A plain HTTP request to the WebSocket endpoint (426). */
  'upgrade_required',
  'demo_disabled',
  /** The data needs a consent the traveller has not given (the wallet's, for bookings): nothing was stored (403). */
  'consent_required',
  /** An import file refused whole (shared/src/wallet-import.ts IMPORT_REFUSALS): 413, 415 or 422. */
  'import_refused',
  /** An advisor's note for a traveller whose profile consent is off: nothing was stored (409). */
  'profile_consent_off',
  /** Not enough seats left on an offer: nothing was booked (409). */
  'sold_out',
  /** An offer outside its sale window, or no longer sold (archived): nothing was booked (409). */
  'not_on_sale',
  /** An Idempotency-Key already used with another request body (409). */
  'idempotency_conflict',
  'unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiError = z.object({
  error: z.object({
    code: ApiErrorCode,
    message: z.string(),
    /** For validation failures: where and what, one entry per problem. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const DemoSignInBody = z.object({ personaId: z.string().min(1).max(64) }).strict();
export type DemoSignInBody = z.infer<typeof DemoSignInBody>;

export const PersonaSummary = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), fr: z.string() }),
  summary: z.object({ en: z.string(), fr: z.string() }),
});
export type PersonaSummary = z.infer<typeof PersonaSummary>;
export const PersonaList = z.object({ personas: z.array(PersonaSummary) });

export const SessionInfo = z.object({
  traveller: z.object({
    id: z.string(),
    name: z.string(),
    cityId: z.string(),
    locale: z.enum(['en', 'fr']),
    startPosition: z.object({ lat: Latitude, lon: Longitude }).nullable(),
    /**
     * Whether the onboarding was answered or skipped: until then, the ideas screen invites to it. A session
     * kept on the phone before this field existed reads as answered (no invitation offline).
     */
    onboarded: z.boolean().default(true),
    /** The demo persona a visitor is a copy of (the demo plays that persona's trips); null for a real traveller. */
    personaId: z.string().nullable().default(null),
  }),
  consents: Consents,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

const CityInfo = z.object({
  id: z.string(),
  name: z.string(),
  timezone: TimeZone,
  center: z.object({ lat: Latitude, lon: Longitude }),
});

/** The city's offline basemap style, served by this server; null when none was built for the city. */
const OfflineStyleUrl = z
  .string()
  .regex(/^\/basemap\/[a-z-]+\/style\.json$/)
  .nullable();

/** A city the server holds: a traveller's map, clock and credits follow the one they are in. */
export const ClientCity = CityInfo.extend({ offlineStyleUrl: OfflineStyleUrl, attribution: z.array(z.string()) });
export type ClientCity = z.infer<typeof ClientCity>;

export const ClientConfig = z.object({
  demoMode: z.boolean(),
  /** The default city: where the map opens before the traveller's own city is known. */
  city: CityInfo,
  map: z.object({
    /** An online basemap style (MAP_STYLE_URL); null means the offline one below. */
    styleUrl: HttpUrl.nullable(),
    /**
     * The default city's offline basemap style (`/basemap/<city>/style.json`); null when none was built for
     * the city, and the map shows the places on a plain background.
     */
    offlineStyleUrl: OfflineStyleUrl,
    /** When set, the client renders with mapbox-gl instead of maplibre-gl. */
    mapboxToken: z.string().nullable(),
  }),
  attribution: z.array(z.string()),
  /** Every city held, the default one first. */
  cities: z.array(ClientCity).min(1).max(200),
});
export type ClientConfig = z.infer<typeof ClientConfig>;

/**
 * What the page carries for its script (a JSON data block, never executed): the answers of /api/config and
 * /api/session at the moment the page was served, so a returning traveller's first card does not wait for
 * two more round trips. The client validates it like any response and falls back to fetching.
 */
/** The id of the page's boot data element. */
export const BOOT_DATA_ELEMENT_ID = 'escale-boot';
export const BootData = z.object({ config: ClientConfig, session: SessionInfo.nullable() });
export type BootData = z.infer<typeof BootData>;

export const PlaceFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([Longitude, Latitude]) }),
  properties: z.object({ id: z.string(), name: z.string(), category: CategoryId }),
});
export const PlacesCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(PlaceFeature) });
export type PlacesCollection = z.infer<typeof PlacesCollection>;

export const CountsByType = z.record(z.string(), z.number().int().min(0));

/** The store's part of /api/health. */
export const StoreHealthReport = z.object({
  /** Which database: the embedded SQLite, or PostgreSQL (DATABASE_URL). */
  kind: z.enum(['sqlite', 'postgres']),
  /**
   * The integrity check at start: ok, or unfinished (timed out or could not run; the server started anyway);
   * not_applicable on PostgreSQL, which checks its own pages.
   */
  integrity: z.enum(['ok', 'unfinished', 'not_applicable']),
  /** Failures of the store since start: commits, writes after the turn, queries that threw in a handler. */
  errors: z.number().int().min(0),
  lastErrorAt: z.iso.datetime().nullable(),
  /** The database's code and message for the last one (names tables, never values). */
  lastError: z.string().nullable(),
});
export type StoreHealthReport = z.infer<typeof StoreHealthReport>;

/** The bus between instances (docs/SCALING.md): in-process (one instance) or Redis, and whether it is up. */
export const BusHealthReport = z.object({
  kind: z.enum(['in-process', 'redis']),
  /** false while Redis is unreachable: this instance serves its sockets and polls the change log. */
  connected: z.boolean(),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
});
export type BusHealthReport = z.infer<typeof BusHealthReport>;

/** Where this instance is in the change log: the last position applied, the log's head, the lag between. */
export const ChangeLogHealthReport = z.object({
  applied: z.number().int().min(0),
  head: z.number().int().min(0),
  lag: z.number().int().min(0),
  /** Entries that did not parse, skipped. */
  refused: z.number().int().min(0),
});
export type ChangeLogHealthReport = z.infer<typeof ChangeLogHealthReport>;

/**
 * Answered with HTTP 200 when `ok`, 503 when `degraded`: the store failed within the last minute, or cannot
 * be reached now. A bus that is down is reported (`bus.connected: false`) but is not degraded: the instance
 * still serves its own sockets and catches up through the change log.
 */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  catalogue: z.object({ places: z.number().int(), events: z.number().int(), offers: z.number().int() }),
  graph: z.object({ nodes: CountsByType, edges: CountsByType, totalNodes: z.number().int(), totalEdges: z.number().int() }),
  connections: z.number().int(),
  /** Live channel counters since start: error messages sent by code, slow consumers closed. */
  realtime: z.object({ errors: z.record(z.string(), z.number().int()), slowConsumers: z.number().int() }),
  store: StoreHealthReport,
  bus: BusHealthReport,
  /** Null while the store cannot be read. */
  changes: ChangeLogHealthReport.nullable(),
  /** What this instance's travel graph holds, hashed: replicas that applied the same log have the same digest. */
  graphDigest: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Sets the session's virtual clock (demo mode): a time and a speed (0 pauses), or back to real time. */
export const SessionClockBody = z.union([z.object({ at: z.iso.datetime({ offset: true }), speed: z.number().min(0).max(3600).default(1) }).strict(), z.object({ reset: z.literal(true) }).strict()]);
export type SessionClockBody = z.infer<typeof SessionClockBody>;
export const SessionClockInfo = z.object({ now: z.string(), virtual: z.boolean(), speed: z.number() });
export type SessionClockInfo = z.infer<typeof SessionClockInfo>;
