import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.ts';

describe('checkpointer', () => {
  it('moves committed pages from the WAL into the database file while the writer never checkpoints', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-ckpt-')), 'db.sqlite');
    const writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table t (body text)');
    const insert = writer.prepare('insert into t (body) values (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(2000));
    const before = fs.statSync(file).size;
    const errors: string[] = [];
    const checkpointer = startCheckpointer(file, (m) => errors.push(m), 20);
    const deadline = Date.now() + 5_000;
    while (fs.statSync(file).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await checkpointer.stop();
    expect(fs.statSync(file).size).toBeGreaterThan(before + 200 * 2000);
    expect(errors).toEqual([]);
    expect(writer.prepare('select count(*) as n from t').get()).toEqual({ n: 200 });
    writer.close();
  });

  it('is waited for on stop even though it never keeps the process alive: the last checkpoint runs and the database closes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-ckpt-'));
    // A process whose only remaining work is the close: an unreferenced worker let it exit mid-await.
    const script = `
      import { openSqlite } from ${JSON.stringify(path.join(import.meta.dirname, 'db.ts'))};
      const store = openSqlite(${JSON.stringify(dir)}, { checkpointErrors: (m) => console.error(m) });
      await store.db.schema.createTable('t').addColumn('body', 'text').execute();
      await store.close();
      console.log('closed');
    `;
    const file = path.join(dir, 'close.mts');
    fs.writeFileSync(file, script);
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out.trim()).toBe('closed');
    // Closed cleanly: SQLite checkpointed and removed the WAL of the last connection.
    expect(fs.existsSync(path.join(dir, 'escale.sqlite-wal'))).toBe(false);
  });
});
