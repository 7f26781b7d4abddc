import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PUSH_SETTINGS } from '@escale/shared';
import { AfterTurnWrites } from '../store/after-turn-writes.ts';
import { openSqlite, type OpenedDatabase } from '../store/db.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { booking } from '../test-support/fixtures.ts';
import { addBooking } from '../wallet/queries.ts';
import { PushCache } from './push-cache.ts';
import { EMPTY_STATE, pushWrites } from './state.ts';

let store: OpenedDatabase;
let writes: AfterTurnWrites;
let reads: number;

beforeEach(async () => {
  reads = 0;
  store = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-cache-')));
  await migrateToLatest(store.db, store.file);
  writes = new AfterTurnWrites(store.commit, (err) => {
    throw err;
  });
  await store.db.insertInto('agencies').values({ id: 'a', name: 'Agency', created_at: '2026-11-24T00:00:00Z' }).execute();
  await store.db.insertInto('cities').values({ id: 'paris', name: 'Paris', timezone: 'Europe/Paris', country_code: 'FR', center_lat: 48.86, center_lon: 2.35, attribution: '[]' }).execute();
  await store.db
    .insertInto('travellers')
    .values({
      id: 't1',
      agency_id: 'a',
      name: 'Léa',
      locale: 'fr',
      city_id: 'paris',
      persona_id: null,
      likes: '[]',
      dislikes: '[]',
      party: '{"adults":1,"childrenAges":[],"accessibility":[]}',
      budget: 2,
      created_at: '2026-11-24T00:00:00Z',
    })
    .execute();
  await store.db.insertInto('consents').values({ traveller_id: 't1', category: 'location', granted: 1, updated_at: '2026-11-24T00:00:00Z' }).execute();
});
afterEach(async () => {
  await store.close();
});

