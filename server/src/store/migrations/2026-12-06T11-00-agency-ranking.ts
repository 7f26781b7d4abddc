/** Each agency's ranking settings (agency/ranking.ts): JSON AgencyRanking, null for the defaults. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('ranking', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').dropColumn('ranking').execute();
}
