import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

describe('statement cache', () => {
  it('hands out the same prepared statement for the same SQL, least recently used out first', () => {
    const db = withStatementCache(new SQLite(':memory:'), 2);
    const a = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(a);
    const b = db.prepare('select 2');
    db.prepare('select 1'); // used again: "select 2" is now the oldest
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
    db.close();
  });

  it('never hands out a statement that is still iterating', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    const sql = 'select value from json_each(?)';
    const first = db.prepare(sql);
    const rows = first.iterate(['[1,2,3]']);
    rows.next();
    const second = db.prepare(sql);
    expect(second).not.toBe(first);
    expect(second.all(['[4]'])).toEqual([{ value: 4 }]);
    expect([...rows]).toEqual([{ value: 2 }, { value: 3 }]);
    db.close();
  });
});
