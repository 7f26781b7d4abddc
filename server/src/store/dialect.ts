/**
 * Everything that differs between the two databases Escale runs on, in one place: SQLite (embedded, the
 * default) and PostgreSQL (DATABASE_URL, for several instances). Queries are written once with kysely;
 * what kysely cannot say the same way for both lives here, named:
 * - which database a connection talks to (`storeKindOf`);
 * - SQL compiled for each without a connection (`compileForEach`, for the prepared writes of the push path);
 * - an auto-numbered primary key (`autoNumberedKey`, for migrations);
 * - which errors are the store failing (`storeFailure`) rather than the data being refused (a constraint),
 *   and which mean the database cannot be reached at all (`isStoreUnreachable`, answered 503).
 *
 * Upserts (`ON CONFLICT … DO UPDATE`) and `RETURNING` are spelt the same on both (SQLite ≥ 3.35), and JSON is
 * stored as text on both, so they need nothing here.
 */
import SQLite from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type ColumnDefinitionBuilder,
  type Compilable,
} from 'kysely';
import type { Database } from './schema.ts';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Which database `db` talks to, from its adapter (kysely's own notion of the dialect). */
export function storeKindOf(db: Kysely<never> | Kysely<unknown> | Kysely<Database>): StoreKind {
  return (db as Kysely<unknown>).getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Compile-only kysely instances, the documented way to use kysely as a query builder alone. */
const compilers: Record<StoreKind, Kysely<Database>> = {
  sqlite: new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

/** One query, compiled for each database: the SQL differs (`?` or `$1`), the parameters come in the same order. */
export function compileForEach(build: (db: Kysely<Database>) => Compilable): Record<StoreKind, { sql: string; parameters: readonly unknown[] }> {
  const sqlite = build(compilers.sqlite).compile();
  const postgres = build(compilers.postgres).compile();
  return { sqlite, postgres };
}

/**
 * An integer key numbered by the database: SQLite's `AUTOINCREMENT` (never reuses a number), PostgreSQL's
 * identity column (a sequence, never reused either).
 */
export function autoNumberedKey(kind: StoreKind) {
  return (c: ColumnDefinitionBuilder) => (kind === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());
}

interface PgError {
  code?: unknown;
  message?: unknown;
  severity?: unknown;
}

/** Node's socket errors, and pg's own when its connection goes: the server is not there, or went away. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
const UNREACHABLE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end/i;
/** PostgreSQL's SQLSTATE classes for a server going away or refusing connections (08 connection, 57P0x shutdown). */
const UNREACHABLE_SQLSTATE = /^(08|57P0)/;

/** Whether `err` says the database server cannot be reached now (PostgreSQL only: SQLite is a file). */
export function isStoreUnreachable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as PgError;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNREACHABLE_SQLSTATE.test(code))) return true;
  if (err instanceof AggregateError) return err.errors.some(isStoreUnreachable);
  return typeof message === 'string' && UNREACHABLE_MESSAGES.test(message);
}

/** A PostgreSQL error answered by the server itself (it has a SQLSTATE and a severity). */
function isPostgresError(err: unknown): err is { code: string; message: string } {
  const e = err as PgError | null;
  return typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

/** A second row with the same unique key (SQLite's constraint codes, PostgreSQL's SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof SQLite.SqliteError) return err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || err.code === 'SQLITE_CONSTRAINT_UNIQUE';
  return isPostgresError(err) && err.code === '23505';
}

/**
 * When `err` is a failure of the store itself, its code and the database's own words (they name tables and
 * columns, never values); null for a refusal of the data, a constraint violation (a position for a traveller
 * erased meanwhile), which is the database doing its job and is handled where it happens, and for anything
 * that is not the store's at all.
 */
export function storeFailure(err: unknown): { code: string; message: string } | null {
  if (err instanceof SQLite.SqliteError) return err.code.startsWith('SQLITE_CONSTRAINT') ? null : { code: err.code, message: err.message };
  // Class 23: integrity constraint violations.
  if (isPostgresError(err)) return err.code.startsWith('23') ? null : { code: `PG_${err.code}`, message: err.message };
  if (isStoreUnreachable(err)) {
    const { code, message } = err as PgError;
    return { code: typeof code === 'string' ? code : 'UNREACHABLE', message: typeof message === 'string' && message ? message : 'the database cannot be reached' };
  }
  return null;
}
