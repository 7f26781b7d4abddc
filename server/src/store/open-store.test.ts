import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.ts';
import { writeDamagedDatabase, writeNotADatabase } from '../test-support/damaged-database.ts';
import { knownMigrationNames } from './migrate.ts';
import { openStore } from './open-store.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'escale-open-'));

/** The message of the StartupError opening `dir` is refused with. */
async function refusal(dir: string): Promise<string> {
  const err = await openStore(dir).then(
    async (store) => {
      await store.close();
      return expect.unreachable(`${dir} was opened`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StartupError);
  return (err as Error).message;
}

describe('opening the store at start', () => {
  it('creates, checks and migrates a new database', async () => {
    const store = await openStore(tempDir());
    expect(store.integrity).toEqual({ status: 'ok' });
    const applied = await store.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied).toHaveLength((await knownMigrationNames()).length);
    await store.close();
  });

  it('refuses a file that is not a database, naming the file, ESCALE_DATA_DIR and what to do', async () => {
    const dir = tempDir();
    const file = writeNotADatabase(dir);
    const message = await refusal(dir);
    expect(message).toContain(`The database ${file} (in ESCALE_DATA_DIR=${dir}) is damaged: file is not a database.`);
    expect(message).toContain('Restore the file from a backup, or move it aside to start with an empty database');
  });

  it('refuses a database with a damaged page, and leaves the file as it found it', async () => {
    const dir = tempDir();
    const file = await writeDamagedDatabase(dir);
    const before = fs.readFileSync(file);
    expect(await refusal(dir)).toContain(`The database ${file} (in ESCALE_DATA_DIR=${dir}) is damaged: SQLite's quick_check found`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a data directory that cannot be created, naming ESCALE_DATA_DIR', async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'a-file'), '');
    const dir = path.join(parent, 'a-file', 'data');
    const message = await refusal(dir);
    expect(message).toContain(`Cannot keep the database in ESCALE_DATA_DIR=${dir}: ENOTDIR`);
    expect(message).toMatch(/Make it a directory this user can write, or set ESCALE_DATA_DIR to one\.$/);
  });
});
