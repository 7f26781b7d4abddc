/**
 * A kysely query built and compiled once, then run with new values: on the push path (a few writes per
 * location) building and compiling a query costs more than SQLite takes to run it. The query is written
 * with the builder as usual, with a named slot where each value goes; it still runs through kysely (its
 * connection, its transaction), only its SQL is reused. The SQL is kept once per process, which is right
 * while every database speaks SQLite; a PostgreSQL dialect would need it kept per dialect.
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './db.ts';

const SLOT = '\u0000slot:';

/** `build` receives one placeholder per key; each must reach the SQL as a parameter, never inlined. */
export function compiledOnce<K extends string>(keys: readonly K[], build: (db: Db, slot: Record<K, never>) => Compilable): (db: Db, values: Record<K, unknown>) => Promise<void> {
  let plan: { sql: string; order: K[] } | null = null;
  return async (db, values) => {
    plan ??= compile(db, keys, build);
    await db.executeQuery(CompiledQuery.raw(plan.sql, plan.order.map((k) => values[k])));
  };
}

function compile<K extends string>(db: Db, keys: readonly K[], build: (db: Db, slot: Record<K, never>) => Compilable): { sql: string; order: K[] } {
  const slot = Object.fromEntries(keys.map((k) => [k, `${SLOT}${k}`])) as Record<K, never>;
  const compiled = build(db, slot).compile();
  const order = compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(SLOT)) throw new Error(`compiledOnce: a value of "${compiled.sql}" is not a slot`);
    return p.slice(SLOT.length) as K;
  });
  return { sql: compiled.sql, order };
}
