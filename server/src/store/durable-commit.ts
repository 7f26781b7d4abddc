/**
 * Commits that must survive a power cut before they are acknowledged: a booking, whose "booked" the
 * traveller acts on. PostgreSQL flushes every commit already (`synchronous_commit` on, its default).
 * SQLite runs with synchronous=NORMAL for the push path's many small writes (store/db.ts): a commit there
 * survives the process dying but reaches the disk at the next checkpoint. For these commits the connection
 * is switched to synchronous=FULL, which syncs the WAL at the commit itself, and back once no such commit
 * is under way. The PRAGMA goes through kysely like every statement, so it runs between transactions,
 * never inside one; a count of the durable writes in flight keeps one from switching back under another.
 */
import { sql } from 'kysely';
import type { Db } from './db.ts';
import { storeKindOf } from './dialect.ts';

const inFlight = new WeakMap<Db, number>();

export async function durably<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (storeKindOf(db) !== 'sqlite') return work();
  const before = inFlight.get(db) ?? 0;
  inFlight.set(db, before + 1);
  try {
    if (before === 0) await sql`PRAGMA synchronous = FULL`.execute(db);
    return await work();
  } finally {
    const left = (inFlight.get(db) ?? 1) - 1;
    inFlight.set(db, left);
    if (left === 0) await sql`PRAGMA synchronous = NORMAL`.execute(db);
  }
}
