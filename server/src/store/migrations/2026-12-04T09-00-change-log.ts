/**
 * The change log: every change that instances keep in memory (the travel graph, caches, sockets) is
 * committed with an entry here, in the same transaction, and every instance applies the entries in order
 * (bus/change-log.ts). Positions come from one counter row locked until the commit, so they are given in
 * commit order without gaps: a reader that has applied position n knows nothing below n is still coming.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_log')
    .addColumn('position', 'integer', (c) => c.primaryKey())
    // The instance that made the change (for the logs; every instance applies every entry, its own too).
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('change_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_counter').execute();
  await db.schema.dropTable('change_log').execute();
}
