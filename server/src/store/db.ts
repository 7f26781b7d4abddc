/**
 * Opens the embedded SQLite database through kysely. WAL lets readers run beside the single writer.
 * synchronous=NORMAL: a committed transaction is in the WAL file before the commit returns, so it survives
 * the process dying (a crash, SIGKILL, an OOM kill; tests/integration/durability.test.ts); the WAL is
 * fsynced at checkpoints (every second, on a worker thread, for the server), so a power cut or an OS crash
 * may lose the transactions of the last second or so. FULL fsynced at every commit: under bench:push that
 * was most of the server's CPU per location and much of its p99 (docs/DECISIONS.md, "Durability"). The
 * wallet's writes, which must survive a power cut, switch to FULL for their own commit (durable-commit.ts).
 * A directory it cannot use, or a file that is not a database, stops the start with a StartupError.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer.ts';
import { asStoreStartupError, unusableDataDir } from './database-errors.ts';
import { withStatementCache } from './statement-cache.ts';
import type { StoreKind } from './dialect.ts';
import { ExclusiveSqliteDialect, sqliteBatchCommitter, sqliteNumberedCommitter, type CommitBatch, type CommitNumbered } from './write-batch.ts';

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  kind: StoreKind;
  db: Db;
  /** Commits a batch of prepared writes as one transaction, on kysely's connection (write-batch.ts). */
  commit: CommitBatch;
  /** Commits writes numbered by a counter, in one transaction (write-batch.ts). */
  commitNumbered: CommitNumbered;
  /** Where the data is, as an operator would name it: the SQLite file, or PostgreSQL's URL without its password. */
  file: string;
  close(): Promise<void>;
}

/**
 * Creates the data directory if missing and makes sure the database can be written there: SQLite would
 * otherwise open a write-protected file read-only and fail at the first write, long after start.
 */
function checkDataDir(dataDir: string, file: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.X_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (err) {
    throw unusableDataDir(dataDir, err instanceof Error ? err.message : String(err));
  }
}

/**
 * `checkpointErrors`: checkpoint the WAL on a worker thread (checkpointer.ts), reporting failures there. The
 * server uses it; scripts and tests that open a database for a moment keep SQLite's own checkpoints.
 */
export function openSqlite(dataDir: string, options: { checkpointErrors?: (message: string) => void } = {}): OpenedDatabase {
  const file = path.join(dataDir, 'escale.sqlite');
  checkDataDir(dataDir, file);
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file);
    // The first statement reads the file's header: a file that is not a database fails here.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    sqlite?.close();
    throw asStoreStartupError(err, file);
  }
  const checkpointer = options.checkpointErrors ? startCheckpointer(file, options.checkpointErrors) : null;
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const statements = withStatementCache(sqlite);
  const dialect = new ExclusiveSqliteDialect(statements);
  const db = new Kysely<Database>({ dialect });
  return {
    kind: 'sqlite',
    db,
    commit: sqliteBatchCommitter(dialect.driver, sqlite, statements),
    commitNumbered: sqliteNumberedCommitter(dialect.driver, sqlite, statements),
    file,
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
