/**
 * The agency's events, offers and promotions as the console edits them, every query scoped to the agency:
 * the table (filtered, sorted, paginated), creating a draft, editing (a draft directly, a published item
 * through a waiting draft, as places), discarding what is not published, archiving and restoring. An item
 * refers to a place (events, offers) or to a place, event or offer (promotions) of the same agency, checked
 * here; an offer's seats may not go below those already sold.
 */
import { randomUUID } from 'node:crypto';
import type { ItemWhere, AdminEvent, AdminItemQuery, AdminOffer, AdminPromotion, CatalogueItemKind, EventFields, OfferFields, PromotionFields } from '@escale/shared';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { HttpError } from '../../http/errors.ts';
import type { Db } from '../../store/db.ts';
import type { Database } from '../../store/schema.ts';
import { changedKeys, EVENTS, type EventRow, type ItemCodec, OFFERS, type OfferRow, PROMOTIONS, type PromotionRow } from './item-kinds.ts';

type AnyRow = EventRow | OfferRow | PromotionRow;
type AnyFields = EventFields | OfferFields | PromotionFields;
type AnyCodec = ItemCodec<AnyFields, AnyRow>;
export type AdminItem = AdminEvent | AdminOffer | AdminPromotion;

export const CODECS: Record<CatalogueItemKind, AnyCodec> = { events: EVENTS as never, offers: OFFERS as never, promotions: PROMOTIONS as never };

const NOUN: Record<CatalogueItemKind, string> = { events: 'event', offers: 'offer', promotions: 'promotion' };

/** The fields a row reads as: its published version, with the waiting edits over it. */
function currentOf(codec: AnyCodec, row: AnyRow): AnyFields {
  const published = codec.fieldsOfRow(row);
  return row.draft ? { ...published, ...(JSON.parse(row.draft) as Partial<AnyFields>) } : published;
}

/** Fields as the store keeps them (instants in UTC), so an unchanged edit compares equal. */
function normalised(codec: AnyCodec, row: AnyRow, fields: AnyFields): AnyFields {
  return codec.fieldsOfRow({ ...row, ...codec.columnsOf(fields) } as AnyRow);
}

