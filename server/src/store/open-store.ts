/**
 * The server's way to open its database at start: the connection, the integrity check (SQLite), then the
 * migrations, the same on both databases. A database it cannot use stops the start with a StartupError that
 * names the file and ESCALE_DATA_DIR, or DATABASE_URL, and what to do, never with a bare driver error.
 */
import { asStoreStartupError } from './database-errors.ts';
import { openSqlite, type OpenedDatabase } from './db.ts';
import { checkIntegrity, INTEGRITY_CHECK_TIMEOUT_MS, type IntegrityResult } from './integrity-check.ts';
import { migrateToLatest } from './migrate.ts';
import { openPostgres } from './postgres.ts';

export interface OpenedStore extends OpenedDatabase {
  /** What the integrity check said at start (a damaged database never gets this far). */
  integrity: IntegrityResult;
}

export interface OpenStoreOptions {
  /** PostgreSQL instead of SQLite in `dataDir` (store/postgres.ts). */
  databaseUrl?: string | null;
  poolSize?: number;
  /** Told when a PostgreSQL connection breaks (the pool replaces it). */
  onConnectionError?: (err: Error) => void;
  checkpointErrors?: (message: string) => void;
  integrityTimeoutMs?: number;
}

/**
 * Opens the database in `dataDir`. Synchronous up to the integrity check, which runs on a worker thread: a
 * caller may do its own work on this thread before awaiting the result (app.ts reads the catalogue files).
 */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  if (options.databaseUrl) {
    const opened = await openPostgres(options.databaseUrl, { poolSize: options.poolSize, onConnectionError: options.onConnectionError });
    try {
      // PostgreSQL checks its own pages as it reads them; kysely's migrator takes an advisory lock, so
      // instances starting together migrate once.
      await migrateToLatest(opened.db, opened.file);
      return { ...opened, integrity: { status: 'not_applicable' } };
    } catch (err) {
      await opened.close().catch(() => undefined);
      throw err;
    }
  }
  const opened = openSqlite(dataDir, { checkpointErrors: options.checkpointErrors });
  try {
    // Checked before the migrations write to it: a damaged file is left as it was found, for a restore.
    const integrity = await checkIntegrity(opened.file, options.integrityTimeoutMs ?? INTEGRITY_CHECK_TIMEOUT_MS);
    await migrateToLatest(opened.db, opened.file);
    return { ...opened, integrity };
  } catch (err) {
    await opened.close().catch(() => undefined);
    throw asStoreStartupError(err, opened.file);
  }
}
