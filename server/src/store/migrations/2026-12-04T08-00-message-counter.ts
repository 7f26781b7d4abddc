/**
 * Each traveller's last sequence number in a row of its own, so that instances sharing one database take
 * numbers one after the other (the row is locked until the message is committed) instead of each reading
 * the log's maximum and caching it: unique and gapless across instances (realtime/message-log.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('message_counters')
    .addColumn('traveller_id', 'text', (c) => c.primaryKey().references('travellers.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  // Numbers already given go on from where they are.
  await sql`INSERT INTO message_counters (traveller_id, seq) SELECT traveller_id, MAX(seq) FROM message_log GROUP BY traveller_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('message_counters').execute();
}
