/** Databases for the store's start-up refusals: one with a damaged page, one that is not a database at all. */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openSqlite } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';

/**
 * Writes an Escale database into `dir` whose `meta` table spans many pages, then overwrites part of one of
 * its leaf pages with garbage, as a bad sector or a torn copy would: the file's header and the schema still
 * read, so the database opens and only a check of its pages finds the damage. `part`: the cells in the
 * middle of the page (quick_check reports them), or the page's own header (quick_check fails on it).
 * Returns the file.
 */
export async function writeDamagedDatabase(dir: string, part: 'cells' | 'page header' = 'cells'): Promise<string> {
  const store = openSqlite(dir);
  await migrateToLatest(store.db, store.file);
  const rows = Array.from({ length: 2000 }, (_, i) => ({ key: `note:${i}`, value: `a note of about a hundred characters `.repeat(3) + i }));
  await store.db.insertInto('meta').values(rows).execute();
  const leaves = await sql<{ pageno: number }>`select pageno from dbstat where name = 'meta' and pagetype = 'leaf' order by pageno`.execute(store.db);
  const { page_size: pageSize } = (await sql<{ page_size: number }>`pragma page_size`.execute(store.db)).rows[0]!;
  await store.close(); // the last connection closing copies the WAL into the file and removes it
  const page = leaves.rows[Math.floor(leaves.rows.length / 2)]!.pageno;
  const fd = fs.openSync(store.file, 'r+');
  const [offset, length, byte] = part === 'cells' ? [pageSize / 2, 256, 0xa5] : [0, 64, 0xff];
  fs.writeSync(fd, Buffer.alloc(length, byte), 0, length, (page - 1) * pageSize + offset);
  fs.closeSync(fd);
  return store.file;
}

/** Writes a file where the database should be that is not one (a log, a half-finished download). */
export function writeNotADatabase(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'escale.sqlite');
  fs.writeFileSync(file, 'This is not an SQLite database, only text where one was expected.\n'.repeat(200));
  return file;
}
