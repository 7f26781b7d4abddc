import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled-once.ts';
import { openSqlite } from './db.ts';
import { migrateToLatest } from './migrate.ts';

describe('compiledOnce', () => {
  it('runs the same SQL with each call’s values, in the right places, inside a transaction too', async () => {
    const { db, close } = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-compiled-')));
    await migrateToLatest(db);
    const upsert = compiledOnce(['id', 'name', 'at'], (d, v) =>
      d.insertInto('agencies').values({ id: v.id, name: v.name, created_at: v.at }).onConflict((oc) => oc.column('id').doUpdateSet({ name: v.name })),
    );
    await upsert(db, { id: 'a', name: 'First', at: '2026-11-24' });
    await db.transaction().execute(async (trx) => {
      await upsert(trx, { id: 'b', name: 'Second', at: '2026-11-24' });
      await upsert(trx, { id: 'a', name: 'Renamed', at: '2026-11-25' });
    });
    expect(await db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute()).toEqual([
      { id: 'a', name: 'Renamed' },
      { id: 'b', name: 'Second' },
    ]);
    await close();
  });

  it('refuses a query whose values are not all slots (a constant would be frozen into every run)', async () => {
    const { db, close } = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-compiled-')));
    const bad = compiledOnce(['id'], (d, v) => d.deleteFrom('agencies').where('id', '=', v.id).where('name', '=', 'fixed'));
    await expect(bad(db, { id: 'a' })).rejects.toThrow(/not a slot/);
    await close();
  });
});
