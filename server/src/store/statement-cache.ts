/**
 * Prepared statements reused across queries. kysely's SQLite driver prepares every query it runs, and on the
 * push path preparing costs as much as running (bench:push profile): the same few SQL strings come back for
 * every location. This sits under kysely as the database it is given, so every query still goes through
 * kysely and its single-connection mutex; nothing else talks to the connection.
 */
import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL strings kept; the app has a few dozen (multi-row inserts vary with their row count). */
export const STATEMENT_CACHE_SIZE = 256;

export function withStatementCache(sqlite: SqliteConnection, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      // A statement still iterating (a streamed select) cannot run again: that query gets its own.
      if (cached && !cached.busy) {
        // Re-inserted, so the map's order is least recently used first.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const stmt = sqlite.prepare(sql);
      if (cached) return stmt;
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}
