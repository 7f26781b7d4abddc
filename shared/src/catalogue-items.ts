/**
 * The console's events, offers and promotions: what an editor fills in, how the table lists them, and the
 * rules that keep them sensible (an event ends after it starts, a sale window is a window, a promotion is
 * a bounded boost for a bounded time). Like places (catalogue-admin.ts), each is a draft until the agency
 * publishes, and a published one's edits wait until the next publication; archived ones are kept for the
 * bookings that name them and suggested to nobody.
 */
import { z } from 'zod';
import { EventKind, PlaceId } from './catalogue.ts';
import { CategoryId, Tag } from './categories.ts';
import { PlaceStatus } from './catalogue-admin.ts';

export const CATALOGUE_ITEM_KINDS = ['events', 'offers', 'promotions'] as const;
export const CatalogueItemKind = z.enum(CATALOGUE_ITEM_KINDS);
export type CatalogueItemKind = z.infer<typeof CatalogueItemKind>;

/**
 * The currencies a price may be in: those of the countries whose cities Escale knows (and the pound and the
 * dollar, which agencies sell in). A price is never converted; see PRICE_LEVEL_BOUNDS for the budget.
 */
export const CURRENCIES = ['EUR', 'CHF', 'GBP', 'USD'] as const;
export const Currency = z.enum(CURRENCIES);
export type Currency = z.infer<typeof Currency>;

/**
 * The highest price per person of price levels 1, 2 and 3 in each currency (above the last: level 4), so a
 * price compares with a traveller's budget (1 = € … 4 = €€€€) in its own currency, without an exchange rate
 * that would go stale offline. Product figures, rounded to what a traveller would call the same level.
 */
export const PRICE_LEVEL_BOUNDS: Record<Currency, readonly [number, number, number]> = {
  EUR: [15, 40, 80],
  CHF: [15, 40, 80],
  GBP: [13, 35, 70],
  USD: [16, 45, 90],
};

/** A price's level (0 = free) in its currency, for the budget signal and the hard budget rule. */
export function priceLevelOfPrice(amount: number, currency: Currency): number {
  if (amount <= 0) return 0;
  const [one, two, three] = PRICE_LEVEL_BOUNDS[currency];
  if (amount <= one) return 1;
  if (amount <= two) return 2;
  if (amount <= three) return 3;
  return 4;
}

export const ITEM_LIMITS = {
  /** The longest an event may last (an exhibition runs for months, not years). */
  maxEventDays: 366,
  /** The longest a promotion may run: a promotion is an occasion, not a permanent state. */
  maxPromotionDays: 92,
  maxPrice: 100_000,
  maxSeats: 100_000,
  maxLabel: 60,
} as const;

const DAY_MS = 86_400_000;
const Title = z.string().trim().min(1, 'a title is needed').max(200);
const Instant = z.iso.datetime({ offset: true });
const Price = z.number().min(0).max(ITEM_LIMITS.maxPrice);
const after = (from: string, to: string) => Date.parse(to) > Date.parse(from);
const within = (from: string, to: string, days: number) => Date.parse(to) - Date.parse(from) <= days * DAY_MS;

const EventShape = z.object({
  placeId: PlaceId,
  title: Title,
  kind: EventKind,
  tags: z.array(Tag).max(16),
  startsAt: Instant,
  endsAt: Instant,
  capacity: z.number().int().min(1).max(ITEM_LIMITS.maxSeats),
  price: Price,
  currency: Currency,
});
const eventRules = <T extends z.ZodType<Partial<z.infer<typeof EventShape>>>>(schema: T) =>
  schema
    .refine((e) => !e.startsAt || !e.endsAt || after(e.startsAt, e.endsAt), { message: 'an event ends after it starts', path: ['endsAt'] })
    .refine((e) => !e.startsAt || !e.endsAt || within(e.startsAt, e.endsAt, ITEM_LIMITS.maxEventDays), {
      message: `an event lasts at most ${ITEM_LIMITS.maxEventDays} days`,
      path: ['endsAt'],
    });
export const EventFields = eventRules(EventShape);
export type EventFields = z.infer<typeof EventShape>;

const OfferShape = z.object({
  placeId: PlaceId,
  title: Title,
  description: z.string().trim().max(1000),
  price: Price,
  currency: Currency,
  /** Seats on sale in all; those sold stay sold (an edit may not go below them). */
  seats: z.number().int().min(1).max(ITEM_LIMITS.maxSeats),
  /** When it may be booked; null: from its publication, or until it is archived. */
  saleStartsAt: Instant.nullable(),
  saleEndsAt: Instant.nullable(),
  tags: z.array(Tag).max(16),
});
const offerRules = <T extends z.ZodType<Partial<z.infer<typeof OfferShape>>>>(schema: T) =>
  schema.refine((o) => !o.saleStartsAt || !o.saleEndsAt || after(o.saleStartsAt, o.saleEndsAt), { message: 'a sale ends after it starts', path: ['saleEndsAt'] });
export const OfferFields = offerRules(OfferShape);
export type OfferFields = z.infer<typeof OfferShape>;

export const PromotionTarget = z.object({ kind: z.enum(['place', 'event', 'offer']), id: z.string().min(1).max(200) });
export type PromotionTarget = z.infer<typeof PromotionTarget>;

/** The smallest and largest boost: a share of the agency signal's weight, itself capped by the promotion lift. */
export const PROMOTION_BOOST = { min: 0.1, max: 1 } as const;

