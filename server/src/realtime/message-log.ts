/**
 * Per-traveller sequence numbers and the log of server messages, kept in the database so a client that
 * reconnects (even after a server restart, or to another instance) can be sent exactly what it missed.
 * Numbers come from the traveller's row in `message_counters`, incremented in the transaction that commits
 * the message: instances sharing one database take them one after the other, unique and gapless.
 *
 * Bounded three ways: a replay covers at most the last 24 hours (REPLAY_WINDOW_MS) and at most
 * WS_REPLAY_MAX_MESSAGES messages (beyond either, the client gets `reset` and a fresh feed); the replay is
 * read a page at a time, so a reconnect never holds more than one page in memory; and the housekeeping job
 * deletes what no replay can ask for any more (`purgeLog`).
 */
import { sql } from 'kysely';
import type { ServerMessage } from '@escale/shared';
import type { Db } from '../store/db.ts';
import { preparedWrite } from '../store/prepared-write.ts';
import type { CommitNumbered } from '../store/write-batch.ts';

export const REPLAY_WINDOW_MS = 24 * 3600_000;
/** Messages read from the database at a time during a replay (a push is about 7 KB: ~350 KB a page). */
export const REPLAY_PAGE_ROWS = 50;

/** Once per push: prepared once (store/prepared-write.ts). */
const insertLogged = preparedWrite(['traveller_id', 'seq', 'type', 'body', 'at'], (db, v) => db.insertInto('message_log').values(v));
/** The traveller's next number; the row stays locked until the message is committed. */
const nextSeq = preparedWrite(['traveller_id'], (db, v) =>
  db
    .insertInto('message_counters')
    // Constants written into the SQL (a prepared write's parameters are its slots).
    .values({ traveller_id: v.traveller_id, seq: sql<number>`1` })
    .onConflict((oc) => oc.column('traveller_id').doUpdateSet({ seq: sql<number>`message_counters.seq + 1` }))
    .returning('seq'),
);

type Sequenced = Extract<ServerMessage, { seq: number }>;

/** A logged message: its number and its JSON text, as stored and as sent. */
export interface Logged {
  seq: number;
  text: string;
}

export type Unsequenced = Sequenced extends infer M ? (M extends { seq: number } ? Omit<M, 'seq'> : never) : never;

/** What a hello with `lastSeq` gets: the missed messages, page by page, or a reset. */
export type ReplayPlan = { kind: 'replayed'; pages: AsyncIterable<Logged[]> } | { kind: 'fresh' } | { kind: 'reset'; why: 'too_old' | 'too_many' | 'unknown_seq' };

