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
import type { StoreKind } from './dialect.ts';

/**
 * One write: SQL compiled by kysely and its values (prepared-write.ts). The part of kysely's CompiledQuery
 * a batch needs, without its query tree and id: a push binds a handful of these every time.
 */
export interface Write {
  /** The same statement compiled for each database (store/dialect.ts). */
  readonly sql: Readonly<Record<StoreKind, string>>;
  readonly parameters: readonly unknown[];
}
export type WriteBatch = readonly Write[];
/** Commits every write of the batch, or none of them; resolves once the transaction is committed. */
export type CommitBatch = (batch: WriteBatch) => Promise<void>;
/**
 * Commits, in one transaction, `counter` (a write that returns one number, e.g. `UPDATE … SET n = n + 1
 * RETURNING n`) and the writes `build` makes with that number; resolves with the number. The counter's row
 * stays locked until the commit, so writers of the same counter on any instance take numbers one after the
 * other, and a rollback gives the number back: numbers are unique and gapless.
 */
export type CommitNumbered = (counter: Write, build: (n: number) => WriteBatch) => Promise<number>;

/** The one number a counter write returns (its only column). */
export function returnedNumber(row: unknown): number {
  const values = row && typeof row === 'object' ? Object.values(row) : [];
  const n = Number(values[0]);
  if (values.length !== 1 || !Number.isSafeInteger(n)) throw new Error('a counter write must return exactly one integer column');
  return n;
}

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
    for (let i = 0; i < batch.length; i++) statements.prepare(batch[i]!.sql.sqlite).run(batch[i]!.parameters);
  });
  return (batch) => driver.exclusive(() => inTransaction(batch));
}

/** The SQLite counterpart of `sqliteBatchCommitter` for numbered writes, on the same connection and cache. */
export function sqliteNumberedCommitter(driver: ExclusiveSqliteDriver, sqlite: SqliteConnection, statements: SqliteDatabase): CommitNumbered {
  const inTransaction = sqlite.transaction((counter: Write, build: (n: number) => WriteBatch) => {
    const n = returnedNumber(statements.prepare(counter.sql.sqlite).all(counter.parameters)[0]);
    const batch = build(n);
    for (let i = 0; i < batch.length; i++) statements.prepare(batch[i]!.sql.sqlite).run(batch[i]!.parameters);
    return n;
  });
  return (counter, build) => driver.exclusive(() => inTransaction(counter, build));
}
