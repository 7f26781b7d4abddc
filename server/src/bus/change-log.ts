/**
 * The change log: how every instance's memory (the travel graph, the push cache, sockets, clocks) follows
 * the database. A feature commits its rows and the change's entry in one transaction (`record`); every
 * instance, the one that made the change included, applies the log in position order by emitting each
 * change on its bus. Positions come from one counter row locked until the commit, so they appear in order
 * and without gaps: nothing below the applied position can still arrive, and no change is ever missed.
 *
 * An instance learns of new entries three ways: its own commit (it applies through that position before
 * answering, so a traveller sees their own change at once), a wake-up from the relay (Redis), and a poll
 * every `pollMs` that covers a lost wake-up or a Redis that is down.
 */
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { Change, validationIssues } from '@escale/shared';
import type { Db } from '../store/db.ts';
import { durably } from '../store/durable-commit.ts';
import type { Database } from '../store/schema.ts';
import type { Bus } from './bus.ts';
import type { Relay } from './relay.ts';

/** Entries read at a time while catching up. */
export const CHANGE_PAGE_ROWS = 500;
/** How often the log is read without a wake-up (several instances only): the bound on a lost wake-up's delay. */
export const CHANGE_POLL_MS = 500;
/** Entries older than this are purged (housekeeping): every running instance applied them long before. */
export const CHANGE_LOG_KEEP_MS = 24 * 3600_000;

export interface ChangeLogStatus {
  /** The last position this instance applied. */
  applied: number;
  /** The log's last committed position when last read. */
  head: number;
  /** Entries committed and not yet applied here. */
  lag: number;
  /** Entries that did not parse (written by another version?), skipped and counted. */
  refused: number;
}

export class ChangeLog {
  private applied = 0;
  private head = 0;
  private refused = 0;
  private reading: Promise<void> = Promise.resolve();
  private pending = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly relay: Relay,
    private readonly onError: (err: unknown, what: string) => void,
  ) {
    relay.onMessage((m) => {
      if (m.type === 'wake' && m.position > this.applied) void this.catchUp();
    });
  }

  /**
   * Where this instance starts: the log's head, read before the instance reads the state it builds its
   * memory from, so that whatever is committed after is applied on top (applying twice is harmless: every
   * change sets a state rather than adding to one).
   */
  async init(): Promise<void> {
    this.applied = this.head = await readHead(this.db);
  }

  /** Reads the log now and then every `pollMs` (0: only on commits and wake-ups, for a single instance). */
  start(pollMs: number): void {
    if (pollMs > 0) this.timer = setInterval(() => void this.catchUp(), pollMs).unref();
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.reading;
  }

  /**
   * Commits `work` (the change's rows, on the transaction) with the entries of the changes `changesOf` says
   * it made (none: nothing to tell), then applies the log through them before resolving: when this
   * returns, this instance's memory shows the change. `durable`: the commit is on disk before this returns,
   * power cut included (store/durable-commit.ts; a booking, which the traveller is told is made).
   */
  async record<T>(work: (trx: Transaction<Database>) => Promise<T>, changesOf: (value: T) => Change[], options: { durable?: boolean } = {}): Promise<T> {
    const at = new Date().toISOString();
    let last = 0;
    const commit = () =>
      this.db.transaction().execute(async (trx) => {
        const value = await work(trx);
        for (const change of changesOf(value)) {
          // The counter last: its row lock, which orders every instance's commits, is held the shortest time.
          const { position } = await trx
            .insertInto('change_counter')
            .values({ id: 1, position: 1 })
            .onConflict((oc) => oc.column('id').doUpdateSet({ position: sql<number>`change_counter.position + 1` }))
            .returning('position')
            .executeTakeFirstOrThrow();
          last = Number(position);
          await trx
            .insertInto('change_log')
            .values({ position: last, origin: this.relay.origin, change: JSON.stringify(change), at })
            .execute();
        }
        return value;
      });
    const result = options.durable ? await durably(this.db, commit) : await commit();
    if (last > 0) {
      this.relay.publish({ type: 'wake', origin: this.relay.origin, position: last });
      await this.applyThrough(last);
    }
    return result;
  }

  /** Resolves once this instance has applied every entry up to `position`. */
  async applyThrough(position: number): Promise<void> {
    while (this.applied < position) {
      const before = this.applied;
      await this.catchUp();
      // Nothing new although the entry is committed: a read failed (reported); the next poll retries.
      if (this.applied === before) return;
    }
  }

  /** One read of the log at a time; a call while one runs is served by one more read after it. */
  catchUp(): Promise<void> {
    if (this.pending) return this.reading;
    this.pending = true;
    this.reading = this.reading.then(async () => {
      this.pending = false;
      try {
        await this.readNew();
      } catch (err) {
        this.onError(err, 'reading the change log');
      }
    });
    return this.reading;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const rows = await this.db.selectFrom('change_log').select(['position', 'change']).where('position', '>', this.applied).orderBy('position').limit(CHANGE_PAGE_ROWS).execute();
      for (const row of rows) await this.apply(Number(row.position), row.change);
      if (rows.length < CHANGE_PAGE_ROWS) break;
    }
    this.head = Math.max(this.applied, await readHead(this.db));
  }

  /** Emits the change, and counts it applied once its listeners' work is done (a catalogue re-read). */
  private async apply(position: number, text: string): Promise<void> {
    let parsed: ReturnType<typeof Change.safeParse> | null = null;
    try {
      parsed = Change.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (parsed?.success) {
      const change = parsed.data;
      await this.bus.emit(change.type, change as never, (err) => this.onError(err, `applying ${change.type}`));
    } else {
      this.refused++;
      this.onError(
        new Error(
          parsed
            ? validationIssues(parsed.error, 'change')
                .map((i) => `${i.path}: ${i.message}`)
                .join('; ')
            : 'not JSON',
        ),
        `change ${position} refused`,
      );
    }
    this.applied = position;
  }

  /**
   * Goes back to `position` (a graph snapshot's mark, graph/snapshots.ts): the next read applies every entry
   * after it again, on top of the state the snapshot restored. Only at start, before anything is served.
   */
  rewindTo(position: number): void {
    if (position > this.applied) throw new Error(`cannot rewind the change log forward (to ${position}, applied ${this.applied})`);
    this.applied = position;
  }

  /** The position applied and the lag as of the last read of the log (for a metrics scrape). */
  lastKnown(): ChangeLogStatus {
    return { applied: this.applied, head: this.head, lag: this.head - this.applied, refused: this.refused };
  }

  /** The position applied and the lag, reading the head now (so a store that is down shows in health). */
  async status(): Promise<ChangeLogStatus> {
    this.head = Math.max(this.applied, await readHead(this.db));
    return this.lastKnown();
  }
}

