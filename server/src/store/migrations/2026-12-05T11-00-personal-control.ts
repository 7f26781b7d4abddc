/**
 * The traveller's control over their feed (privacy/): how it is ranked for them (`ranking_settings`, JSON
 * RankingSettings, null = defaults), whether the onboarding was answered or skipped, and their "fewer like
 * this" instructions. All erased with the traveller.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('travellers').addColumn('ranking_settings', 'text').execute();
  await db.schema.alterTable('travellers').addColumn('onboarded_at', 'text').execute();
  await db.schema
    .createTable('fewer_like')
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('interest_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fewer_like_pk', ['traveller_id', 'kind', 'interest_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fewer_like').execute();
  await db.schema.alterTable('travellers').dropColumn('onboarded_at').execute();
  await db.schema.alterTable('travellers').dropColumn('ranking_settings').execute();
}
