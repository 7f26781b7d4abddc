/**
 * Records what the agency's insights count, without slowing the live channel or ever failing it: a
 * suggestion delivered is noted in memory (each place once per traveller and day) and written in batches a
 * moment later, apart from the push's own commits; a failed batch is logged and dropped, since a statistic
 * is not worth a traveller's push. Likes, dismissals and bookings are rare and written with what caused them,
 * tied to the suggestion they follow (the signal that drove it), or not counted when nothing was suggested.
 */
import { addDays, type Change, INSIGHT_LIMITS, type Suggestion } from '@escale/shared';
import type { Clock } from '../clock.ts';
import { localDate } from '../recommend/local-clock.ts';
import type { Db } from '../store/db.ts';
import type { CommitBatch, Write } from '../store/write-batch.ts';
import { erasedAmong } from '../travellers/erased.ts';
import { eventWrite, lastShown, writeEvent } from './events.ts';

/** Travellers whose day's places are remembered; past it the memory starts again (the key still dedupes). */
const MAX_TRAVELLERS_REMEMBERED = 50_000;

export interface RecorderOptions {
  /** How long a delivered suggestion may wait in memory before its batch is written. */
  flushMs: number;
  /** Rows per transaction: a batch never holds the SQLite connection for long. */
  batchRows: number;
}

export interface RecorderDeps {
  commit: CommitBatch;
  /** The server's clock: a session's virtual clock says nothing about when something happened. */
  clock: Clock;
  /** The city's zone: a day is the city's day. */
  timezone: string;
  onError(err: unknown, rows: number): void;
}

interface Remembered {
  category: string;
  signal: string;
}

export class InsightRecorder {
  /** Per traveller, today's places already recorded as shown, with what drove them. */
  private readonly today = new Map<string, { day: string; places: Map<string, Remembered> }>();
  private pending: Write[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: RecorderDeps,
    private readonly options: RecorderOptions = { flushMs: 1_000, batchRows: 200 },
  ) {}

  /** The city's day now, as every insight is dated. */
  day(): string {
    return localDate(this.deps.clock.now(), this.deps.timezone);
  }

  /**
   * Suggestions delivered to the traveller (a feed on screen, a notification sent). Synchronous and in
   * memory: the write follows within `flushMs`.
   */
  shown(travellerId: string, suggestions: readonly Suggestion[]): void {
    if (suggestions.length === 0) return;
    const day = this.day();
    let seen = this.today.get(travellerId);
    if (!seen || seen.day !== day) {
      if (!seen && this.today.size >= MAX_TRAVELLERS_REMEMBERED) this.today.clear();
      seen = { day, places: new Map() };
      this.today.set(travellerId, seen);
    }
    for (const s of suggestions) {
      const placeId = s.item.place.id;
      if (seen.places.has(placeId)) continue;
      const what = { category: s.item.place.category, signal: s.driver };
      seen.places.set(placeId, what);
      this.pending.push(eventWrite({ travellerId, action: 'shown', placeId, day, ...what }));
    }
    this.schedule();
  }

  /**
   * A like, a dismissal or a booking, written on `db` (the transaction that records it, or the store): it
   * counts for the suggestion shown to the traveller at that place within the attribution window, with that
   * suggestion's category and driving signal. Returns whether it was recorded (nothing was suggested there:
   * it is not a suggestion's like, and is not counted).
   */
  async acted(db: Db, travellerId: string, placeId: string, action: 'liked' | 'dismissed' | 'booked'): Promise<boolean> {
    const day = this.day();
    const seen = this.today.get(travellerId);
    const what = (seen?.day === day ? seen.places.get(placeId) : undefined) ?? (await lastShown(db, travellerId, placeId, addDays(day, 1 - INSIGHT_LIMITS.attributionDays)));
    if (!what) return false;
    await writeEvent(db, { travellerId, action, placeId, day, category: what.category, signal: what.signal });
    return true;
  }

  /** An erased traveller (on any instance): nothing of theirs stays in memory; their queued rows will find no traveller. */
  forget(change: Extract<Change, { type: 'traveller_erased' }>): void {
    const id = erasedAmong(change, this.today.keys());
    if (id) this.today.delete(id);
  }

  /** Writes what is queued now; resolves once everything queued so far is written (or given up). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.options.batchRows);
        // Retried once: a traveller erased while the batch was being written makes it fail on PostgreSQL
        // (the foreign key), and the retry's insert finds no traveller to write for.
        await this.deps
          .commit(batch)
          .catch(() => this.deps.commit(batch))
          .catch((err: unknown) => this.deps.onError(err, batch.length));
        // Between two batches the event loop serves sockets and requests.
        if (this.pending.length > 0) await new Promise((resolve) => setImmediate(resolve));
      }
    });
    return this.flushing;
  }

  private schedule(): void {
    if (this.pending.length >= this.options.batchRows) {
      void this.flush();
      return;
    }
    if (this.timer || this.pending.length === 0) return;
    this.timer = setTimeout(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }
}
