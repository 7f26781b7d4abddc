/** First schema: tenants, catalogue, travellers with consents, interactions, sessions, the message log. */
import { sql, type Kysely } from 'kysely';
import { autoNumberedKey, storeKindOf } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text')
    .addColumn('center_lat', 'double precision', (c) => c.notNull())
    .addColumn('center_lon', 'double precision', (c) => c.notNull())
    .addColumn('attribution', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('city_id', 'text', (c) => c.notNull().references('cities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('opening_hours', 'text')
    .addColumn('price_level', 'integer')
    .addColumn('rating', 'double precision')
    .addColumn('review_count', 'integer', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('seeded', 'text', (c) => c.notNull())
    .addColumn('source_dataset', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('places_agency_city').on('places').columns(['agency_id', 'city_id']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('template_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('seats_left', 'integer', (c) => c.notNull().check(sql`seats_left >= 0`))
    .addColumn('price_eur', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_starts_at').on('events').column('starts_at').execute();

  await db.schema
    .createTable('offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('price_eur', 'double precision', (c) => c.notNull())
    .addColumn('seats_total', 'integer', (c) => c.notNull())
    .addColumn('seats_left', 'integer', (c) => c.notNull().check(sql`seats_left >= 0`))
    .addColumn('promoted', 'integer', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('travellers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('city_id', 'text', (c) => c.notNull().references('cities.id'))
    .addColumn('persona_id', 'text')
    .addColumn('likes', 'text', (c) => c.notNull())
    .addColumn('dislikes', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('budget', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consents_pk', ['traveller_id', 'category'])
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'integer', autoNumberedKey(storeKindOf(db)))
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interactions_traveller').on('interactions').column('traveller_id').execute();

  await db.schema
    .createTable('positions')
    .addColumn('traveller_id', 'text', (c) => c.primaryKey().references('travellers.id').onDelete('cascade'))
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('accuracy_m', 'double precision')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_traveller').on('sessions').column('traveller_id').execute();

  await db.schema
    .createTable('message_log')
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_log_pk', ['traveller_id', 'seq'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['meta', 'message_log', 'sessions', 'positions', 'interactions', 'consents', 'travellers', 'offers', 'events', 'places', 'cities', 'agencies']) {
    await db.schema.dropTable(t).execute();
  }
}
