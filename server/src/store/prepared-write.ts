/**
 * A write built with kysely's query builder once, then bound to new values for each run: on the push path (a
 * few writes per location) building and compiling a query costs more than SQLite takes to run it. The query
 * is written as usual, with a named slot where each value goes; `bind` returns the SQL and its values, for a
 * write batch (write-batch.ts) or for kysely (`CompiledQuery.raw`). The SQL is compiled once per process by
 * a compile-only SQLite kysely, which is right while every database speaks SQLite; a PostgreSQL store would
 * compile it with its own dialect.
 */
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { Database } from './schema.ts';
import type { Db } from './db.ts';
import type { Write } from './write-batch.ts';

const SLOT = '\u0000slot:';

/** Compiles, never runs: the documented way to use kysely as a query builder alone. */
const compiler: Db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export interface PreparedWrite<K extends string> {
  /** The query with these values. */
  bind(values: Record<K, unknown>): Write;
}

/** `build` receives one placeholder per key; each must reach the SQL as a parameter, never inlined. */
export function preparedWrite<K extends string>(keys: readonly K[], build: (db: Db, slot: Record<K, never>) => Compilable): PreparedWrite<K> {
  let plan: { sql: string; order: K[] } | null = null;
  return {
    bind(values) {
      plan ??= compile(keys, build);
      const { sql, order } = plan;
      return { sql, parameters: order.map((k) => values[k]) };
    },
  };
}

function compile<K extends string>(keys: readonly K[], build: (db: Db, slot: Record<K, never>) => Compilable): { sql: string; order: K[] } {
  const slot = Object.fromEntries(keys.map((k) => [k, `${SLOT}${k}`])) as Record<K, never>;
  const compiled = build(compiler, slot).compile();
  const order = compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(SLOT)) throw new Error(`preparedWrite: a value of "${compiled.sql}" is not a slot`);
    return p.slice(SLOT.length) as K;
  });
  return { sql: compiled.sql, order };
}
