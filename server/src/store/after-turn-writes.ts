/**
 * Writes that need not hold up what caused them, committed together at the end of the event loop's turn:
 * the position of every location message, and what a push records about itself (its state, the items it
 * sent) once it has been logged and sent. Only the logged message must be committed before a push goes
 * out (realtime/message-log.ts): the rest follows a fraction of a millisecond later, in one transaction for
 * all the locations and pushes of that turn, so a push costs one commit on its way out instead of a larger
 * one, and a busy turn shares a single commit. A process killed in that fraction of a millisecond loses
 * those writes, never a message (docs/DECISIONS.md, "Durability").
 */
import type { CommitBatch, WriteBatch } from './write-batch.ts';

export class AfterTurnWrites {
  private pending: WriteBatch[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: CommitBatch,
    private readonly onError: (err: unknown, writes: number) => void,
  ) {}

  /** Queues writes for the end of this turn; their order among the turn's writes is kept. */
  add(batch: WriteBatch): void {
    this.pending.push(batch);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  /**
   * Commits what is queued now, and resolves once everything queued so far is committed. A reader of those
   * rows (the push cache loading a traveller) calls it first, so it never reads behind its own writes.
   */
  flush(): Promise<void> {
    this.scheduled = false;
    if (this.pending.length === 0) return this.flushing;
    // One commit after the other, in order and never two at once: on PostgreSQL two overlapping transactions
    // that update the same travellers' rows in different orders would deadlock (broken only after the
    // server's deadlock_timeout, 1 s). A commit takes everything queued when it starts, so the turns that
    // came while the previous one was committing share one.
    this.flushing = this.flushing.then(() => {
      const batches = this.pending;
      this.pending = [];
      if (batches.length === 0) return;
      return this.commit(batches.flat()).catch(() => this.oneByOne(batches));
    });
    return this.flushing;
  }

  /** A batch that fails (a traveller erased meanwhile) is committed on its own, so it fails alone. */
  private async oneByOne(batches: WriteBatch[]): Promise<void> {
    for (const batch of batches) await this.commit(batch).catch((err: unknown) => this.onError(err, batch.length));
  }
}
