/**
 * How long a position is kept (POSITION_RETENTION_HOURS): only the latest one is ever stored, and only with
 * the location consent; past the retention the scheduled purge deletes it, and the live channel stops using
 * the copy it holds in memory. Each is judged on the clock that stamped it (a demo session's own clock for
 * the copy in memory, the server's for the stored row).
 */
import type { Db } from '../store/db.ts';

export function freshPosition<P extends { at: Date }>(position: P | null | undefined, now: Date, retentionMs: number): P | null {
  if (!position) return null;
  return now.getTime() - position.at.getTime() <= retentionMs ? position : null;
}

/** Deletes the stored positions older than `before`; returns how many went. */
export async function purgePositions(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('positions').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
