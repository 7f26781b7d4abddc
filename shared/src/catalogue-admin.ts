/**
 * The agency console's catalogue: places as an editor sees them (with their status and unpublished
 * changes), the table's query, edits, publishing, and the importer's report (CSV, GeoJSON, OpenStreetMap XML
 * and PBF). The importer's limits are here so that the console can say them before an upload.
 */
import { z } from 'zod';
import { PlaceId } from './catalogue.ts';
import { CategoryId, Tag } from './categories.ts';
import { Latitude, Longitude } from './geo.ts';
import { TimeZone } from './time.ts';
import { IMPORT_REASON_CODES } from './import-reasons.ts';

export const CATALOGUE_IMPORT_LIMITS = {
  /** The file as uploaded (HTTP) or read (command line). */
  maxBytes: 64 * 1024 * 1024,
  /** A compressed file (`.osm.bz2`) once unpacked: a bomb is stopped here, not in memory. */
  maxUnpackedBytes: 1024 * 1024 * 1024,
  /** Places one import may create or update. */
  maxPlaces: 250_000,
  /** Rows listed per section of a report (the counts are always complete). */
  maxListedRows: 500,
} as const;

export const PlaceStatus = z.enum(['draft', 'published', 'archived']);
export type PlaceStatus = z.infer<typeof PlaceStatus>;

/** The fields an editor changes; a published place's changes wait as a draft until the agency publishes. */
export const EDITABLE_PLACE_FIELDS = ['name', 'category', 'tags', 'lat', 'lon', 'address', 'openingHours', 'website', 'priceLevel'] as const;
export type EditablePlaceField = (typeof EDITABLE_PLACE_FIELDS)[number];

const Name = z.string().trim().min(1, 'a place needs a name').max(200);
const Address = z.string().trim().min(1).max(300).nullable();
const OpeningHours = z.string().trim().min(1).max(500).nullable();
const Website = z
  .url({ protocol: /^https?$/, error: 'a website is an http(s) address' })
  .max(500)
  .nullable();

export const PlaceFields = z.object({
  name: Name,
  category: CategoryId,
  tags: z.array(Tag).max(32),
  lat: Latitude,
  lon: Longitude,
  address: Address,
  /** OpenStreetMap `opening_hours` syntax; the server refuses a string its evaluator cannot read. */
  openingHours: OpeningHours,
  website: Website,
  /** 1 (€) to 4 (€€€€), the agency's word; null when unknown. An import never changes it (files have none). */
  priceLevel: z.number().int().min(1).max(4).nullable(),
});
export type PlaceFields = z.infer<typeof PlaceFields>;

export const PlaceEdit = PlaceFields.partial().refine((e) => Object.keys(e).length > 0, 'change at least one field');
export type PlaceEdit = z.infer<typeof PlaceEdit>;

export const PlaceCreate = PlaceFields.extend({
  tags: z.array(Tag).max(32).default([]),
  address: Address.default(null),
  openingHours: OpeningHours.default(null),
  website: Website.default(null),
  priceLevel: z.number().int().min(1).max(4).nullable().default(null),
});
export type PlaceCreate = z.infer<typeof PlaceCreate>;

export const AdminPlace = PlaceFields.extend({
  id: PlaceId,
  externalId: z.string(),
  cityId: z.string(),
  status: PlaceStatus,
  /** The fields changed since the last publication (empty when nothing waits). */
  pending: z.array(z.enum(EDITABLE_PLACE_FIELDS)),
  /** The version travellers see, when `pending` is not empty (the fields above are the edited version). */
  published: PlaceFields.nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type AdminPlace = z.infer<typeof AdminPlace>;

export const PLACE_SORTS = ['name', 'category', 'status', 'updated'] as const;
export const PLACE_PAGE_SIZE_MAX = 200;

/** The table's query string: filter, sort, page (every field optional). */
export const AdminPlaceQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: CategoryId.optional(),
  status: z.enum(['draft', 'published', 'archived', 'pending']).optional(),
  sort: z.enum(PLACE_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PLACE_PAGE_SIZE_MAX).default(50),
  /** A map's view: west,south,east,north; the page then holds the places inside it. */
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'bbox is west,south,east,north')
    .optional(),
});
export type AdminPlaceQuery = z.infer<typeof AdminPlaceQuery>;

export const AdminPlaceList = z.object({
  places: z.array(AdminPlace),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Places with something to publish (new drafts and edited published places), in the whole catalogue. */
  toPublish: z.number().int(),
  cities: z.array(z.object({ id: z.string(), name: z.string(), center: z.object({ lat: Latitude, lon: Longitude }) })),
});
export type AdminPlaceList = z.infer<typeof AdminPlaceList>;

