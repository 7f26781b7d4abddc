import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STORE_DEGRADED_WINDOW_MS, StoreHealth } from './store-health.ts';

/** A real SQLite failure, as the driver throws it. */
function sqliteError(sqlText: string): Error {
  const db = new SQLite(':memory:');
  db.exec('create table t (id integer primary key)');
  try {
    db.exec(sqlText);
  } catch (err) {
    return err as Error;
  } finally {
    db.close();
  }
  throw new Error(`${sqlText} did not fail`);
}

describe('store health', () => {
  it('counts a store failure once, with its time and SQLite code and message only', () => {
    let now = Date.parse('2026-11-24T17:00:00Z');
    const health = new StoreHealth('sqlite', { status: 'ok' }, () => now);
    const err = sqliteError("insert into message_log values ('secret value')");
    health.record(err);
    health.record(err); // seen again by the handler the commit failed
    expect(health.report()).toEqual({ kind: 'sqlite', integrity: 'ok', errors: 1, lastErrorAt: '2026-11-24T17:00:00.000Z', lastError: 'SQLITE_ERROR: no such table: message_log' });
    expect(health.degraded).toBe(true);
    now += STORE_DEGRADED_WINDOW_MS - 1;
    expect(health.degraded).toBe(true);
    now += 1;
    expect(health.degraded).toBe(false);
    expect(health.report().errors).toBe(1);
  });

  it('leaves refusals of the data and errors of other kinds to their callers', () => {
    const health = new StoreHealth('sqlite', { status: 'ok' });
    health.record(sqliteError('insert into t values (1); insert into t values (1)'));
    health.record(new TypeError('x is undefined'));
    health.record('a string');
    expect(health.report().errors).toBe(0);
    expect(health.degraded).toBe(false);
  });

  it('counts the commits that fail and passes their error on', async () => {
    const health = new StoreHealth('sqlite', { status: 'unfinished', reason: 'timed out' });
    const failure = sqliteError('select * from gone');
    const commit = health.watch((batch) => (batch.length > 0 ? Promise.reject(failure) : Promise.resolve()));
    await commit([]);
    await expect(commit([{ sql: { sqlite: 'insert into gone values (?)', postgres: 'insert into gone values ($1)' }, parameters: [1] }])).rejects.toBe(failure);
    expect(health.report()).toMatchObject({ integrity: 'unfinished', errors: 1, lastError: 'SQLITE_ERROR: no such table: gone' });
  });
});