export class MessageLog {
  /** Appends in flight per traveller: the next one waits, so numbers are committed (and sent) in order. */
  private readonly appending = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly commitNumbered: CommitNumbered,
    private readonly maxReplay: number,
  ) {}

  /**
   * Assigns the next sequence number and commits the message, before anyone sends it. Appends of one
   * traveller run one after the other: a commit that waits for the connection must not let a later number
   * be committed, and sent, before it.
   */
  append(travellerId: string, message: Unsequenced, now: Date): Promise<Logged> {
    const previous = this.appending.get(travellerId);
    const run = () => this.appendNow(travellerId, message, now);
    const next = previous ? previous.then(run, run) : run();
    this.appending.set(travellerId, next);
    const clear = () => {
      if (this.appending.get(travellerId) === next) this.appending.delete(travellerId);
    };
    next.then(clear, clear);
    return next;
  }

  private async appendNow(travellerId: string, message: Unsequenced, now: Date): Promise<Logged> {
    let text = '';
    // Not committed, so not sent, and the number is given back by the rollback: nothing is skipped.
    const seq = await this.commitNumbered(nextSeq.bind({ traveller_id: travellerId }), (n) => {
      // Serialised once: the logged body is the very text sent.
      text = JSON.stringify({ ...message, seq: n });
      return [insertLogged.bind({ traveller_id: travellerId, seq: n, type: message.type, body: text, at: now.toISOString() })];
    });
    return { seq, text };
  }

  /**
   * What a hello gets. `upTo` is the traveller's newest committed number, which the welcome carries: a
   * message still being committed is above it, reaches the socket live (held until the replay is done,
   * hub.ts) and is not replayed. With `afterSeq`, the plan is every message in between if they are all still
   * in the log, within the window and no more than the replay limit, otherwise a reset; decided before
   * anything is read beyond the first page.
   */
  async replay(travellerId: string, afterSeq: number | undefined, now: Date): Promise<{ upTo: number; plan: ReplayPlan }> {
    const row = await this.db
      .selectFrom('message_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('traveller_id', '=', travellerId)
      .executeTakeFirst();
    const upTo = Number(row?.seq ?? 0);
    return { upTo, plan: await this.plan(travellerId, afterSeq, upTo, now) };
  }

  private async plan(travellerId: string, afterSeq: number | undefined, upTo: number, now: Date): Promise<ReplayPlan> {
    if (afterSeq === undefined || afterSeq === upTo) return { kind: 'fresh' };
    // A number the server never gave this traveller (their log was wiped, or it is someone else's).
    if (afterSeq > upTo) return { kind: 'reset', why: 'unknown_seq' };
    if (upTo - afterSeq > this.maxReplay) return { kind: 'reset', why: 'too_many' };
    const first = await this.page(travellerId, afterSeq, upTo, REPLAY_PAGE_ROWS);
    const horizon = new Date(now.getTime() - REPLAY_WINDOW_MS).toISOString();
    // The oldest missed message is gone (purged) or older than the window: a replay would have a hole.
    if (first.length === 0 || first[0]!.seq !== afterSeq + 1 || first[0]!.at < horizon) return { kind: 'reset', why: 'too_old' };
    return { kind: 'replayed', pages: this.pages(travellerId, first, upTo) };
  }

  private async *pages(travellerId: string, first: (Logged & { at: string })[], upTo: number): AsyncIterable<Logged[]> {
    let page = first;
    while (page.length > 0) {
      yield page;
      const last = page[page.length - 1]!.seq;
      if (last >= upTo) return;
      page = await this.page(travellerId, last, upTo, REPLAY_PAGE_ROWS);
    }
  }

  /** The logged messages after `afterSeq` up to `upTo`, a page at a time (a hub filling a socket's gap). */
  async *between(travellerId: string, afterSeq: number, upTo: number): AsyncIterable<Logged[]> {
    let after = afterSeq;
    while (after < upTo) {
      const page = await this.page(travellerId, after, upTo, REPLAY_PAGE_ROWS);
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]!.seq;
    }
  }

  private async page(travellerId: string, afterSeq: number, upTo: number, limit: number): Promise<(Logged & { at: string })[]> {
    const rows = await this.db
      .selectFrom('message_log')
      .select(['seq', 'body', 'at'])
      .where('traveller_id', '=', travellerId)
      .where('seq', '>', afterSeq)
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ seq: r.seq, text: r.body, at: r.at }));
  }
}

/**
 * Deletes what no replay can be sent any more: messages older than the window, and all but the last
 * `maxReplay` of each traveller. Each traveller's newest message is always kept: the welcome's `upTo` is
 * read from the log, and a client holding that number must be told it is current, not asked to reset.
 * Returns the number of rows deleted.
 */
export async function purgeLog(db: Db, now: Date, maxReplay: number): Promise<number> {
  const horizon = new Date(now.getTime() - REPLAY_WINDOW_MS).toISOString();
  const byAge = await db
    .deleteFrom('message_log')
    .where('at', '<', horizon)
    .where('seq', '<', (eb) =>
      eb
        .selectFrom('message_log as newest')
        .select((n) => n.fn.max('newest.seq').as('seq'))
        .whereRef('newest.traveller_id', '=', 'message_log.traveller_id'),
    )
    .executeTakeFirst();
  // Travellers with more than `maxReplay` messages left: only their newest `maxReplay` can be replayed.
  const crowded = await db
    .selectFrom('message_log')
    .select(['traveller_id', (eb) => eb.fn.max('seq').as('top')])
    .groupBy('traveller_id')
    .having((eb) => eb.fn.countAll(), '>', maxReplay)
    .execute();
  let byCount = 0;
  for (const { traveller_id, top } of crowded) {
    const r = await db
      .deleteFrom('message_log')
      .where('traveller_id', '=', traveller_id)
      .where('seq', '<=', Number(top) - maxReplay)
      .executeTakeFirst();
    byCount += Number(r.numDeletedRows);
  }
  return Number(byAge.numDeletedRows) + byCount;
}
