import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type OpenedDatabase } from './db.ts';
import { migrateToLatest } from './migrate.ts';
import { preparedWrite } from './prepared-write.ts';
import { withStatementCache } from './statement-cache.ts';
import { ExclusiveSqliteDialect } from './write-batch.ts';

const insertRow = preparedWrite(['id', 'name', 'created_at'], (d, v) => d.insertInto('agencies').values(v));
const insertAgency = ({ id }: { id: string }) => insertRow.bind({ id, name: 'Agency', created_at: '2026-11-24' });
let store: OpenedDatabase;

beforeEach(async () => {
  store = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-batch-')));
  await migrateToLatest(store.db, store.file);
});
afterEach(async () => {
  await store.close();
});

const agencyIds = async () => (await store.db.selectFrom('agencies').select('id').orderBy('id').execute()).map((r) => r.id);

describe('write batches', () => {
  it('commit every write or none: a failing write rolls back the ones before it', async () => {
    await store.commit([insertAgency({ id: 'a' }), insertAgency({ id: 'b' })]);
    await expect(store.commit([insertAgency({ id: 'c' }), insertAgency({ id: 'a' })])).rejects.toThrow(/UNIQUE/);
    expect(await agencyIds()).toEqual(['a', 'b']);
    // The connection is usable afterwards, by batches and by kysely.
    await store.commit([insertAgency({ id: 'c' })]);
    expect(await agencyIds()).toEqual(['a', 'b', 'c']);
  });

  it('wait for a kysely transaction in progress instead of running inside it', async () => {
    let resume!: () => void;
    const paused = new Promise<void>((r) => (resume = r));
    let inside!: () => void;
    const started = new Promise<void>((r) => (inside = r));
    // A kysely transaction that writes, yields to the event loop, then fails and rolls back.
    const transaction = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('agencies').values({ id: 'rolled-back', name: 'Agency', created_at: '2026-11-24' }).execute();
      inside();
      await paused;
      throw new Error('rolled back on purpose');
    });
    await started;
    const batch = store.commit([insertAgency({ id: 'batch' })]);
    let batchDone = false;
    void batch.then(() => (batchDone = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(batchDone).toBe(false); // held back while the transaction holds the connection
    resume();
    await expect(transaction).rejects.toThrow('rolled back on purpose');
    await batch;
    // Run inside the open transaction, the batch's row would have been rolled back with it.
    expect(await agencyIds()).toEqual(['batch']);
  });

  it('run in the same turn when kysely is not using the connection, and queue behind it when it is', async () => {
    const dialect = new ExclusiveSqliteDialect(withStatementCache(new SQLite(':memory:')));
    const db = new Kysely<unknown>({ dialect });
    await sql`select 1`.execute(db); // kysely initialises its driver on first use
    let ran = false;
    const now = dialect.driver.exclusive(() => (ran = true));
    expect(ran).toBe(true);
    await now;
    let release!: () => void;
    const held = db.transaction().execute(() => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 5));
    ran = false;
    const later = dialect.driver.exclusive(() => (ran = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(ran).toBe(false);
    release();
    await held;
    await later;
    expect(ran).toBe(true);
    await db.destroy();
  });
});
