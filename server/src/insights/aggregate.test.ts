import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSIGHT_ACTIONS, type InsightAction } from '@escale/shared';
import { openSmallStore, type SmallStore } from '../test-support/small-store.ts';
import { countOverShown, type Count, type InsightScope } from './aggregate.ts';
import { type InsightEvent, purgeEvents, writeEvent } from './events.ts';

let store: SmallStore;

beforeEach(async () => {
  store = await openSmallStore();
});
afterEach(() => store.close());

const travellers = (ids: string[], agency?: 'demo' | 'rival') => store.travellers(ids, agency);

const shown = (travellerId: string, over: Partial<InsightEvent> = {}): InsightEvent => ({
  travellerId,
  action: 'shown',
  placeId: 'osm:node/1',
  day: '2026-12-07',
  category: 'bar',
  signal: 'timing',
  ...over,
});

async function write(events: InsightEvent[]): Promise<void> {
  await travellers([...new Set(events.map((e) => e.travellerId))]);
  for (const e of events) await writeEvent(store.db, e);
}

const WEEK: InsightScope = { agencyId: 'demo', from: '2026-12-07', to: '2026-12-13', by: 'category', bucket: 'day' };
const names = (n: number, prefix = 't') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const sorted = (counts: Count[]) => [...counts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('insight figures', () => {
  it('hides a figure of four travellers, and shows it with the fifth', async () => {
    await write(names(4).map((t) => shown(t)));
    expect(await countOverShown(store.db, WEEK, ['grp', 'bucket'])).toEqual([]);
    expect(await countOverShown(store.db, WEEK, [])).toEqual([]);
    await write([shown('t5')]);
    expect(await countOverShown(store.db, WEEK, ['grp', 'bucket'])).toEqual([{ action: 'shown', grp: 'bar', bucket: '2026-12-07', n: 5 }]);
    expect(await countOverShown(store.db, WEEK, [])).toEqual([{ action: 'shown', n: 5 }]);
  });

  it('counts a traveller once however often, and at however many places of the group, they were shown', async () => {
    await write(names(5).flatMap((t) => [shown(t), shown(t), shown(t, { placeId: 'osm:node/2' })]));
    expect(await store.db.selectFrom('insight_events').select('traveller_id').execute()).toHaveLength(10);
    expect(await countOverShown(store.db, WEEK, ['grp'])).toEqual([{ action: 'shown', grp: 'bar', n: 5 }]);
  });

  it('never lets a hidden figure be recovered by subtracting a shown one from a total', async () => {
    // Five travellers were shown bars, three others museums: the museums' figure is hidden, and the totals
    // are the bars' five, not eight, so "total − bars" says nothing about the museums.
    await write([...names(5).map((t) => shown(t)), ...names(3, 'm').map((t) => shown(t, { category: 'museum', placeId: 'osm:node/9' }))]);
    expect(await countOverShown(store.db, WEEK, ['grp'])).toEqual([{ action: 'shown', grp: 'bar', n: 5 }]);
    expect(await countOverShown(store.db, WEEK, ['bucket'])).toEqual([{ action: 'shown', bucket: '2026-12-07', n: 5 }]);
    expect(await countOverShown(store.db, WEEK, [])).toEqual([{ action: 'shown', n: 5 }]);
    // Over a week, each day's figure is its own: three more travellers on Tuesday add nothing anywhere.
    await write(names(3, 'x').map((t) => shown(t, { day: '2026-12-08' })));
    expect(await countOverShown(store.db, WEEK, [])).toEqual([{ action: 'shown', n: 5 }]);
    // Counted by week, the eight bar travellers of the week make one figure.
    expect(await countOverShown(store.db, { ...WEEK, bucket: 'week' }, [])).toEqual([{ action: 'shown', n: 8 }]);
  });

  it('gives an answer that the events of hidden figures do not change at all (any events, any grouping)', async () => {
    const event = fc.record({
      travellerId: fc.constantFrom(...names(9)),
      action: fc.constantFrom<InsightAction>(...INSIGHT_ACTIONS),
      placeId: fc.constantFrom('p1', 'p2', 'p3'),
      day: fc.constantFrom('2026-12-07', '2026-12-08', '2026-12-14'),
      category: fc.constantFrom('bar', 'museum'),
      signal: fc.constantFrom('timing', 'taste'),
    });
    const scopes: InsightScope[] = (['category', 'place', 'signal'] as const).flatMap((by) => (['day', 'week'] as const).map((bucket) => ({ ...WEEK, to: '2026-12-20', by, bucket })));
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 20, maxLength: 80 }), fc.constantFrom(...scopes), async (events, scope) => {
        await store.db.deleteFrom('insight_events').execute();
        await write(events);
        const answer = async () => ({
          groups: sorted(await countOverShown(store.db, scope, ['grp'])),
          buckets: sorted(await countOverShown(store.db, scope, ['bucket'])),
          total: sorted(await countOverShown(store.db, scope, [])),
        });
        const before = await answer();
        for (const list of Object.values(before)) for (const c of list) expect(c.n).toBeGreaterThanOrEqual(5);
        // Delete every event of a hidden figure (as the reference computes them): nothing changes.
        const column = { category: 'category', place: 'place_id', signal: 'signal' } as const;
        const rows = await store.db.selectFrom('insight_events').selectAll().execute();
        const cell = (r: (typeof rows)[number]) => `${r.action}|${r[column[scope.by]]}|${r[scope.bucket]}`;
        const travellersOf = new Map<string, Set<string>>();
        for (const r of rows) travellersOf.set(cell(r), (travellersOf.get(cell(r)) ?? new Set()).add(r.traveller_id));
        for (const r of rows) {
          if (travellersOf.get(cell(r))!.size >= 5) continue;
          await store.db.deleteFrom('insight_events').where('traveller_id', '=', r.traveller_id).where('action', '=', r.action).where('place_id', '=', r.place_id).where('day', '=', r.day).execute();
        }
        expect(await answer()).toEqual(before);
      }),
      { numRuns: 40, seed: 20261208 },
    );
  });

  it("counts one agency's travellers only", async () => {
    await travellers(names(5, 'r'), 'rival');
    for (const t of names(5, 'r')) await writeEvent(store.db, shown(t));
    expect(await countOverShown(store.db, WEEK, [])).toEqual([]);
    expect(await countOverShown(store.db, { ...WEEK, agencyId: 'rival' }, [])).toEqual([{ action: 'shown', n: 5 }]);
  });

  it('writes nothing for a traveller who is not there (erased while the write was queued)', async () => {
    await writeEvent(store.db, shown('nobody'));
    expect(await store.db.selectFrom('insight_events').selectAll().execute()).toEqual([]);
  });

  it('keeps the last retentionDays days, today included, and purges the rest', async () => {
    await write([shown('t1', { day: '2025-12-08' }), shown('t1', { day: '2025-12-07' }), shown('t1', { day: '2026-12-07' })]);
    expect(await purgeEvents(store.db, '2026-12-08', 366)).toBe(1);
    expect((await store.db.selectFrom('insight_events').select('day').orderBy('day').execute()).map((r) => r.day)).toEqual(['2025-12-08', '2026-12-07']);
  });
});
