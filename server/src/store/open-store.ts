/**
 * The server's way to open its database at start: the connection, the integrity check, then the migrations.
 * A database it cannot use stops the start with a StartupError that names the file, ESCALE_DATA_DIR and
 * what to do, never with a bare SQLite error.
 */
import { asStoreStartupError } from './database-errors.ts';
import { openSqlite, type OpenedDatabase } from './db.ts';
import { checkIntegrity, INTEGRITY_CHECK_TIMEOUT_MS, type IntegrityResult } from './integrity-check.ts';
import { migrateToLatest } from './migrate.ts';

export interface OpenedStore extends OpenedDatabase {
  /** What the integrity check said at start (a damaged database never gets this far). */
  integrity: IntegrityResult;
}

export interface OpenStoreOptions {
  checkpointErrors?: (message: string) => void;
  integrityTimeoutMs?: number;
}

/**
 * Opens the database in `dataDir`. Synchronous up to the integrity check, which runs on a worker thread: a
 * caller may do its own work on this thread before awaiting the result (app.ts reads the catalogue files).
 */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
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
