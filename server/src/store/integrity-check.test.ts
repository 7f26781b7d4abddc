import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.ts';
import { writeDamagedDatabase } from '../test-support/damaged-database.ts';
import { openSqlite } from './db.ts';
import { checkIntegrity } from './integrity-check.ts';
import { migrateToLatest } from './migrate.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'escale-integrity-'));

async function intactDatabase(): Promise<string> {
  const store = openSqlite(tempDir());
  await migrateToLatest(store.db, store.file);
  await store.close();
  return store.file;
}

describe('integrity check at start', () => {
  it('passes an intact database', async () => {
    expect(await checkIntegrity(await intactDatabase())).toEqual({ status: 'ok' });
  });

  it("refuses a database with a damaged page, with SQLite's finding, the file and ESCALE_DATA_DIR", async () => {
    const dir = tempDir();
    const file = await writeDamagedDatabase(dir);
    const refusal = await checkIntegrity(file).then(
      () => expect.unreachable('a damaged page must be found'),
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(StartupError);
    const message = (refusal as Error).message;
    expect(message).toContain(`The database ${file} (in ESCALE_DATA_DIR=${dir}) is damaged`);
    // quick_check's own report of the page, not an error met on the way.
    expect(message).toMatch(/SQLite's quick_check found .*page \d+/);
    expect(message).toMatch(/Restore the file from a backup, or move it aside to start with an empty database/);
  });

  it('refuses a database whose damaged page makes quick_check itself fail', async () => {
    const dir = tempDir();
    const file = await writeDamagedDatabase(dir, 'page header');
    await expect(checkIntegrity(file)).rejects.toThrow(`The database ${file} (in ESCALE_DATA_DIR=${dir}) is damaged: SQLite's quick_check failed: database disk image is malformed.`);
  });

  it('says the check did not finish when it runs out of time, and does not fail', async () => {
    const result = await checkIntegrity(await intactDatabase(), 0);
    expect(result).toEqual({ status: 'unfinished', reason: 'quick_check did not finish within 0 ms' });
  });
});
