/**
 * Hardening after the security review: each demo sign-in gets a private traveller of its own (copied from
 * the persona, gone with its session), sessions say whether demo mode issued them, the message log can be
 * purged by age, and a repeated feedback is one row instead of one row per tap.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 1 for a demo visitor's private copy of a persona: erased when its session ends, never a lookalike.
  await db.schema
    .alterTable('travellers')
    .addColumn('ephemeral', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // 1 for a session issued by demo sign-in: refused the day demo mode is switched off.
  await db.schema
    .alterTable('sessions')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
  // Every session so far was a demo sign-in straight into a shared persona: ended, so that no visitor keeps
  // using the shared account (they sign in again and get a traveller of their own).
  await db.deleteFrom('sessions' as never).execute();
  // The purge reads the log by age; without an index it would scan every message of every traveller.
  await db.schema.createIndex('message_log_at').on('message_log').column('at').execute();

  // One row per (traveller, place, kind): keep the latest of any duplicates, then let the index hold it.
  await sql`
    DELETE FROM interactions WHERE id NOT IN (
      SELECT MAX(id) FROM interactions GROUP BY traveller_id, place_id, kind
    )`.execute(db);
  await db.schema.createIndex('interactions_unique').on('interactions').columns(['traveller_id', 'place_id', 'kind']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('interactions_unique').execute();
  await db.schema.dropIndex('message_log_at').execute();
  await db.schema.dropIndex('sessions_expires_at').execute();
  await db.schema.alterTable('sessions').dropColumn('demo').execute();
  await db.schema.alterTable('travellers').dropColumn('ephemeral').execute();
}
