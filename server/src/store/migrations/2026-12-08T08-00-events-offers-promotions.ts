/**
 * The console edits events, offers and promotions (issue 22). Events and offers get a status and a draft
 * like places (2026-12-07T08-00), a price in a currency (`price_eur` becomes `price`, with `currency`; what
 * was there was in euros), and offers a sale window. A promotion becomes a record of its own, on a place,
 * an event or an offer, with a boost, a window and a label: the old `offers.promoted` flag is carried over
 * as a published promotion of full boost that runs from now for the longest window a promotion may have.
 */
import { sql, type Kysely } from 'kysely';

/** ITEM_LIMITS.maxPromotionDays: the window given to the promotions carried over. */
const CARRIED_OVER_DAYS = 92;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['events', 'offers']) {
    await db.schema.alterTable(table).renameColumn('price_eur', 'price').execute();
    await db.schema
      .alterTable(table)
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
      .execute();
    await db.schema.alterTable(table).addColumn('draft', 'text').execute();
    await db.schema.alterTable(table).addColumn('updated_at', 'text').execute();
    await db.schema.createIndex(`${table}_agency_status`).on(table).columns(['agency_id', 'status']).execute();
  }
  await db.schema.alterTable('offers').addColumn('sale_starts_at', 'text').execute();
  await db.schema.alterTable('offers').addColumn('sale_ends_at', 'text').execute();

  await db.schema
    .createTable('promotions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('boost', 'real', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('draft', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promotions_agency_status').on('promotions').columns(['agency_id', 'status']).execute();
  await db.schema.createIndex('promotions_target').on('promotions').columns(['target_kind', 'target_id']).execute();

  const now = new Date();
  const ends = new Date(now.getTime() + CARRIED_OVER_DAYS * 86_400_000);
  const promoted = await sql<{ id: string; agency_id: string }>`select id, agency_id from offers where promoted = 1`.execute(db);
  for (const offer of promoted.rows) {
    await sql`insert into promotions (id, agency_id, target_kind, target_id, boost, starts_at, ends_at, label, status, updated_at)
      values (${`promo-${offer.id}`}, ${offer.agency_id}, 'offer', ${offer.id}, 1, ${now.toISOString()}, ${ends.toISOString()}, null, 'published', ${now.toISOString()})`.execute(db);
  }
  await db.schema.alterTable('offers').dropColumn('promoted').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('offers')
    .addColumn('promoted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update offers set promoted = 1 where id in (select target_id from promotions where target_kind = 'offer' and status = 'published')`.execute(db);
  await db.schema.dropTable('promotions').execute();
  await db.schema.alterTable('offers').dropColumn('sale_ends_at').execute();
  await db.schema.alterTable('offers').dropColumn('sale_starts_at').execute();
  for (const table of ['events', 'offers']) {
    await db.schema.dropIndex(`${table}_agency_status`).execute();
    await db.schema.alterTable(table).dropColumn('updated_at').execute();
    await db.schema.alterTable(table).dropColumn('draft').execute();
    await db.schema.alterTable(table).dropColumn('status').execute();
    await db.schema.alterTable(table).dropColumn('currency').execute();
    await db.schema.alterTable(table).renameColumn('price', 'price_eur').execute();
  }
}
