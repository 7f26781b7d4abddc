/**
 * The insight events as stored (`insight_events`): the one insert, the look-up that ties a like, a
 * dismissal or a booking to the suggestion it follows, the deletions a traveller's word calls for, and the
 * retention purge. A row names its traveller only so that figures count distinct travellers; nothing here
 * is ever answered to staff (aggregate.ts is the only reader that is).
 */
import { type RawBuilder, sql } from 'kysely';
import { addDays, type InsightAction, mondayOf } from '@escale/shared';
import type { Db } from '../store/db.ts';
import { preparedWrite } from '../store/prepared-write.ts';

export interface InsightEvent {
  travellerId: string;
  action: InsightAction;
  placeId: string;
  /** The city's day, "YYYY-MM-DD". */
  day: string;
  category: string;
  signal: string;
}

type Slot = 'traveller_id' | 'action' | 'place_id' | 'day' | 'week' | 'category' | 'signal';

/**
 * INSERT … SELECT from the traveller's row: the agency is the traveller's own, and a traveller erased before
 * the write lands (a batch still queued) makes it write nothing rather than fail. The key (traveller, action,
 * place, day) makes a repeat do nothing: a feed refreshed all day counts once.
 */
function insertEvent(db: Db, v: Record<Slot, unknown>) {
  const text = (value: unknown): RawBuilder<string> => sql<string>`cast(${value} as text)`;
  return db
    .insertInto('insight_events')
    .columns(['traveller_id', 'agency_id', 'action', 'place_id', 'day', 'week', 'category', 'signal'])
    .expression(
      db
        .selectFrom('travellers')
        .select([
          'travellers.id',
          'travellers.agency_id',
          text(v.action).as('action'),
          text(v.place_id).as('place_id'),
          text(v.day).as('day'),
          text(v.week).as('week'),
          text(v.category).as('category'),
          text(v.signal).as('signal'),
        ])
        .where('travellers.id', '=', v.traveller_id as string),
    )
    .onConflict((oc) => oc.doNothing());
}

const slots = (e: InsightEvent): Record<Slot, unknown> => ({
  traveller_id: e.travellerId,
  action: e.action,
  place_id: e.placeId,
  day: e.day,
  week: mondayOf(e.day),
  category: e.category,
  signal: e.signal,
});

// Prepared once: "shown" events are written in batches from the push path (recorder.ts).
const preparedInsert = preparedWrite(['traveller_id', 'action', 'place_id', 'day', 'week', 'category', 'signal'], (db, v) => insertEvent(db, v));

/** The event as a prepared write, for a batch (store/write-batch.ts). */
export const eventWrite = (e: InsightEvent) => preparedInsert.bind(slots(e));

/** Writes one event now, on `db` (a transaction: it commits with what caused it). */
export async function writeEvent(db: Db, e: InsightEvent): Promise<void> {
  await insertEvent(db, slots(e)).execute();
}

/** What the traveller was last shown at the place since `sinceDay`: its category and driving signal. */
export function lastShown(db: Db, travellerId: string, placeId: string, sinceDay: string): Promise<{ category: string; signal: string } | undefined> {
  return db
    .selectFrom('insight_events')
    .select(['category', 'signal'])
    .where('traveller_id', '=', travellerId)
    .where('action', '=', 'shown')
    .where('place_id', '=', placeId)
    .where('day', '>=', sinceDay)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * A like or a dismissal taken back (Undo, My data): the place is "as if it had never been given", in the
 * statistics too. `placeId` null: every one of that action (a consent withdrawn).
 */
export async function forgetEvents(db: Db, travellerId: string, action: InsightAction, placeId: string | null = null): Promise<void> {
  let q = db.deleteFrom('insight_events').where('traveller_id', '=', travellerId).where('action', '=', action);
  if (placeId !== null) q = q.where('place_id', '=', placeId);
  await q.execute();
}

/** Keeps the last `retentionDays` days, today included, and deletes the rest; returns how many went. */
export async function purgeEvents(db: Db, today: string, retentionDays: number): Promise<number> {
  const result = await db
    .deleteFrom('insight_events')
    .where('day', '<', addDays(today, 1 - retentionDays))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The feedback the insights count: a like and a "not interested" ("been there" and "saved" are not about the suggestion). */
export function isInsightFeedback(kind: string): kind is 'liked' | 'dismissed' {
  return kind === 'liked' || kind === 'dismissed';
}