async function readHead(db: Db): Promise<number> {
  const row = await db.selectFrom('change_counter').select('position').where('id', '=', 1).executeTakeFirst();
  return Number(row?.position ?? 0);
}

/** An entry as a snapshot marks it: its position, and its time and origin to tell it from another log's. */
export interface LogMark {
  position: number;
  at: string | null;
  origin: string | null;
}

/** The mark of the entry at `position` (position 0: before any entry), or null when the log no longer holds it. */
export async function markOf(db: Db, position: number): Promise<LogMark | null> {
  if (position === 0) return { position, at: null, origin: null };
  const row = await db.selectFrom('change_log').select(['at', 'origin']).where('position', '=', position).executeTakeFirst();
  return row ? { position, at: row.at, origin: row.origin } : null;
}

/**
 * Whether this log can bring a state marked `mark` up to date: it holds that very entry (same time and
 * origin: not another database's, nor one restored from an older backup) and every entry after it up to
 * its head (none purged yet). Null when it can, else why not.
 */
export async function whyNotReplayableFrom(db: Db, mark: LogMark): Promise<string | null> {
  const head = await readHead(db);
  if (mark.position > head) return `it is ahead of the change log (position ${mark.position}, head ${head})`;
  const held = await markOf(db, mark.position);
  if (!held || held.at !== mark.at || held.origin !== mark.origin) return `the change log no longer holds its entry ${mark.position} (purged, or another database)`;
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('position', '>', mark.position)
    .executeTakeFirstOrThrow();
  const after = Number(row.n);
  if (after !== head - mark.position) return `the change log no longer holds every entry after it (${after} of ${head - mark.position})`;
  return null;
}

/** Deletes entries older than CHANGE_LOG_KEEP_MS (the counter keeps the head). Returns how many. */
export async function purgeChangeLog(db: Db, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() - CHANGE_LOG_KEEP_MS).toISOString();
  const r = await db.deleteFrom('change_log').where('at', '<', horizon).executeTakeFirst();
  return Number(r.numDeletedRows);
}
