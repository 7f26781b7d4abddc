/**
 * Opens the embedded SQLite database through kysely. WAL lets readers run beside the single writer;
 * synchronous=FULL makes an acknowledged write (a booking, a consent change) survive a crash or power loss,
 * at the cost of one fsync per transaction, which our write rate easily affords (docs/DECISIONS.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  file: string;
  close(): Promise<void>;
}

export function openSqlite(dataDir: string): OpenedDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'escale.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, file, close: () => db.destroy() };
}
