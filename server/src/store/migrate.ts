/**
 * Versioned migrations, one file per change named by its timestamp (kysely orders them by name). The server
 * refuses to run on a database that has migrations it does not know: that database was written by a newer
 * version and an older binary could corrupt it.
 */
import { Migrator, sql, type MigrationProvider } from 'kysely';
import { StartupError } from '../startup-error.ts';
import { DATA_DIR_VARIABLE, describeFile } from './database-errors.ts';
import type { Db } from './db.ts';
import { MIGRATIONS } from './migrations/index.ts';

export class DatabaseTooNewError extends StartupError {
  constructor(
    readonly unknown: string[],
    file: string,
  ) {
    super(
      `The database ${describeFile(file)} holds migrations this version of Escale does not know (${unknown.join(', ')}). ` +
        `It was written by a newer version: upgrade Escale, or set ${DATA_DIR_VARIABLE} to another directory.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function knownMigrationNames(): Promise<string[]> {
  return Object.keys(await provider.getMigrations());
}

async function appliedMigrationNames(db: Db): Promise<string[]> {
  // Introspection rather than sqlite_master keeps this portable to the PostgreSQL dialect.
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Brings the database up to date; throws DatabaseTooNewError before touching a newer database. `file`, the
 * database's path, is named in that error.
 */
export async function migrateToLatest(db: Db, file: string): Promise<{ applied: string[] }> {
  const known = new Set(await knownMigrationNames());
  const unknown = (await appliedMigrationNames(db)).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown, file);

  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
