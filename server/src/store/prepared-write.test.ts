import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './db.ts';
import { migrateToLatest } from './migrate.ts';
import { preparedWrite } from './prepared-write.ts';

describe('preparedWrite', () => {
  it('binds each call’s values to the same SQL, in the right places, run by kysely or in a batch', async () => {
    const { db, commit, file, close } = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-prepared-')));
    await migrateToLatest(db, file);
    const upsert = preparedWrite(['id', 'name', 'at'], (d, v) =>
      d
        .insertInto('agencies')
        .values({ id: v.id, name: v.name, created_at: v.at })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: v.name })),
    );
    const first = upsert.bind({ id: 'a', name: 'First', at: '2026-11-24' });
    const second = upsert.bind({ id: 'b', name: 'Second', at: '2026-11-24' });
    expect(second.sql).toEqual(first.sql);
    expect(second.parameters).toEqual(['b', 'Second', '2026-11-24', 'Second']);
    await db.executeQuery(CompiledQuery.raw(first.sql.sqlite, [...first.parameters]));
    await commit([second, upsert.bind({ id: 'a', name: 'Renamed', at: '2026-11-25' })]);
    expect(await db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute()).toEqual([
      { id: 'a', name: 'Renamed' },
      { id: 'b', name: 'Second' },
    ]);
    await close();
  });

  it('refuses a query whose values are not all slots (a constant would be frozen into every run)', () => {
    const bad = preparedWrite(['id'], (d, v) => d.deleteFrom('agencies').where('id', '=', v.id).where('name', '=', 'fixed'));
    expect(() => bad.bind({ id: 'a' })).toThrow(/not a slot/);
  });
});
