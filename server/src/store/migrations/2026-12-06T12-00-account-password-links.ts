/** One-time "choose a new password" links for travellers' own accounts (auth/accounts.ts): the token's SHA-256, an expiry. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_password_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_password_links').execute();
}
