/**
 * Opens PostgreSQL through kysely's PostgreSQL dialect over a `pg` pool, when DATABASE_URL is set: the store
 * of several instances (docs/SCALING.md). The push path's fast writes get their counterpart here: a batch is
 * one transaction on one pooled connection (BEGIN, the statements, COMMIT), and a numbered write holds its
 * counter's row lock until the commit, so instances take numbers one after the other.
 *
 * The pool never lets a lost server crash the process: an idle connection that breaks is reported and
 * dropped, the next query opens a new one, and a query while the server is away fails with an error the
 * caller answers (503 over HTTP, `error` on the live channel; store/dialect.ts `isStoreUnreachable`).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { urlWithoutPassword } from '../log/url-without-password.ts';
import { StartupError } from '../startup-error.ts';
import type { Db, OpenedDatabase } from './db.ts';
import type { Database } from './schema.ts';
import { returnedNumber, type CommitBatch, type CommitNumbered, type WriteBatch } from './write-batch.ts';

export const DATABASE_URL_VARIABLE = 'DATABASE_URL';
/** How long a new connection may take before the attempt fails (start, and after the server came back). */
export const CONNECT_TIMEOUT_MS = 5_000;
/** A statement running longer than this is cancelled by the server: nothing on Escale's paths takes seconds. */
export const STATEMENT_TIMEOUT_MS = 15_000;

// PostgreSQL's int8 (count(*), sums) arrives as a string by default, for precision beyond 2^53; Escale's
// counts never come near, and a number compares and serialises like SQLite's.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The URL with its password replaced, for messages and health: secrets never reach a log. */
export const describeDatabaseUrl = urlWithoutPassword;

export function unreachableDatabase(url: string, detail: string): StartupError {
  return new StartupError(
    `Cannot reach PostgreSQL at ${DATABASE_URL_VARIABLE}=${describeDatabaseUrl(url)}: ${detail}. ` +
      `Start PostgreSQL, or correct ${DATABASE_URL_VARIABLE} (unset it to use the embedded SQLite database).`,
  );
}

export interface OpenPostgresOptions {
  poolSize?: number;
  /** Told when an idle pooled connection breaks (the server went away); the pool replaces it. */
  onIdleError?: (err: Error) => void;
}

/** Opens the pool and makes sure the server answers; a server that does not is a StartupError naming DATABASE_URL. */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<OpenedDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'escale',
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  // A connection checked out between two statements (a transaction) has no listener of the pool's: its
  // error would be unhandled and end the process. The statement in flight, if any, fails on its own.
  pool.on('connect', (client) => client.on('error', (err) => options.onIdleError?.(err)));
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw unreachableDatabase(url, err instanceof Error ? err.message || String((err as { code?: unknown }).code) : String(err));
  }
  const db: Db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    commit: postgresBatchCommitter(pool),
    commitNumbered: postgresNumberedCommitter(pool),
    file: describeDatabaseUrl(url),
    close: () => db.destroy(),
  };
}

/** Runs `work` in a transaction on one pooled connection; a connection that failed is not reused. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw err;
  } finally {
    client.release(broken);
  }
}

async function runAll(client: pg.PoolClient, batch: WriteBatch): Promise<void> {
  for (let i = 0; i < batch.length; i++) await client.query(batch[i]!.sql.postgres, batch[i]!.parameters as unknown[]);
}

export function postgresBatchCommitter(pool: pg.Pool): CommitBatch {
  return (batch) => (batch.length === 0 ? Promise.resolve() : inTransaction(pool, (client) => runAll(client, batch)));
}

export function postgresNumberedCommitter(pool: pg.Pool): CommitNumbered {
  return (counter, build) =>
    inTransaction(pool, async (client) => {
      const { rows } = await client.query(counter.sql.postgres, counter.parameters as unknown[]);
      const n = returnedNumber(rows[0]);
      await runAll(client, build(n));
      return n;
    });
}
