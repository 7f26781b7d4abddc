/**
 * The start-up errors of the store, worded once: each names the file or directory, the variable that points
 * at it (ESCALE_DATA_DIR) and what the operator can do about it.
 */
import path from 'node:path';
import { StartupError } from '../startup-error.ts';

export const DATA_DIR_VARIABLE = 'ESCALE_DATA_DIR';

/** The database file as an operator finds it: its path and the variable that chose its directory. */
export function describeFile(file: string): string {
  return `${file} (in ${DATA_DIR_VARIABLE}=${path.dirname(file)})`;
}

/** What to do with a database that cannot be read: the catalogue comes back, the travellers do not. */
const RECOVERY =
  'Restore the file from a backup, or move it aside to start with an empty database: the catalogue is re-seeded ' + "from CATALOGUE_DIR, but travellers' accounts, settings and history start empty.";

/** `file` is damaged or not an SQLite database at all. */
export function damagedDatabase(file: string, detail: string): StartupError {
  return new StartupError(`The database ${describeFile(file)} is damaged: ${detail}. ${RECOVERY}`);
}

/** The data directory cannot be created, or written. */
export function unusableDataDir(dir: string, detail: string): StartupError {
  return new StartupError(`Cannot keep the database in ${DATA_DIR_VARIABLE}=${dir}: ${detail}. ` + `Make it a directory this user can write, or set ${DATA_DIR_VARIABLE} to one.`);
}

/** Whether an SQLite error code says the file itself is damaged, or is no database (extended codes included). */
export function isDamageCode(code: string): boolean {
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/**
 * The start-up error an SQLite failure on `file` stands for, or the error itself when it says nothing about
 * the file (a bug is not reworded as advice).
 */
export function asStoreStartupError(err: unknown, file: string): unknown {
  if (err instanceof StartupError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const detail = err instanceof Error ? err.message : String(err);
  if (typeof code !== 'string') return err;
  if (isDamageCode(code)) return damagedDatabase(file, detail);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return unusableDataDir(path.dirname(file), `${detail} (${path.basename(file)})`);
  }
  return err;
}