/** A cache over the test database that counts the queries it sends. */
function countingCache(): PushCache {
  const counted = store.db.withPlugin({
    transformQuery: (args) => {
      reads++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  return new PushCache(counted, writes);
}

describe('push cache', () => {
  it('reads a connected traveller once, and again only after an invalidation', async () => {
    const cache = countingCache();
    cache.retain('t1');
    expect((await cache.view('t1'))?.traveller.consents.location).toBe(true);
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    await cache.view('t1');
    expect(reads).toBe(afterFirst);

    await store.db.updateTable('consents').set({ granted: 0 }).where('traveller_id', '=', 't1').execute();
    cache.invalidate('t1');
    expect((await cache.view('t1'))?.traveller.consents.location).toBe(false);
    expect(reads).toBe(2 * afterFirst);
  });

  it('keeps nothing for a traveller without a live connection, and drops them when the last one closes', async () => {
    const cache = countingCache();
    await cache.view('t1');
    expect(cache.size).toBe(0);
    cache.retain('t1');
    cache.retain('t1');
    await cache.view('t1');
    cache.release('t1');
    expect(cache.size).toBe(1); // a second tab is still open
    cache.release('t1');
    expect(cache.size).toBe(0);
  });

  it('does not keep a load that an invalidation overtook', async () => {
    const cache = new PushCache(store.db, writes);
    cache.retain('t1');
    const stale = cache.view('t1');
    await store.db
      .updateTable('travellers')
      .set({ push_settings: JSON.stringify({ ...DEFAULT_PUSH_SETTINGS, moveThresholdMeters: 900 }) })
      .where('id', '=', 't1')
      .execute();
    cache.invalidate('t1');
    await stale;
    expect(cache.size).toBe(0); // what it read may predate the change: handed to its caller, not kept
    expect((await cache.view('t1'))?.settings.moveThresholdMeters).toBe(900);
  });

  it('follows the push’s own writes: state, and the items pushed on the day it holds', async () => {
    const cache = countingCache();
    cache.retain('t1');
    await cache.view('t1');
    expect([...(await cache.pushedOn('t1', '2026-11-24'))]).toEqual([]);
    const next = { ...EMPTY_STATE, lastPushAt: new Date('2026-11-24T17:00:00Z'), lastArea: 'a1' };
    writes.add(pushWrites('t1', next, '2026-11-24', ['p1', 'p2'], true));
    cache.pushed('t1', next, '2026-11-24', ['p1', 'p2']);
    const before = reads;
    expect((await cache.view('t1'))?.state).toEqual(next);
    expect([...(await cache.pushedOn('t1', '2026-11-24'))].sort()).toEqual(['p1', 'p2']);
    expect(reads).toBe(before);
    // Another day is read from the table.
    expect([...(await cache.pushedOn('t1', '2026-11-25'))]).toEqual([]);
    expect(reads).toBe(before + 1);
    // The first push of a new day drops the older days' items; later pushes of the day keep the day's list.
    const dayAfter = { ...next, lastPushAt: new Date('2026-11-25T09:00:00Z') };
    await store.commit(pushWrites('t1', dayAfter, '2026-11-25', ['p3'], true));
    await store.commit(pushWrites('t1', dayAfter, '2026-11-25', ['p4'], false));
    const rows = await store.db.selectFrom('pushed_items').select(['local_date', 'item_id']).orderBy('item_id').execute();
    expect(rows).toEqual([
      { local_date: '2026-11-25', item_id: 'p3' },
      { local_date: '2026-11-25', item_id: 'p4' },
    ]);
  });

  it('knows a traveller without bookings cannot have a wallet gap, and reads no booking without the wallet consent', async () => {
    const cache = countingCache();
    cache.retain('t1');
    expect((await cache.view('t1'))?.mayHaveGap).toBe(false);
    await store.db.insertInto('consents').values({ traveller_id: 't1', category: 'wallet', granted: 1, updated_at: '2026-11-24T00:00:00Z' }).execute();
    await store.db
      .insertInto('bookings')
      .values({
        id: 'b1',
        traveller_id: 't1',
        kind: 'EventReservation',
        title: 'Show',
        place_id: null,
        starts_at: '2026-11-24T19:00:00.000Z',
        ends_at: null,
        timezone: 'Europe/Paris',
        source: 'manual',
        status: 'confirmed',
        created_at: '2026-11-24T00:00:00Z',
      })
      .execute();
    cache.invalidate('t1');
    expect((await cache.view('t1'))?.mayHaveGap).toBe(true);
  });

  it('keeps the bookings around now until a booking changes, and reads none without the wallet consent', async () => {
    const now = new Date('2026-11-24T17:30:00Z');
    const cache = countingCache();
    cache.retain('t1');
    await addBooking(store.db, 't1', booking('concert', 'EventReservation', '2026-11-24T19:30:00Z', null), now);
    await cache.view('t1');
    reads = 0;
    expect(await cache.bookingsAround('t1', now)).toEqual([]);
    expect(reads).toBe(0); // wallet consent off: not even read

    await store.db.insertInto('consents').values({ traveller_id: 't1', category: 'wallet', granted: 1, updated_at: '2026-11-24T00:00:00Z' }).execute();
    cache.invalidate('t1');
    expect((await cache.bookingsAround('t1', now)).map((b) => b.id)).toEqual(['concert']);
    reads = 0;
    expect((await cache.bookingsAround('t1', new Date(now.getTime() + 3_600_000))).map((b) => b.id)).toEqual(['concert']);
    expect(reads).toBe(0); // an hour later, the same window

    // A new booking: its writer invalidates (booking_changed), and the next ranking sees it.
    await addBooking(store.db, 't1', booking('dinner', 'FoodEstablishmentReservation', '2026-11-24T18:00:00Z', null), now);
    cache.invalidate('t1');
    expect((await cache.bookingsAround('t1', now)).map((b) => b.id)).toEqual(['dinner', 'concert']);
  });

  it('never reads behind the writes still queued for the end of the turn', async () => {
    const cache = countingCache();
    cache.retain('t1');
    await cache.view('t1');
    const next = { ...EMPTY_STATE, lastPushAt: new Date('2026-11-24T17:00:00Z'), lastArea: 'a2' };
    writes.add(pushWrites('t1', next, '2026-11-24', ['p9'], true));
    // A settings change in the same turn drops the entry: the reload must see the queued push state.
    cache.invalidate('t1');
    expect((await cache.view('t1'))?.state).toEqual(next);
    expect([...(await cache.pushedOn('t1', '2026-11-24'))]).toEqual(['p9']);
  });
});
