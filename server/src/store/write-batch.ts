/**
 * Writes committed together as one transaction, for the path where every microsecond shows: a push commits
 * its logged message before it is sent, then its own record with the turn's positions (after-turn-writes.ts).
 *
 * On SQLite the batch runs synchronously on kysely's own connection while holding kysely's connection mutex
 * (`ExclusiveSqliteDriver.exclusive`): no other query can start, and none is half-way through a transaction,
 * while the batch runs. better-sqlite3 is synchronous anyway; what this skips is kysely's per-statement
 * machinery and the awaits between statements (a push's writes, measured warm, went from about 190 µs
 * through kysely to 60–80 µs; docs/DECISIONS.md). Statements come from the same cache
 * kysely's queries use (statement-cache.ts), so nothing else ever talks to the connection.
 */
import { SqliteDialect, SqliteDriver, type Driver, type SqliteDatabase } from 'kysely';
import type { Database as SqliteConnection } from 'better-sqlite3';

/**
 * One write: SQL compiled by kysely and its values (prepared-write.ts). The part of kysely's CompiledQuery
 * a batch needs, without its query tree and id: a push binds a handful of these every time.
 */
export interface Write {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}
export type WriteBatch = readonly Write[];
/** Commits every write of the batch, or none of them; resolves once the transaction is committed. */
export type CommitBatch = (batch: WriteBatch) => Promise<void>;

/** kysely's SQLite driver, which also lends its one connection to synchronous work between queries. */
export class ExclusiveSqliteDriver extends SqliteDriver {
  private initialized: Promise<void> | null = null;

  // Memoised: kysely initialises its driver on first use, which may come after a first `exclusive`.
  override init(): Promise<void> {
    return (this.initialized ??= super.init());
  }

  /** Runs `work` holding the connection: after the queries queued before it, before those queued after. */
  async exclusive<T>(work: () => T): Promise<T> {
    await this.init();
    await this.acquireConnection();
    try {
      return work();
    } finally {
      await this.releaseConnection();
    }
  }
}

/** The SQLite dialect with that driver, created once so that the store can reach it. */
export class ExclusiveSqliteDialect extends SqliteDialect {
  readonly driver: ExclusiveSqliteDriver;
  constructor(database: SqliteDatabase) {
    super({ database });
    this.driver = new ExclusiveSqliteDriver({ database });
  }
  override createDriver(): Driver {
    return this.driver;
  }
}

/** `statements`: the statement cache kysely's driver was given (statement-cache.ts). */
export function sqliteBatchCommitter(driver: ExclusiveSqliteDriver, sqlite: SqliteConnection, statements: SqliteDatabase): CommitBatch {
  // better-sqlite3's transaction: BEGIN, the function, COMMIT; ROLLBACK if it throws.
  const inTransaction = sqlite.transaction((batch: WriteBatch) => {
    for (let i = 0; i < batch.length; i++) statements.prepare(batch[i]!.sql).run(batch[i]!.parameters);
  });
  return (batch) => driver.exclusive(() => inTransaction(batch));
}
