/**
 * Events, offers and promotions as rows and as the console's fields: one codec per kind, so that the
 * editing logic (items.ts) is written once for the three. A codec says how a row reads as fields, which
 * columns the fields are written to, what the table sorts and searches on, and what the item refers to.
 */
import {
  type Currency,
  type EventFields,
  EventFields as EventFieldsSchema,
  type EventKind,
  type OfferFields,
  OfferFields as OfferFieldsSchema,
  type PromotionFields,
  PromotionFields as PromotionFieldsSchema,
  type CatalogueItemKind,
  EventCreate,
  EventEdit,
  OfferCreate,
  OfferEdit,
  PromotionCreate,
  PromotionEdit,
} from '@escale/shared';
import type { z } from 'zod';
import type { Database } from '../../store/schema.ts';

type Row<T extends keyof Database> = Database[T] extends infer R ? { [K in keyof R]: R[K] extends import('kysely').Generated<infer G> ? G : R[K] } : never;
export type EventRow = Row<'events'>;
export type OfferRow = Row<'offers'>;
export type PromotionRow = Row<'promotions'>;

export interface ItemCodec<F extends object, R> {
  kind: CatalogueItemKind;
  /** Id prefix of the items made in the console (a template's events keep their own ids). */
  prefix: string;
  /** The whole item's rules (an edit is merged into the current fields, then checked whole). */
  fields: z.ZodType<F>;
  create: z.ZodType<F, unknown>;
  edit: z.ZodType<Partial<F>, unknown>;
  fieldsOfRow(row: R): F;
  columnsOf(fields: F): Partial<R>;
  /** Columns the table's query reads: what `title` and `starts` sort on, what `upcoming` means. */
  titleColumn: string;
  startsColumn: string;
  /** Still to come at `now`: the column that ends it, or null when it has no end. */
  endsColumn: string;
  endless: boolean;
}

const json = <T>(text: string): T => JSON.parse(text) as T;

export const EVENTS: ItemCodec<EventFields, EventRow> = {
  kind: 'events',
  prefix: 'event',
  fields: EventFieldsSchema,
  create: EventCreate,
  edit: EventEdit,
  fieldsOfRow: (e) => ({
    placeId: e.place_id,
    title: e.title,
    kind: e.kind as EventKind,
    tags: json<string[]>(e.tags),
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    capacity: e.capacity,
    price: e.price,
    currency: e.currency as Currency,
  }),
  columnsOf: (f) => ({
    place_id: f.placeId,
    title: f.title,
    kind: f.kind,
    tags: JSON.stringify(f.tags),
    starts_at: new Date(f.startsAt).toISOString(),
    ends_at: new Date(f.endsAt).toISOString(),
    capacity: f.capacity,
    price: f.price,
    currency: f.currency,
  }),
  titleColumn: 'title',
  startsColumn: 'starts_at',
  endsColumn: 'ends_at',
  endless: false,
};

export const OFFERS: ItemCodec<OfferFields, OfferRow> = {
  kind: 'offers',
  prefix: 'offer',
  fields: OfferFieldsSchema,
  create: OfferCreate,
  edit: OfferEdit,
  fieldsOfRow: (o) => ({
    placeId: o.place_id,
    title: o.title,
    description: o.description,
    price: o.price,
    currency: o.currency as Currency,
    seats: o.seats_total,
    saleStartsAt: o.sale_starts_at,
    saleEndsAt: o.sale_ends_at,
    tags: json<string[]>(o.tags),
  }),
  columnsOf: (f) => ({
    place_id: f.placeId,
    title: f.title,
    description: f.description,
    price: f.price,
    currency: f.currency,
    seats_total: f.seats,
    sale_starts_at: f.saleStartsAt === null ? null : new Date(f.saleStartsAt).toISOString(),
    sale_ends_at: f.saleEndsAt === null ? null : new Date(f.saleEndsAt).toISOString(),
    tags: JSON.stringify(f.tags),
  }),
  titleColumn: 'title',
  startsColumn: 'sale_starts_at',
  endsColumn: 'sale_ends_at',
  endless: true,
};

export const PROMOTIONS: ItemCodec<PromotionFields, PromotionRow> = {
  kind: 'promotions',
  prefix: 'promo',
  fields: PromotionFieldsSchema,
  create: PromotionCreate,
  edit: PromotionEdit,
  fieldsOfRow: (p) => ({
    target: { kind: p.target_kind as PromotionFields['target']['kind'], id: p.target_id },
    boost: p.boost,
    startsAt: p.starts_at,
    endsAt: p.ends_at,
    label: p.label,
  }),
  columnsOf: (f) => ({
    target_kind: f.target.kind,
    target_id: f.target.id,
    boost: f.boost,
    starts_at: new Date(f.startsAt).toISOString(),
    ends_at: new Date(f.endsAt).toISOString(),
    label: f.label,
  }),
  titleColumn: 'label',
  startsColumn: 'starts_at',
  endsColumn: 'ends_at',
  endless: false,
};

/** The fields whose values differ (compared as JSON: tags and targets are arrays and objects). */
export function changedKeys<F extends object>(before: F, after: F): string[] {
  return (Object.keys(after) as (keyof F)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map(String);
}
