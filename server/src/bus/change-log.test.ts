import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '@escale/shared';
import { openSqlite, type OpenedDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { Bus } from './bus.ts';
import { ChangeLog } from './change-log.ts';
import { InProcessRelay } from './relay.ts';

/** Two "instances" over one database file: each its own connection, bus and change log. */
let dir: string;
let stores: OpenedDatabase[];
let errors: string[];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-changes-'));
  stores = [openSqlite(dir), openSqlite(dir)];
  await migrateToLatest(stores[0]!.db, stores[0]!.file);
  errors = [];
});
afterEach(async () => {
  for (const s of stores) await s.close();
});

async function instance(n: number): Promise<{ log: ChangeLog; heard: Change[] }> {
  const bus = new Bus();
  const heard: Change[] = [];
  for (const type of ['traveller_changed', 'session_ended'] as const) bus.on(type, (c) => heard.push(c));
  const log = new ChangeLog(stores[n]!.db, bus, new InProcessRelay(`i${n}`), (err, what) => errors.push(`${what}: ${(err as Error).message}`));
  await log.init();
  return { log, heard };
}

const changed = (travellerId: string): Change => ({ type: 'traveller_changed', travellerId });

describe('the change log', () => {
  it('applies a change on the instance that made it before answering, and on the others in order', async () => {
    const a = await instance(0);
    const b = await instance(1);
    await a.log.record(
      async () => 'done',
      () => [changed('t1'), changed('t2')],
    );
    expect(a.heard).toEqual([changed('t1'), changed('t2')]);
    await b.log.record(
      async () => undefined,
      () => [changed('t3')],
    );
    // B read A's entries before its own: every instance applies the same order.
    expect(b.heard).toEqual([changed('t1'), changed('t2'), changed('t3')]);
    await a.log.catchUp();
    expect(a.heard).toEqual(b.heard);
    expect(await a.log.status()).toEqual({ applied: 3, head: 3, lag: 0, refused: 0 });
  });

  it('commits nothing, and tells no one, when the work fails', async () => {
    const a = await instance(0);
    await expect(
      a.log.record(
        async (trx) => {
          await trx.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
          throw new Error('refused');
        },
        () => [changed('t1')],
      ),
    ).rejects.toThrow('refused');
    expect(a.heard).toEqual([]);
    expect(await stores[0]!.db.selectFrom('meta').selectAll().where('key', '=', 'k').execute()).toEqual([]);
    expect((await a.log.status()).head).toBe(0);
  });

  it('starts at the head: what was committed before it read its state is not applied again', async () => {
    const a = await instance(0);
    await a.log.record(
      async () => undefined,
      () => [changed('before')],
    );
    const late = await instance(1);
    await a.log.record(
      async () => undefined,
      () => [changed('after')],
    );
    await late.log.catchUp();
    expect(late.heard).toEqual([changed('after')]);
  });

  it('skips and counts an entry that does not parse, and goes on with the next', async () => {
    const a = await instance(0);
    const b = await instance(1);
    await a.log.record(
      async (trx) => {
        // An entry written by some other version, with the counter moved as a commit would.
        await trx.insertInto('change_counter').values({ id: 1, position: 1 }).execute();
        await trx.insertInto('change_log').values({ position: 1, origin: 'elsewhere', change: '{"type":"moved_to_mars"}', at: new Date().toISOString() }).execute();
      },
      () => [changed('t1')],
    );
    await b.log.catchUp();
    expect(b.heard).toEqual([changed('t1')]);
    expect((await b.log.status()).refused).toBe(1);
    expect(errors.some((e) => e.startsWith('change 1 refused'))).toBe(true);
  });
});
