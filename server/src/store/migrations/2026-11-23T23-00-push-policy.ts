/**
 * The push policy and what it needs: each traveller's push settings and push state (where and when the last
 * push went, which items were pushed on which local day), the wallet's bookings (the "gap in the timeline"
 * trigger reads them; the wallet screens come later), and a per-session virtual clock (demo replays, tests).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON PushSettings; null means the defaults, so a change of default reaches everyone who never edited.
  await db.schema.alterTable('travellers').addColumn('push_settings', 'text').execute();

  await db.schema
    .createTable('push_state')
    .addColumn('traveller_id', 'text', (c) => c.primaryKey().references('travellers.id').onDelete('cascade'))
    .addColumn('last_push_at', 'text')
    .addColumn('last_unsolicited_at', 'text')
    // Where the last push was made: location data, so only kept while location consent is on.
    .addColumn('last_lat', 'double precision')
    .addColumn('last_lon', 'double precision')
    .addColumn('last_area', 'text')
    .addColumn('last_meal', 'text')
    .addColumn('last_gap', 'text')
    .execute();

  await db.schema
    .createTable('pushed_items')
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pushed_items_pk', ['traveller_id', 'local_date', 'item_id'])
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bookings_traveller_start').on('bookings').columns(['traveller_id', 'starts_at']).execute();

  // JSON StoredClock; null means the server's clock.
  await db.schema.alterTable('sessions').addColumn('clock', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('clock').execute();
  await db.schema.dropTable('bookings').execute();
  await db.schema.dropTable('pushed_items').execute();
  await db.schema.dropTable('push_state').execute();
  await db.schema.alterTable('travellers').dropColumn('push_settings').execute();
}
