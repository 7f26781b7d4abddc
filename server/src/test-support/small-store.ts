/** A migrated SQLite store in a temporary directory, with two agencies, Paris, and travellers made on demand. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite, type OpenedDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { travellerRow } from './store-rows.ts';

export interface SmallStore extends OpenedDatabase {
  /** Adds travellers (of the `demo` agency unless said), once each. */
  travellers(ids: readonly string[], agency?: 'demo' | 'rival'): Promise<void>;
}

export async function openSmallStore(): Promise<SmallStore> {
  const store = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-small-')));
  await migrateToLatest(store.db, store.file);
  const at = '2026-12-01T00:00:00.000Z';
  await store.db
    .insertInto('agencies')
    .values([
      { id: 'demo', name: 'Demo', created_at: at, ranking: null },
      { id: 'rival', name: 'Rival', created_at: at, ranking: null },
    ])
    .execute();
  await store.db.insertInto('cities').values({ id: 'paris', name: 'Paris', timezone: 'Europe/Paris', country_code: 'fr', center_lat: 48.8566, center_lon: 2.3522, attribution: '[]' }).execute();
  const travellers = async (ids: readonly string[], agency: 'demo' | 'rival' = 'demo') => {
    if (ids.length === 0) return;
    await store.db
      .insertInto('travellers')
      .values(ids.map((id) => travellerRow(id, agency, at)))
      .onConflict((oc) => oc.doNothing())
      .execute();
  };
  return { ...store, travellers };
}