/** What was published: the places', events', offers' and promotions' ids (a selection of places publishes places only). */
export const PublishResult = z.object({ published: z.number().int(), placeIds: z.array(PlaceId), events: z.array(z.string()), offers: z.array(z.string()), promotions: z.array(z.string()) });
export type PublishResult = z.infer<typeof PublishResult>;

export const CatalogueFormat = z.enum(['osm-pbf', 'osm-xml', 'geojson', 'csv']);
export type CatalogueFormat = z.infer<typeof CatalogueFormat>;

/**
 * Which city the imported places belong to: an existing one (`city`), a new one (`cityName` and
 * `timezone`), or, with neither, the agency's city nearest to the file's places (within 50 km).
 */
export const CatalogueImportTarget = z.object({
  mode: z.enum(['dry-run', 'apply']),
  city: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
  cityName: z.string().trim().min(1).max(100).optional(),
  timezone: TimeZone.optional(),
  country: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  /** The dry run's `planDigest`: applying refuses (409) if the plan changed since the editor saw it. */
  expect: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
});
export type CatalogueImportTarget = z.infer<typeof CatalogueImportTarget>;

const ImportedRow = z.object({ externalId: z.string(), name: z.string(), category: CategoryId });
export const CatalogueImportReport = z.object({
  file: z.string(),
  format: CatalogueFormat,
  mode: z.enum(['dry-run', 'applied']),
  city: z.object({ id: z.string(), name: z.string(), timezone: z.string(), isNew: z.boolean() }),
  counts: z.object({
    /** Elements (OSM) or rows (CSV, GeoJSON features) read. */
    read: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    /** Elements that are not places at all (a street, an untagged node): counted by reason, never listed. */
    ignored: z.number().int(),
    /** Places kept with a change (an unreadable opening_hours dropped). */
    warnings: z.number().int(),
  }),
  /** What was left out as not a place, by reason code (`importReasonText` words it). */
  ignored: z.partialRecord(z.enum(IMPORT_REASON_CODES), z.number().int()),
  created: z.array(ImportedRow),
  updated: z.array(ImportedRow.extend({ changes: z.array(z.string()) })),
  /** Each with its reason as a code and values (for the reader's language) and in English (`reason`). */
  rejected: z.array(z.object({ ref: z.string(), name: z.string().nullable(), code: z.enum(IMPORT_REASON_CODES), values: z.record(z.string(), z.union([z.string(), z.number()])), reason: z.string() })),
  warnings: z.array(
    z.object({ ref: z.string(), name: z.string().nullable(), code: z.enum(IMPORT_REASON_CODES), values: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() }),
  ),
  /** Whether a list above was cut at CATALOGUE_IMPORT_LIMITS.maxListedRows (its count is still whole). */
  truncated: z.boolean(),
  planDigest: z.string(),
  ms: z.number(),
});
export type CatalogueImportReport = z.infer<typeof CatalogueImportReport>;

/** Places picked in the table (archive, restore, publish a selection). */
export const PlaceIdsBody = z.object({ ids: z.array(PlaceId).min(1).max(1000) });
export type PlaceIdsBody = z.infer<typeof PlaceIdsBody>;

/** Publish everything waiting (no body), only the places named (`ids`), or only what waits of some kinds (`kinds`). */
export const PublishBody = z
  .object({
    ids: z.array(PlaceId).min(1).max(1000).optional(),
    kinds: z
      .array(z.enum(['places', 'events', 'offers', 'promotions']))
      .min(1)
      .max(4)
      .optional(),
  })
  .refine((b) => !(b.ids && b.kinds), 'name places or kinds, not both');
export type PublishBody = z.infer<typeof PublishBody>;

export const PlaceChangeResult = z.object({ changed: z.array(PlaceId) });
export type PlaceChangeResult = z.infer<typeof PlaceChangeResult>;

/**
 * The import's answer as it happens, when the console asks for it (`Accept: application/x-ndjson`): one
 * JSON object per line, progress first (bytes read, then places compared and written), then the report or
 * the refusal. Without that header the route answers with the report alone.
 */
export const ImportProgressLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), phase: z.enum(['reading', 'comparing', 'writing']), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('report'), report: CatalogueImportReport }),
  z.object({ type: z.literal('error'), status: z.number().int(), error: z.object({ code: z.string(), reason: z.string().optional(), message: z.string() }) }),
]);
export type ImportProgressLine = z.infer<typeof ImportProgressLine>;
