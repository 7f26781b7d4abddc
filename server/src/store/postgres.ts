/**
 * Opens PostgreSQL through kysely's PostgreSQL dialect over a `pg` pool, when DATABASE_URL is set: the store
 * of several instances (docs/SCALING.md). The push path's fast writes get their counterpart here: a batch is
 * one simple query (one round trip; PostgreSQL runs its statements as one transaction), and a numbered write
 * holds its counter's row lock until the commit, so instances take numbers one after the other.
 *
 * The pool never lets a lost server crash the process: an idle connection that breaks is reported and
 * dropped, the next query opens a new one, and a query while the server is away fails with an error the
 * caller answers (503 over HTTP, `error` on the live channel; store/dialect.ts `isStoreUnreachable`).
 */
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
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

/**
 * pg, loaded by the first openPostgres: an instance on the embedded SQLite store never pays for it at start
 * (node_modules' import graph is most of the start-up time; docs/DECISIONS.md).
 */
let driver: typeof pg | null = null;

async function loadDriver(): Promise<typeof pg> {
  if (driver) return driver;
  const loaded = (await import('pg')).default;
  // PostgreSQL's int8 (count(*), sums) arrives as a string by default, for precision beyond 2^53; Escale's
  // counts never come near, and a number compares and serialises like SQLite's.
  loaded.types.setTypeParser(loaded.types.builtins.INT8, (v) => Number(v));
  return (driver = loaded);
}

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
  /** Told when a pooled connection breaks (the server went away), idle or between two statements; the pool replaces it. */
  onConnectionError?: (err: Error) => void;
}

/** Opens the pool and makes sure the server answers; a server that does not is a StartupError naming DATABASE_URL. */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<OpenedDatabase> {
  const { Pool } = await loadDriver();
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'escale',
  });
  pool.on('error', (err) => options.onConnectionError?.(err));
  // A connection checked out between two statements (a transaction) has no listener of the pool's: its
  // error would be unhandled and end the process. The statement in flight, if any, fails on its own.
  pool.on('connect', (client) => client.on('error', (err) => options.onConnectionError?.(err)));
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

/**
 * A statement with its values written in as literals, for a batch sent as one simple query: the push path's
 * batches cost one round trip instead of one per statement (BEGIN, each write, COMMIT), each of which waits
 * for a turn of a busy event loop (bench:push's p99 went from seconds to tens of milliseconds). Values are
 * quoted by pg's own `escapeLiteral`; only strings, finite numbers, booleans and null are accepted, and the
 * SQL is kysely's compiled text, whose only `$n` are its placeholders.
 */
export function withLiterals(sql: string, parameters: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(parameters[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  // driver is set: a batch is only ever written through a pool that openPostgres opened.
  if (typeof value === 'string') return driver!.escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  throw new TypeError(`a batched write cannot carry a value of type ${typeof value}`);
}

/** The writes as one simple query: PostgreSQL runs the statements of one query as one transaction. */
function asOneQuery(batch: WriteBatch): string {
  return batch.map((w) => withLiterals(w.sql.postgres, w.parameters)).join(';\n');
}

export function postgresBatchCommitter(pool: pg.Pool): CommitBatch {
  return async (batch) => {
    if (batch.length > 0) await pool.query(asOneQuery(batch));
  };
}

/**
 * Two round trips: BEGIN and the counter (its row now locked), then the writes and COMMIT. A failure rolls
 * back, giving the number back; a connection left in doubt is not reused.
 */
export function postgresNumberedCommitter(pool: pg.Pool): CommitNumbered {
  return async (counter, build) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const results = (await client.query(`BEGIN;\n${withLiterals(counter.sql.postgres, counter.parameters)}`)) as unknown as pg.QueryResult[];
      const n = returnedNumber(results[results.length - 1]!.rows[0]);
      const writes = build(n);
      await client.query(`${writes.length > 0 ? `${asOneQuery(writes)};\n` : ''}COMMIT`);
      return n;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw err;
    } finally {
      client.release(broken);
    }
  };
}
