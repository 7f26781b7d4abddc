/**
 * Every change of a consent, kept (GDPR Art. 7: the controller can show when consent was given and when it
 * was withdrawn; the traveller reads it in My data). Erased with the traveller.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consent_history')
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // Two changes in one millisecond (a double tap) are one row: the later value wins in `consents`.
    .addPrimaryKeyConstraint('consent_history_pk', ['traveller_id', 'category', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consent_history').execute();
}
