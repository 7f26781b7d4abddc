/**
 * The agency's insights (insights/): one row per traveller, action, place and day, so that a feed shown ten
 * times a day counts once and distinct travellers can be counted for the suppression threshold. Erased with
 * the traveller (cascade), purged after INSIGHT_LIMITS.retentionDays by housekeeping, never read by staff
 * except as counts of at least five travellers.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('insight_events')
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('signal', 'text', (c) => c.notNull())
    // The dedupe (a refreshed feed is written again and does nothing), and the attribution's look-up of what
    // a traveller was shown at a place lately (traveller, action, place, then days).
    .addPrimaryKeyConstraint('insight_events_pk', ['traveller_id', 'action', 'place_id', 'day'])
    .execute();
  // The console's aggregates: one agency's days in a range.
  await db.schema.createIndex('insight_events_agency_day').on('insight_events').columns(['agency_id', 'day']).execute();
  // Housekeeping's retention purge: every agency's oldest days.
  await db.schema.createIndex('insight_events_day').on('insight_events').column('day').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('insight_events').execute();
}
