import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.ts';
import { openSqlite } from './db.ts';
import { DatabaseTooNewError, knownMigrationNames, migrateToLatest } from './migrate.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'escale-db-'));

describe('migrations', () => {
  it('creates every table on an empty database and is idempotent', async () => {
    const { db, file, close } = openSqlite(tempDir());
    expect((await migrateToLatest(db, file)).applied).toEqual(await knownMigrationNames());
    expect((await migrateToLatest(db, file)).applied).toEqual([]);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['places', 'events', 'offers', 'travellers', 'consents', 'sessions', 'message_log']));
    await close();
  });

  it('refuses a database written by a newer version, naming the unknown migration, the file and ESCALE_DATA_DIR', async () => {
    const dir = tempDir();
    const first = openSqlite(dir);
    await migrateToLatest(first.db, first.file);
    await first.db
      .insertInto('kysely_migration' as never)
      .values({ name: '2099-01-01T00-00-future', timestamp: new Date().toISOString() } as never)
      .execute();
    await first.close();

    const again = openSqlite(dir);
    await expect(migrateToLatest(again.db, again.file)).rejects.toThrow(DatabaseTooNewError);
    await expect(migrateToLatest(again.db, again.file)).rejects.toThrow(StartupError);
    const refusal = await migrateToLatest(again.db, again.file).catch((err: Error) => err.message);
    expect(refusal).toContain(`The database ${path.join(dir, 'escale.sqlite')} (in ESCALE_DATA_DIR=${dir})`);
    expect(refusal).toMatch(/2099-01-01T00-00-future.*newer version: upgrade Escale, or set ESCALE_DATA_DIR to another directory/);
    await again.close();
  });
});

describe('migration registry', () => {
  it('lists every migration file of the folder, under its file name', async () => {
    const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');
    const files = fs.readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}T.*\.ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(await knownMigrationNames()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
  });
});
