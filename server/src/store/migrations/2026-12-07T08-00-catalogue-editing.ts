/**
 * The console edits the catalogue (issue 22): a place has a status (a draft nobody is suggested yet, a
 * published place, or an archived one kept for the bookings that name it), changes to a published place wait
 * in `draft` (JSON of the edited fields) until the agency publishes, and `external_id` is the place's id in
 * the file it was imported from, unique per agency, so that importing the same file again finds it.
 * Places already in the store are published, and their id is their external id (the seeded catalogue's ids
 * are the sources' ids).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('places')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .execute();
  await db.schema.alterTable('places').addColumn('draft', 'text').execute();
  await db.schema.alterTable('places').addColumn('external_id', 'text').execute();
  await sql`update places set external_id = id`.execute(db);
  await db.schema.createIndex('places_agency_external').on('places').columns(['agency_id', 'external_id']).unique().execute();
  await db.schema.createIndex('places_agency_status').on('places').columns(['agency_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('places_agency_status').execute();
  await db.schema.dropIndex('places_agency_external').execute();
  await db.schema.alterTable('places').dropColumn('external_id').execute();
  await db.schema.alterTable('places').dropColumn('draft').execute();
  await db.schema.alterTable('places').dropColumn('status').execute();
}
