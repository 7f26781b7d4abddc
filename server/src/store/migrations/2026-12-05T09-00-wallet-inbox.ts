/**
 * The wallet's forwarding address and inbox (wallet/forwarding/): one address per traveller, kept as the
 * SHA-256 of its token (a copy of the database yields no address that works), and the messages received
 * there, each a preview or a refusal waiting for the traveller. The raw message is never stored.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wallet_forwarding')
    .addColumn('traveller_id', 'text', (c) => c.primaryKey().references('travellers.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('allowed_senders', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('wallet_inbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('preview', 'text')
    .addColumn('refusal', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  // The inbox is read per traveller and status; housekeeping purges by age.
  await db.schema.createIndex('wallet_inbox_traveller').on('wallet_inbox').columns(['traveller_id', 'status']).execute();
  await db.schema.createIndex('wallet_inbox_received').on('wallet_inbox').column('received_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wallet_inbox').execute();
  await db.schema.dropTable('wallet_forwarding').execute();
}
