import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AfterTurnWrites } from './after-turn-writes.ts';
import { openSqlite, type OpenedDatabase } from './db.ts';
import { migrateToLatest } from './migrate.ts';
import { preparedWrite } from './prepared-write.ts';
import type { WriteBatch } from './write-batch.ts';

const insertRow = preparedWrite(['id', 'name', 'created_at'], (d, v) => d.insertInto('agencies').values(v));
const agency = (id: string) => insertRow.bind({ id, name: 'Agency', created_at: '2026-11-24' });
let store: OpenedDatabase;
let commits: WriteBatch[];
let errors: number[];
let writes: AfterTurnWrites;

beforeEach(async () => {
  store = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-after-turn-')));
  await migrateToLatest(store.db, store.file);
  commits = [];
  errors = [];
  writes = new AfterTurnWrites(
    (batch) => {
      commits.push(batch);
      return store.commit(batch);
    },
    (_err, count) => errors.push(count),
  );
});
afterEach(async () => {
  await store.close();
});

const agencyIds = async () => (await store.db.selectFrom('agencies').select('id').orderBy('id').execute()).map((r) => r.id);
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('writes after the turn', () => {
  it('commit everything queued in a turn as one transaction once the turn ends, in order', async () => {
    writes.add([agency('a')]);
    writes.add([agency('b'), agency('c')]);
    expect(commits).toHaveLength(0); // nothing yet: the turn is not over
    await nextTurn();
    expect(commits.map((b) => b.length)).toEqual([3]);
    expect(await agencyIds()).toEqual(['a', 'b', 'c']);
  });

  it('are committed on demand before a read, and flush resolves once they are', async () => {
    writes.add([agency('a')]);
    await writes.flush();
    expect(await agencyIds()).toEqual(['a']);
    await nextTurn();
    expect(commits).toHaveLength(1); // the end of the turn found nothing left
  });

  it('lose only the failing batch when one of the turn’s batches fails', async () => {
    await store.commit([agency('taken')]);
    writes.add([agency('a')]);
    writes.add([agency('taken'), agency('b')]); // a unique violation: this batch alone is refused
    writes.add([agency('c')]);
    await writes.flush();
    expect(await agencyIds()).toEqual(['a', 'c', 'taken']);
    expect(errors).toEqual([2]);
  });
});
