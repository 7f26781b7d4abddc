/**
 * Per-traveller sequence numbers and the log of server messages, kept in the database so a client that
 * reconnects (even after a server restart) can be sent exactly what it missed.
 */
import type { ServerMessage } from '@escale/shared';
import type { Db } from '../store/db.ts';
import { preparedWrite } from '../store/prepared-write.ts';
import type { CommitBatch } from '../store/write-batch.ts';

export const REPLAY_WINDOW_MS = 24 * 3600_000;

/** Once per push: prepared once (store/prepared-write.ts). */
const insertLogged = preparedWrite(['traveller_id', 'seq', 'type', 'body', 'at'], (db, v) => db.insertInto('message_log').values(v));

type Sequenced = Extract<ServerMessage, { seq: number }>;
/** A logged message and its JSON text, as stored and as sent. */
export interface Logged {
  message: Sequenced;
  text: string;
}
export type Unsequenced = Sequenced extends infer M ? (M extends { seq: number } ? Omit<M, 'seq'> : never) : never;

export class MessageLog {
  private readonly lastSeq = new Map<string, number>();
  constructor(
    private readonly db: Db,
    private readonly commit: CommitBatch,
  ) {}

  async currentSeq(travellerId: string): Promise<number> {
    const cached = this.lastSeq.get(travellerId);
    if (cached !== undefined) return cached;
    const row = await this.db.selectFrom('message_log').select((eb) => eb.fn.max('seq').as('seq')).where('traveller_id', '=', travellerId).executeTakeFirst();
    const seq = Number(row?.seq ?? 0);
    this.lastSeq.set(travellerId, seq);
    return seq;
  }

  /** Assigns the next sequence number and commits the message, before anyone sends it. */
  async append(travellerId: string, message: Unsequenced, now: Date): Promise<Logged> {
    const seq = (await this.currentSeq(travellerId)) + 1;
    this.lastSeq.set(travellerId, seq);
    const full = { ...message, seq } as Sequenced;
    // Serialised once: the logged body is the very text sent.
    const text = JSON.stringify(full);
    try {
      await this.commit([insertLogged.bind({ traveller_id: travellerId, seq, type: full.type, body: text, at: now.toISOString() })]);
    } catch (err) {
      // Not logged, so not sent: the next number is read again from the log rather than skipping this one.
      this.lastSeq.delete(travellerId);
      throw err;
    }
    return { message: full, text };
  }

  /** Messages after `afterSeq`, oldest first; null when some of them are older than the replay window. */
  async since(travellerId: string, afterSeq: number, now: Date): Promise<Sequenced[] | null> {
    const rows = await this.db
      .selectFrom('message_log')
      .select(['seq', 'body', 'at'])
      .where('traveller_id', '=', travellerId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    const horizon = new Date(now.getTime() - REPLAY_WINDOW_MS).toISOString();
    if (rows.length > 0 && rows[0]!.seq !== afterSeq + 1) return null; // a gap: older messages were purged
    if (rows.some((r) => r.at < horizon)) return null;
    return rows.map((r) => JSON.parse(r.body) as Sequenced);
  }

  forget(travellerId: string): void {
    this.lastSeq.delete(travellerId);
  }
}
