import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '@escale/shared';
import { VirtualClock } from '../clock.ts';
import { openSmallStore, type SmallStore } from '../test-support/small-store.ts';
import { travellerDigest } from '../travellers/erased.ts';
import { InsightRecorder } from './recorder.ts';

let store: SmallStore;
let clock: VirtualClock;
let recorder: InsightRecorder;
let errors: unknown[];

beforeEach(async () => {
  store = await openSmallStore();
  await store.travellers(['lea', 'marc']);
  // Tuesday 8 December 2026, 23:30 in Paris (22:30 UTC): the city's day is still the 8th.
  clock = new VirtualClock(new Date('2026-12-08T22:30:00Z'), 0);
  errors = [];
  recorder = new InsightRecorder({ commit: store.commit, clock, timezone: 'Europe/Paris', onError: (err) => errors.push(err) }, { flushMs: 60_000, batchRows: 3 });
});
afterEach(() => store.close());

/** A suggestion as the ranker makes it, reduced to what the insights read. */
const suggestion = (placeId: string, category = 'bar', driver = 'timing') =>
  ({ id: `place:${placeId}`, driver, item: { kind: 'place', id: placeId, place: { id: placeId, category } } }) as unknown as Suggestion;
const rows = () => store.db.selectFrom('insight_events').select(['traveller_id', 'action', 'place_id', 'day', 'week', 'category', 'signal', 'agency_id']).orderBy('place_id').execute();

describe('the insight recorder', () => {
  it('writes each place shown once per traveller and city day, with its category and driving signal', async () => {
    recorder.shown('lea', [suggestion('p1'), suggestion('p2', 'museum', 'interests')]);
    recorder.shown('lea', [suggestion('p1'), suggestion('p2', 'museum', 'interests')]);
    await recorder.flush();
    expect(await rows()).toEqual([
      { traveller_id: 'lea', action: 'shown', place_id: 'p1', day: '2026-12-08', week: '2026-12-07', category: 'bar', signal: 'timing', agency_id: 'demo' },
      { traveller_id: 'lea', action: 'shown', place_id: 'p2', day: '2026-12-08', week: '2026-12-07', category: 'museum', signal: 'interests', agency_id: 'demo' },
    ]);
    // Past midnight in Paris (23:00 UTC) it is another day.
    clock.set(new Date('2026-12-08T23:00:00Z'), 0);
    recorder.shown('lea', [suggestion('p1')]);
    await recorder.flush();
    expect((await rows()).map((r) => r.day)).toEqual(['2026-12-08', '2026-12-09', '2026-12-08']);
  });

  it('writes in batches of batchRows, without waiting for the timer once a batch is full', async () => {
    recorder.shown('lea', [suggestion('p1'), suggestion('p2')]);
    expect(await rows()).toEqual([]);
    recorder.shown('marc', [suggestion('p1')]);
    await expect.poll(async () => (await rows()).length).toBe(3);
  });

  it('ties a like or a booking to the suggestion shown there, and counts none where nothing was suggested', async () => {
    recorder.shown('lea', [suggestion('p1', 'music_venue', 'interests')]);
    await recorder.flush();
    expect(await recorder.acted(store.db, 'lea', 'p1', 'liked')).toBe(true);
    expect(await recorder.acted(store.db, 'lea', 'p9', 'liked')).toBe(false);
    // Days later (from the store, not memory): within the attribution window, then past it.
    clock.set(new Date('2026-12-13T12:00:00Z'), 0);
    expect(await recorder.acted(store.db, 'lea', 'p1', 'booked')).toBe(true);
    clock.set(new Date('2026-12-15T12:00:00Z'), 0);
    expect(await recorder.acted(store.db, 'lea', 'p1', 'dismissed')).toBe(false);
    const acted = (await rows()).filter((r) => r.action !== 'shown').map((r) => [r.action, r.day, r.category, r.signal]);
    expect(acted).toEqual([
      ['liked', '2026-12-08', 'music_venue', 'interests'],
      ['booked', '2026-12-13', 'music_venue', 'interests'],
    ]);
  });

  it('drops an erased traveller from memory, and their queued rows write nothing', async () => {
    recorder.shown('marc', [suggestion('p1')]);
    await store.db.deleteFrom('travellers').where('id', '=', 'marc').execute();
    recorder.forget({ type: 'traveller_erased', travellerDigest: travellerDigest('marc') });
    await recorder.flush();
    expect(await rows()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('never throws when the store fails: the batch is dropped and reported', async () => {
    const failing = new InsightRecorder({ commit: () => Promise.reject(new Error('disk I/O error')), clock, timezone: 'Europe/Paris', onError: (err) => errors.push(err) });
    failing.shown('lea', [suggestion('p1')]);
    await failing.flush();
    expect(errors).toHaveLength(1);
  });
});
