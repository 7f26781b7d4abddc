/**
 * Bookings carry what their source says beyond kind and times (shared/src/booking.ts BookingDetails, as
 * JSON), and a fingerprint: the same reservation imported again, from the same file or another one, finds
 * its first copy instead of making a second (unique per traveller).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('bookings')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('bookings').addColumn('fingerprint', 'text').execute();
  await db.schema.createIndex('bookings_traveller_fingerprint').on('bookings').columns(['traveller_id', 'fingerprint']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('bookings_traveller_fingerprint').execute();
  await db.schema.alterTable('bookings').dropColumn('fingerprint').execute();
  await db.schema.alterTable('bookings').dropColumn('details').execute();
}
