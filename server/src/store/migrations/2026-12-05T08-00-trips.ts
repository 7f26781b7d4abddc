/**
 * Trips: the wallet's bookings grouped by time (wallet/trips.ts), each with a stable id (a calendar
 * subscription points at one) and a name the traveller may change; and each trip's calendar feed, of which
 * only the token's SHA-256 is kept, so a copy of the database gives no working feed URL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // 'auto': named after its destination, renamed as bookings change; 'traveller': never renamed by a booking.
    .addColumn('name_source', 'text', (c) => c.notNull().defaultTo('auto'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The traveller's trips in the order they were made (1, 2, …): when two merge, the older keeps its id.
    // Not created_at: two trips made in one import, or on a demo's stopped clock, have the same.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trips_traveller').on('trips').column('traveller_id').execute();
  // A trip that goes (its last booking cancelled) leaves its former bookings without one.
  await db.schema
    .alterTable('bookings')
    .addColumn('trip_id', 'text', (c) => c.references('trips.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('bookings_trip').on('bookings').column('trip_id').execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Kept when revoked or rotated (when a URL stopped working); a request with its token is answered as an unknown one.
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feeds_trip').on('calendar_feeds').column('trip_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropIndex('bookings_trip').execute();
  await db.schema.alterTable('bookings').dropColumn('trip_id').execute();
  await db.schema.dropTable('trips').execute();
}
