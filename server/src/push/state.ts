/**
 * What the push policy remembers per traveller: when and where the last push went, which meal window and
 * which wallet gap were already announced, and which items were pushed on which local day.
 */
import { preparedWrite } from '../store/prepared-write.ts';
import type { Write } from '../store/write-batch.ts';
import type { Db } from '../store/db.ts';

export interface PushState {
  lastPushAt: Date | null;
  lastUnsolicitedAt: Date | null;
  /** Where the last push was made; null without location consent (it is location data). */
  lastPosition: { lat: number; lon: number } | null;
  lastArea: string | null;
  /** "2026-11-24 12:00": the meal window last announced. */
  lastMeal: string | null;
  /** The wallet gap last announced (see wallet/timeline.ts). */
  lastGap: string | null;
}

export const EMPTY_STATE: PushState = { lastPushAt: null, lastUnsolicitedAt: null, lastPosition: null, lastArea: null, lastMeal: null, lastGap: null };

const toDate = (s: string | null) => (s === null ? null : new Date(s));

export async function loadPushState(db: Db, travellerId: string): Promise<PushState> {
  const r = await db.selectFrom('push_state').selectAll().where('traveller_id', '=', travellerId).executeTakeFirst();
  if (!r) return EMPTY_STATE;
  return {
    lastPushAt: toDate(r.last_push_at),
    lastUnsolicitedAt: toDate(r.last_unsolicited_at),
    lastPosition: r.last_lat !== null && r.last_lon !== null ? { lat: r.last_lat, lon: r.last_lon } : null,
    lastArea: r.last_area,
    lastMeal: r.last_meal,
    lastGap: r.last_gap,
  };
}

// The push's own writes, once per push: prepared once (store/prepared-write.ts).
const STATE_COLUMNS = ['last_push_at', 'last_unsolicited_at', 'last_lat', 'last_lon', 'last_area', 'last_meal', 'last_gap'] as const;
const upsertState = preparedWrite(['traveller_id', ...STATE_COLUMNS], (db, v) => {
  const { traveller_id: _, ...update } = v;
  return db
    .insertInto('push_state')
    .values(v)
    .onConflict((oc) => oc.column('traveller_id').doUpdateSet(update));
});
const insertPushed = preparedWrite(['traveller_id', 'local_date', 'item_id'], (db, v) =>
  db
    .insertInto('pushed_items')
    .values(v)
    .onConflict((oc) => oc.doNothing()),
);
const purgePushed = preparedWrite(['traveller_id', 'local_date'], (db, v) => db.deleteFrom('pushed_items').where('traveller_id', '=', v.traveller_id).where('local_date', '<', v.local_date));

/** Items already pushed to the traveller on a local day. */
export async function pushedOn(db: Db, travellerId: string, localDate: string): Promise<Set<string>> {
  const rows = await db.selectFrom('pushed_items').select('item_id').where('traveller_id', '=', travellerId).where('local_date', '=', localDate).execute();
  return new Set(rows.map((r) => r.item_id));
}

/**
 * What a push writes about itself, committed after its message is logged and sent (store/after-turn-writes.ts):
 * its new state and the items it sent on `localDate`. `newDay`: the first push of a local day also drops older days' items, since only the
 * current day's list is ever read (the table stays the size of one day of pushes).
 */
export function pushWrites(travellerId: string, s: PushState, localDate: string, itemIds: readonly string[], newDay: boolean): Write[] {
  const writes = [
    upsertState.bind({
      traveller_id: travellerId,
      last_push_at: s.lastPushAt?.toISOString() ?? null,
      last_unsolicited_at: s.lastUnsolicitedAt?.toISOString() ?? null,
      last_lat: s.lastPosition?.lat ?? null,
      last_lon: s.lastPosition?.lon ?? null,
      last_area: s.lastArea,
      last_meal: s.lastMeal,
      last_gap: s.lastGap,
    }),
  ];
  // One statement per item: the same SQL each time, whatever the number of items.
  for (let i = 0; i < itemIds.length; i++) writes.push(insertPushed.bind({ traveller_id: travellerId, local_date: localDate, item_id: itemIds[i] }));
  if (newDay) writes.push(purgePushed.bind({ traveller_id: travellerId, local_date: localDate }));
  return writes;
}
