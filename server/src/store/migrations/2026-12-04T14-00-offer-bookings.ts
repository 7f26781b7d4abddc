/**
 * Booking an agency offer in the app: the booking says which offer and how many seats (so cancelling gives
 * them back), and each request's idempotency key is kept with its answer, so a retry gets the first answer
 * and never books twice (wallet/book-offer.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bookings').addColumn('offer_id', 'text').execute();
  await db.schema.alterTable('bookings').addColumn('quantity', 'integer').execute();
  await db.schema
    .createTable('booking_requests')
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    // What the request asked (offer and quantity): the same key with another body is refused.
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('booking_requests_pk', ['traveller_id', 'idempotency_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('booking_requests').execute();
  await db.schema.alterTable('bookings').dropColumn('quantity').execute();
  await db.schema.alterTable('bookings').dropColumn('offer_id').execute();
}