const PromotionShape = z.object({
  target: PromotionTarget,
  boost: z.number().min(PROMOTION_BOOST.min).max(PROMOTION_BOOST.max),
  startsAt: Instant,
  endsAt: Instant,
  /** The agency's words beside "Promoted by <agency>" ("Autumn tasting week"); plain text, never markup. */
  label: z
    .string()
    .trim()
    .min(1)
    .max(ITEM_LIMITS.maxLabel)
    .regex(/^[^<>]*$/, 'a label is plain text')
    .nullable(),
});
const promotionRules = <T extends z.ZodType<Partial<z.infer<typeof PromotionShape>>>>(schema: T) =>
  schema
    .refine((p) => !p.startsAt || !p.endsAt || after(p.startsAt, p.endsAt), { message: 'a promotion ends after it starts', path: ['endsAt'] })
    .refine((p) => !p.startsAt || !p.endsAt || within(p.startsAt, p.endsAt, ITEM_LIMITS.maxPromotionDays), {
      message: `a promotion runs for at most ${ITEM_LIMITS.maxPromotionDays} days`,
      path: ['endsAt'],
    });
export const PromotionFields = promotionRules(PromotionShape);
export type PromotionFields = z.infer<typeof PromotionShape>;

const someField = (e: object) => Object.keys(e).length > 0;
/** An edit: any of the fields; the rules apply to the result (the server checks the whole item again). */
export const EventEdit = eventRules(EventShape.partial().strict()).refine(someField, 'change at least one field');
export const OfferEdit = offerRules(OfferShape.partial().strict()).refine(someField, 'change at least one field');
export const PromotionEdit = promotionRules(PromotionShape.partial().strict()).refine(someField, 'change at least one field');
export type EventEdit = z.infer<typeof EventEdit>;
export type OfferEdit = z.infer<typeof OfferEdit>;
export type PromotionEdit = z.infer<typeof PromotionEdit>;

export const EventCreate = eventRules(EventShape.extend({ tags: z.array(Tag).max(16).default([]), currency: Currency.default('EUR') }).strict());
export const OfferCreate = offerRules(
  OfferShape.extend({
    description: z.string().trim().max(1000).default(''),
    currency: Currency.default('EUR'),
    saleStartsAt: Instant.nullable().default(null),
    saleEndsAt: Instant.nullable().default(null),
    tags: z.array(Tag).max(16).default([]),
  }).strict(),
);
export const PromotionCreate = promotionRules(PromotionShape.extend({ label: PromotionShape.shape.label.default(null) }).strict());
export type EventCreate = z.infer<typeof EventCreate>;
export type OfferCreate = z.infer<typeof OfferCreate>;
export type PromotionCreate = z.infer<typeof PromotionCreate>;

/** Where an item is had: its place (an event's, an offer's, what a promotion promotes), for the table and the map. */
export const ItemWhere = z.object({ placeId: z.string(), name: z.string(), category: CategoryId, lat: z.number(), lon: z.number() });
export type ItemWhere = z.infer<typeof ItemWhere>;

const itemMeta = {
  id: z.string(),
  where: ItemWhere.nullable(),
  status: PlaceStatus,
  /** The fields changed since the last publication (empty when nothing waits). */
  pending: z.array(z.string()),
  updatedAt: Instant,
};
export const AdminEvent = EventShape.extend({
  ...itemMeta,
  seatsLeft: z.number().int(),
  /** Generated from a recurring demo template (data/<city>/events.json), or made in the console. */
  fromTemplate: z.boolean(),
  published: EventShape.nullable(),
});
export type AdminEvent = z.infer<typeof AdminEvent>;
export const AdminOffer = OfferShape.extend({ ...itemMeta, seatsLeft: z.number().int(), published: OfferShape.nullable() });
export type AdminOffer = z.infer<typeof AdminOffer>;
export const AdminPromotion = PromotionShape.extend({
  ...itemMeta,
  /** What is promoted, by name (the place's name, the event's or offer's title); null when it is gone. */
  targetTitle: z.string().nullable(),
  /** Whether travellers see it now: published, and now within its window. */
  running: z.boolean(),
  published: PromotionShape.nullable(),
});
export type AdminPromotion = z.infer<typeof AdminPromotion>;

export const ITEM_SORTS = ['title', 'starts', 'status', 'updated'] as const;
export const ITEM_PAGE_SIZE_MAX = 200;

/** The table's query string: filter, sort, page. `starts`: an event's start, an offer's sale, a promotion's window. */
export const AdminItemQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['draft', 'published', 'archived', 'pending']).optional(),
  placeId: PlaceId.optional(),
  /** Events: only those not yet over (the default), or all. */
  when: z.enum(['upcoming', 'all']).default('upcoming'),
  sort: z.enum(ITEM_SORTS).default('starts'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(ITEM_PAGE_SIZE_MAX).default(50),
});
export type AdminItemQuery = z.infer<typeof AdminItemQuery>;

const page = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), toPublish: z.number().int() };
export const AdminEventList = z.object({ items: z.array(AdminEvent), ...page });
export const AdminOfferList = z.object({ items: z.array(AdminOffer), ...page });
export const AdminPromotionList = z.object({ items: z.array(AdminPromotion), ...page });
export type AdminEventList = z.infer<typeof AdminEventList>;
export type AdminOfferList = z.infer<typeof AdminOfferList>;
export type AdminPromotionList = z.infer<typeof AdminPromotionList>;

/** Items picked in a table (archive, restore). */
export const ItemIdsBody = z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(1000) });
export type ItemIdsBody = z.infer<typeof ItemIdsBody>;
export const ItemChangeResult = z.object({ changed: z.array(z.string()) });
export type ItemChangeResult = z.infer<typeof ItemChangeResult>;
