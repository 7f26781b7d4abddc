/**
 * A write built with kysely's query builder once, then bound to new values for each run: on the push path (a
 * few writes per location) building and compiling a query costs more than the database takes to run it. The
 * query is written as usual, with a named slot where each value goes; `bind` returns the SQL for each
 * database (compiled once per process, store/dialect.ts) and its values, for a write batch (write-batch.ts,
 * postgres.ts) or for kysely (`CompiledQuery.raw`).
 */
import type { Compilable } from 'kysely';
import { compileForEach, type StoreKind } from './dialect.ts';
import type { Db } from './db.ts';
import type { Write } from './write-batch.ts';

const SLOT = '\u0000slot:';

export interface PreparedWrite<K extends string> {
  /** The query with these values. */
  bind(values: Record<K, unknown>): Write;
}

/** `build` receives one placeholder per key; each must reach the SQL as a parameter, never inlined. */
export function preparedWrite<K extends string>(keys: readonly K[], build: (db: Db, slot: Record<K, never>) => Compilable): PreparedWrite<K> {
  let plan: { sql: Record<StoreKind, string>; order: K[] } | null = null;
  return {
    bind(values) {
      plan ??= compile(keys, build);
      const { sql, order } = plan;
      return { sql, parameters: order.map((k) => values[k]) };
    },
  };
}

function compile<K extends string>(keys: readonly K[], build: (db: Db, slot: Record<K, never>) => Compilable): { sql: Record<StoreKind, string>; order: K[] } {
  const slot = Object.fromEntries(keys.map((k) => [k, `${SLOT}${k}`])) as Record<K, never>;
  const compiled = compileForEach((db) => build(db, slot));
  const orderOf = ({ sql, parameters }: { sql: string; parameters: readonly unknown[] }) =>
    parameters.map((p) => {
      if (typeof p !== 'string' || !p.startsWith(SLOT)) throw new Error(`preparedWrite: a value of "${sql}" is not a slot`);
      return p.slice(SLOT.length) as K;
    });
  const order = orderOf(compiled.sqlite);
  // Both compilers walk the same query tree, so the values come in the same order; checked once, not assumed.
  if (orderOf(compiled.postgres).join() !== order.join()) throw new Error(`preparedWrite: "${compiled.sqlite.sql}" orders its values differently per database`);
  return { sql: { sqlite: compiled.sqlite.sql, postgres: compiled.postgres.sql }, order };
}
