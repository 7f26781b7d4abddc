import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type OpenedDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { MessageLog, purgeLog, REPLAY_PAGE_ROWS, REPLAY_WINDOW_MS, type ReplayPlan } from './message-log.ts';

const NOW = new Date('2026-11-24T17:00:00Z');
const HOUR = 3600_000;
let store: OpenedDatabase;
let log: MessageLog;

beforeEach(async () => {
  store = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-log-')));
  await migrateToLatest(store.db, store.file);
  const stamp = NOW.toISOString();
  await store.db.insertInto('agencies').values({ id: 'a', name: 'A', created_at: stamp }).execute();
  await store.db.insertInto('cities').values({ id: 'paris', name: 'Paris', timezone: 'Europe/Paris', country_code: 'fr', center_lat: 48.8, center_lon: 2.3, attribution: '[]' }).execute();
  for (const id of ['t1', 't2']) {
    await store.db
      .insertInto('travellers')
      .values({ id, agency_id: 'a', name: id, locale: 'en', city_id: 'paris', persona_id: null, likes: '[]', dislikes: '[]', party: '{}', budget: null, created_at: stamp, push_settings: null })
      .execute();
  }
  log = new MessageLog(store.db, store.commitNumbered, 100);
});
afterEach(async () => {
  await store.close();
});

const ack = (i: number) => ({ type: 'feedback_ack' as const, placeId: `osm:node/${i}`, kind: 'dismissed' as const });
async function appendMany(travellerId: string, count: number, at: Date): Promise<void> {
  for (let i = 0; i < count; i++) await log.append(travellerId, ack(i), at);
}
async function replayed(plan: ReplayPlan): Promise<number[]> {
  if (plan.kind !== 'replayed') throw new Error(`expected a replay, got ${plan.kind}`);
  const seqs: number[] = [];
  for await (const page of plan.pages) {
    expect(page.length).toBeLessThanOrEqual(REPLAY_PAGE_ROWS);
    seqs.push(...page.map((m) => m.seq));
  }
  return seqs;
}
const seqsOf = async (travellerId: string) => (await store.db.selectFrom('message_log').select('seq').where('traveller_id', '=', travellerId).orderBy('seq').execute()).map((r) => r.seq);

describe('message log', () => {
  it('numbers appends in order even when they are made at once, and commits before answering', async () => {
    const done = await Promise.all(Array.from({ length: 20 }, (_, i) => log.append('t1', ack(i), NOW)));
    expect(done.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await seqsOf('t1')).toEqual(done.map((m) => m.seq));
    expect(JSON.parse(done[3]!.text)).toEqual({ ...ack(3), seq: 4 });
  });

  it('replays what was missed a page at a time, up to the newest committed number', async () => {
    await appendMany('t1', 90, NOW);
    const { upTo, plan } = await log.replay('t1', 10, NOW);
    expect(upTo).toBe(90);
    expect(await replayed(plan)).toEqual(Array.from({ length: 80 }, (_, i) => i + 11));
    expect((await log.replay('t1', 90, NOW)).plan.kind).toBe('fresh');
    expect((await log.replay('t1', undefined, NOW)).plan.kind).toBe('fresh');
  });

  it('resets instead of replaying more than the limit, past the window, or from a number never given', async () => {
    await appendMany('t1', 150, new Date(NOW.getTime() - 2 * HOUR));
    expect((await log.replay('t1', 0, NOW)).plan).toEqual({ kind: 'reset', why: 'too_many' });
    expect(await replayed((await log.replay('t1', 50, NOW)).plan)).toHaveLength(100);
    expect((await log.replay('t1', 151, NOW)).plan).toEqual({ kind: 'reset', why: 'unknown_seq' });
    expect((await log.replay('t1', 100, new Date(NOW.getTime() + REPLAY_WINDOW_MS))).plan).toEqual({ kind: 'reset', why: 'too_old' });
  });

  it('purges what no replay can ask for, keeping each traveller’s newest number', async () => {
    await appendMany('t1', 30, new Date(NOW.getTime() - REPLAY_WINDOW_MS - HOUR)); // all too old
    await appendMany('t2', 130, NOW); // recent, but more than the replay limit
    const purged = await purgeLog(store.db, NOW, 100);
    expect(purged).toBe(29 + 30);
    expect(await seqsOf('t1')).toEqual([30]);
    expect(await seqsOf('t2')).toEqual(Array.from({ length: 100 }, (_, i) => i + 31));
    // Numbers go on from where they were, and a client behind the purge is reset, not sent a hole.
    const fresh = new MessageLog(store.db, store.commitNumbered, 100);
    expect((await fresh.append('t1', ack(0), NOW)).seq).toBe(31);
    expect((await fresh.replay('t1', 10, NOW)).plan.kind).toBe('reset');
    expect(await purgeLog(store.db, NOW, 100)).toBe(1); // number 30: old, and no longer the newest
    expect(await purgeLog(store.db, NOW, 100)).toBe(0);
  });
});