async function rowOf(db: Db, kind: CatalogueItemKind, agencyId: string, id: string): Promise<AnyRow> {
  const row = await db.selectFrom(kind).selectAll().where('id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
  // Another agency's item is "not found", as one that does not exist: its id says nothing more.
  if (!row) throw new HttpError(404, 'not_found', `There is no such ${NOUN[kind]} in your catalogue.`);
  return row as AnyRow;
}

/** Where each item is (its place), and what each promotion promotes, by name. */
async function lookupsFor(db: Db, agencyId: string, refs: { places: string[]; events: string[]; offers: string[] }) {
  const titled = async (table: 'events' | 'offers', ids: string[]) =>
    ids.length === 0
      ? []
      : db
          .selectFrom(table)
          .select(['id', 'title', 'place_id'])
          .where('agency_id', '=', agencyId)
          .where('id', 'in', [...new Set(ids)])
          .execute();
  const [events, offers] = await Promise.all([titled('events', refs.events), titled('offers', refs.offers)]);
  const placeIds = [...new Set([...refs.places, ...events.map((e) => e.place_id), ...offers.map((o) => o.place_id)])];
  const places = placeIds.length === 0 ? [] : await db.selectFrom('places').select(['id', 'name', 'category', 'lat', 'lon']).where('agency_id', '=', agencyId).where('id', 'in', placeIds).execute();
  const where = new Map(places.map((p): [string, ItemWhere] => [p.id, { placeId: p.id, name: p.name, category: p.category as ItemWhere['category'], lat: p.lat, lon: p.lon }]));
  const item = (rows: { id: string; title: string; place_id: string }[]) => new Map(rows.map((r) => [r.id, { title: r.title, where: where.get(r.place_id) ?? null }]));
  const place = new Map(places.map((p) => [p.id, { title: p.name, where: where.get(p.id) ?? null }]));
  return { where, target: { place, event: item(events), offer: item(offers) } };
}

async function adminItemsOf(db: Db, kind: CatalogueItemKind, agencyId: string, rows: AnyRow[], now: Date): Promise<AdminItem[]> {
  const codec = CODECS[kind];
  const current = rows.map((r) => ({ row: r, fields: currentOf(codec, r), published: codec.fieldsOfRow(r) }));
  const refs = { places: [] as string[], events: [] as string[], offers: [] as string[] };
  for (const { fields } of current) {
    if ('placeId' in fields) refs.places.push(fields.placeId);
    else refs[`${fields.target.kind}s` as 'places' | 'events' | 'offers'].push(fields.target.id);
  }
  const lookups = await lookupsFor(db, agencyId, refs);
  return current.map(({ row, fields, published }) => {
    const pending = row.draft ? changedKeys(published, fields) : [];
    const meta = { id: row.id, status: row.status as AdminItem['status'], pending, updatedAt: row.updated_at ?? new Date(0).toISOString() };
    if (kind === 'promotions') {
      const p = fields as PromotionFields;
      const r = row as PromotionRow;
      const t = now.getTime();
      const running = r.status === 'published' && Date.parse(r.starts_at) <= t && t < Date.parse(r.ends_at);
      const target = lookups.target[p.target.kind].get(p.target.id);
      return {
        ...p,
        ...meta,
        where: target?.where ?? null,
        targetTitle: target?.title ?? null,
        running,
        published: pending.length > 0 ? (published as PromotionFields) : null,
      } satisfies AdminPromotion;
    }
    const where = lookups.where.get((fields as EventFields | OfferFields).placeId) ?? null;
    if (kind === 'events') {
      const r = row as EventRow;
      return {
        ...(fields as EventFields),
        ...meta,
        where,
        seatsLeft: r.seats_left,
        fromTemplate: r.template_id !== null,
        published: pending.length > 0 ? (published as EventFields) : null,
      } satisfies AdminEvent;
    }
    const r = row as OfferRow;
    return { ...(fields as OfferFields), ...meta, where, seatsLeft: r.seats_left, published: pending.length > 0 ? (published as OfferFields) : null } satisfies AdminOffer;
  });
}

const waiting = (eb: import('kysely').ExpressionBuilder<Database, CatalogueItemKind>) => eb.or([eb('status', '=', 'draft'), eb('draft', 'is not', null)]);

export async function listItems(db: Db, kind: CatalogueItemKind, agencyId: string, q: AdminItemQuery, now: Date) {
  const codec = CODECS[kind];
  let query = db.selectFrom(kind).where('agency_id', '=', agencyId);
  if (q.q) query = query.where(sql`lower(coalesce(${sql.ref(codec.titleColumn)}, ''))`, 'like', `%${q.q.toLowerCase().replace(/[%_]/g, '')}%`);
  if (q.status === 'pending') query = query.where(waiting);
  else if (q.status) query = query.where('status', '=', q.status);
  if (q.placeId) {
    const placeId = q.placeId;
    query = kind === 'promotions' ? query.where(sql.ref('target_kind'), '=', 'place').where(sql.ref('target_id'), '=', placeId) : query.where(sql.ref('place_id'), '=', placeId);
  }
  if (q.when === 'upcoming') {
    const ends = sql.ref(codec.endsColumn);
    query = codec.endless ? query.where((eb) => eb.or([eb(ends, 'is', null), eb(ends, '>', now.toISOString())])) : query.where(ends, '>', now.toISOString());
  }
  const order =
    q.sort === 'title' ? sql`lower(coalesce(${sql.ref(codec.titleColumn)}, ''))` : q.sort === 'starts' ? sql.ref(codec.startsColumn) : q.sort === 'status' ? sql.ref('status') : sql.ref('updated_at');
  const [{ total }, rows, { toPublish }] = await Promise.all([
    query.select(db.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query
      .selectAll()
      .orderBy(order, q.dir)
      .orderBy('id', q.dir)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    db.selectFrom(kind).where('agency_id', '=', agencyId).where(waiting).select(db.fn.countAll<number>().as('toPublish')).executeTakeFirstOrThrow(),
  ]);
  return { items: await adminItemsOf(db, kind, agencyId, rows as AnyRow[], now), total: Number(total), page: q.page, pageSize: q.pageSize, toPublish: Number(toPublish) };
}

export async function itemOf(db: Db, kind: CatalogueItemKind, agencyId: string, id: string, now: Date): Promise<AdminItem> {
  return (await adminItemsOf(db, kind, agencyId, [await rowOf(db, kind, agencyId, id)], now))[0]!;
}

/** What the fields refer to must be the agency's, and not archived (an archived place is suggested to nobody). */
async function checkReferences(db: Db, kind: CatalogueItemKind, agencyId: string, fields: AnyFields): Promise<void> {
  const [table, id, path] =
    'placeId' in fields ? (['places', fields.placeId, 'placeId'] as const) : ([`${fields.target.kind}s` as 'places' | 'events' | 'offers', fields.target.id, 'target'] as const);
  const row = await db.selectFrom(table).select(['id', 'status']).where('id', '=', id).where('agency_id', '=', agencyId).executeTakeFirst();
  const what = table === 'places' ? 'place' : table === 'events' ? 'event' : 'offer';
  if (!row) throw new HttpError(400, 'bad_request', `There is no such ${what} in your catalogue.`, [{ path, message: `not a ${what} of your agency` }]);
  if (row.status === 'archived') throw new HttpError(400, 'bad_request', `That ${what} is archived: restore it first.`, [{ path, message: `an archived ${what}` }]);
}

function validWhole(codec: AnyCodec, fields: AnyFields): AnyFields {
  const parsed = codec.fields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(
      400,
      'bad_request',
      issue.message,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

export async function createItem(db: Db, kind: CatalogueItemKind, agencyId: string, body: AnyFields, now: Date): Promise<AdminItem> {
  const codec = CODECS[kind];
  await checkReferences(db, kind, agencyId, body);
  const id = `${codec.prefix}-${randomUUID().slice(0, 13)}`;
  const stamp = now.toISOString();
  const columns = codec.columnsOf(body) as Record<string, unknown>;
  // A new event or offer has all its seats; a new item is a draft, suggested to nobody until published.
  const seats = kind === 'events' ? { seats_left: columns.capacity, template_id: null } : kind === 'offers' ? { seats_left: columns.seats_total } : {};
  await db
    .insertInto(kind)
    .values({ id, agency_id: agencyId, ...columns, ...seats, status: 'draft', draft: null, updated_at: stamp } as never)
    .execute();
  return itemOf(db, kind, agencyId, id, now);
}

export async function editItem(db: Db, kind: CatalogueItemKind, agencyId: string, id: string, edit: Partial<AnyFields>, now: Date): Promise<AdminItem> {
  const codec = CODECS[kind];
  const row = await rowOf(db, kind, agencyId, id);
  const next = normalised(codec, row, validWhole(codec, { ...currentOf(codec, row), ...edit } as AnyFields));
  await checkReferences(db, kind, agencyId, next);
  if (kind === 'offers') {
    const offer = row as OfferRow;
    const sold = offer.seats_total - offer.seats_left;
    if ((next as OfferFields).seats < sold) {
      throw new HttpError(409, 'conflict', `${sold} seats are already sold: the offer cannot have fewer.`, [{ path: 'seats', message: `at least ${sold}` }]);
    }
  }
  const stamp = now.toISOString();
  if (row.status === 'draft') {
    const columns = codec.columnsOf(next) as Record<string, unknown>;
    const seats = kind === 'events' ? { seats_left: columns.capacity } : kind === 'offers' ? { seats_left: columns.seats_total } : {};
    await db
      .updateTable(kind)
      .set({ ...columns, ...seats, updated_at: stamp } as never)
      .where('id', '=', id)
      .where('agency_id', '=', agencyId)
      .execute();
  } else {
    // Back to the published version: nothing waits any more.
    const draft = changedKeys(codec.fieldsOfRow(row), next).length === 0 ? null : JSON.stringify(next);
    await db.updateTable(kind).set({ draft, updated_at: stamp }).where('id', '=', id).where('agency_id', '=', agencyId).execute();
  }
  return itemOf(db, kind, agencyId, id, now);
}

/** What is not published goes: a draft entirely, a published item's waiting changes. */
export async function discardItem(db: Db, kind: CatalogueItemKind, agencyId: string, id: string): Promise<void> {
  const row = await rowOf(db, kind, agencyId, id);
  if (row.status === 'draft') {
    if (kind !== 'promotions') {
      const promoted = await db.selectFrom('promotions').select('id').where('agency_id', '=', agencyId).where('target_kind', '=', NOUN[kind]).where('target_id', '=', id).executeTakeFirst();
      if (promoted) throw new HttpError(409, 'conflict', `A promotion refers to this ${NOUN[kind]}: discard or archive the promotion first.`);
    }
    await db.deleteFrom(kind).where('id', '=', id).where('agency_id', '=', agencyId).where('status', '=', 'draft').execute();
  } else if (row.draft) await db.updateTable(kind).set({ draft: null }).where('id', '=', id).where('agency_id', '=', agencyId).execute();
  else throw new HttpError(409, 'conflict', `This ${NOUN[kind]} has nothing unpublished to discard; archive it to take it out of suggestions.`);
}

/** The ids of each kind, as a `catalogue_changed` entry names them. */
export const itemsChanged = (kind: CatalogueItemKind, ids: string[]) => ({
  type: 'catalogue_changed' as const,
  places: [],
  events: kind === 'events' ? ids : [],
  offers: kind === 'offers' ? ids : [],
  promotions: kind === 'promotions' ? ids : [],
});

/** Archived items leave every suggestion at once, on every instance; restored ones come back. */
export function setItemsArchived(ctx: Pick<AppContext, 'changes'>, kind: CatalogueItemKind, agencyId: string, ids: string[], archived: boolean, now: Date): Promise<string[]> {
  const [from, to] = archived ? ['published', 'archived'] : ['archived', 'published'];
  return ctx.changes.record(
    async (trx: Transaction<Database>) => {
      const rows = await trx
        .updateTable(kind)
        .set({ status: to, updated_at: now.toISOString() })
        .where('agency_id', '=', agencyId)
        .where('id', 'in', ids)
        .where('status', '=', from)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    (changed) => (changed.length > 0 ? [itemsChanged(kind, changed)] : []),
  );
}

/**
 * Publishes the agency's waiting events, offers and promotions on the caller's transaction (publish.ts
 * commits it with the places): drafts become published, waiting edits replace the published version (an
 * offer's seats left move by as many seats as were added or taken away).
 */
export async function publishItems(trx: Transaction<Database>, kind: CatalogueItemKind, agencyId: string, stamp: string): Promise<string[]> {
  const codec = CODECS[kind];
  const rows = (await trx
    .selectFrom(kind)
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where((eb) => eb.or([eb('status', '=', 'draft'), eb('draft', 'is not', null)]))
    .execute()) as AnyRow[];
  for (const row of rows) {
    const columns = codec.columnsOf(currentOf(codec, row)) as Record<string, unknown>;
    let seats = {};
    if (kind === 'offers') {
      const o = row as OfferRow;
      seats = { seats_left: Math.max(0, o.seats_left + Number(columns.seats_total) - o.seats_total) };
    } else if (kind === 'events') {
      const e = row as EventRow;
      seats = { seats_left: Math.max(0, e.seats_left + Number(columns.capacity) - e.capacity) };
    }
    await trx
      .updateTable(kind)
      .set({ ...columns, ...seats, draft: null, status: row.status === 'draft' ? 'published' : row.status, updated_at: stamp } as never)
      .where('id', '=', row.id)
      .where('agency_id', '=', agencyId)
      .execute();
  }
  return rows.map((r) => r.id);
}
