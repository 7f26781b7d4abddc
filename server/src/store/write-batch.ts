/**
 * Writes committed together as one transaction, for the path where every microsecond shows: a push commits
 * its logged message before it is sent, then its own record with the turn's positions (after-turn-writes.ts).
 *
 * On SQLite the batch runs synchronously on kysely's own connection (`ExclusiveSqliteDriver.exclusive`): at
 * once when kysely is not using it, else after taking kysely's connection mutex; either way no other query
 * can start, and none is half-way through a transaction, while the batch runs. better-sqlite3 is
 * synchronous anyway; what this skips is kysely's per-statement machinery and the awaits between
 * statements (a push's writes, measured warm, went from about 190 µs through kysely to 60–80 µs;
 * docs/DECISIONS.md). Statements come from the same cache kysely's queries use (statement-cache.ts), so
 * nothing else ever talks to the connection.
 */
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';
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
  private ready = false;
  /** Whether kysely holds the connection: a query, or a transaction that may be waiting between statements. */
  private held = false;

  // Memoised: kysely initialises its driver on first use, which may come after a first `exclusive`.
  override init(): Promise<void> {
    return (this.initialized ??= super.init().then(() => void (this.ready = true)));
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.held = true;
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    this.held = false;
    await super.releaseConnection();
  }

  /**
   * Runs `work` holding the connection. When kysely is not using it (the usual case on the push path),
   * `work` runs at once, in this turn, without queueing on kysely's mutex: a push's commit then costs no
   * promise round trips. Otherwise it waits for its turn on the mutex, after whatever holds the connection.
   */
  exclusive<T>(work: () => T): Promise<T> {
    if (this.ready && !this.held) {
      try {
        return Promise.resolve(work());
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    return this.queued(work);
  }

  private async queued<T>(work: () => T): Promise<T> {
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
