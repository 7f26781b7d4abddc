import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './db.ts';
import { durably } from './durable-commit.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function store() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-durable-'));
  dirs.push(dir);
  return openSqlite(dir);
}
/** SQLite's synchronous level: 1 NORMAL, 2 FULL. */
const level = async (db: Awaited<ReturnType<typeof store>>['db']) => (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db)).rows[0]!.synchronous;

describe('durable commits on SQLite', () => {
  it('commits a booking with synchronous=FULL and goes back to NORMAL after', async () => {
    const { db, close } = await store();
    try {
      expect(await level(db)).toBe(1);
      const during = await durably(db, () => level(db));
      expect(during).toBe(2);
      expect(await level(db)).toBe(1);
    } finally {
      await close();
    }
  });

  it('keeps FULL until the last of several durable writes at once is done, and after one that failed', async () => {
    const { db, close } = await store();
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = durably(db, async () => {
        await held;
        return level(db);
      });
      const second = durably(db, () => level(db));
      expect(await second).toBe(2);
      release();
      expect(await first).toBe(2);
      expect(await level(db)).toBe(1);
      await expect(durably(db, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
      expect(await level(db)).toBe(1);
    } finally {
      await close();
    }
  });
});
