/**
 * What a client told their advisor (advisor-notes/): one row per note, in the traveller's agency, erased
 * with the traveller (cascade) and deleted when their profile consent is withdrawn (travellers/consents.ts).
 * The staff member's name is kept with the note, so the traveller still sees who noted it once that account
 * is gone (its id is then cleared).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('advisor_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('likes', 'text', (c) => c.notNull())
    .addColumn('dislikes', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('budget', 'integer')
    .addColumn('said', 'text', (c) => c.notNull())
    .addColumn('noted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text')
    .execute();
  // Read per traveller (the ranker's load, My data, the console's list).
  await db.schema.createIndex('advisor_notes_traveller').on('advisor_notes').column('traveller_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('advisor_notes').execute();
}
