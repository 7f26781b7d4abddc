import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compileForEach, isStoreUnreachable, storeFailure } from './dialect.ts';

/** An error as pg reports one answered by the server: a SQLSTATE code and a severity. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('what differs between SQLite and PostgreSQL', () => {
  it('compiles one query for each, with the values in the same order', () => {
    const { sqlite, postgres } = compileForEach((db) => db.updateTable('agencies').set({ name: 'A' }).where('id', '=', 'x'));
    expect(sqlite.sql).toBe('update "agencies" set "name" = ? where "id" = ?');
    expect(postgres.sql).toBe('update "agencies" set "name" = $1 where "id" = $2');
    expect(postgres.parameters).toEqual(sqlite.parameters);
  });

  it('tells a failure of the store from a refusal of the data, on both', () => {
    const db = new SQLite(':memory:');
    db.exec('create table t (id integer primary key)');
    db.exec('insert into t values (1)');
    const caught = (sql: string) => {
      try {
        db.exec(sql);
      } catch (err) {
        return err;
      }
      throw new Error('no error');
    };
    expect(storeFailure(caught('select * from gone'))).toEqual({ code: 'SQLITE_ERROR', message: 'no such table: gone' });
    expect(storeFailure(caught('insert into t values (1)'))).toBeNull();
    db.close();
    expect(storeFailure(pgError('42P01', 'relation "gone" does not exist'))).toEqual({ code: 'PG_42P01', message: 'relation "gone" does not exist' });
    expect(storeFailure(pgError('23503', 'insert or update violates foreign key constraint'))).toBeNull();
    expect(storeFailure(new Error('a bug'))).toBeNull();
  });

  it('recognises a database that cannot be reached, and says so as a store failure', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isStoreUnreachable(refused)).toBe(true);
    expect(isStoreUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoreUnreachable(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isStoreUnreachable(new AggregateError([refused]))).toBe(true);
    expect(isStoreUnreachable(pgError('42P01', 'relation "gone" does not exist'))).toBe(false);
    expect(storeFailure(refused)).toEqual({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
  });
});
