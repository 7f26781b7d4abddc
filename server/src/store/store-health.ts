/**
 * How the store has fared since start, for /api/health: the integrity check's result, and the failures of
 * the store at runtime (commits, writes after the turn, queries that threw in a handler), counted in one
 * place so that a database failing every push is seen by whoever watches health, not only in the logs.
 */
import type { StoreHealthReport } from '@escale/shared';
import { storeFailure, type StoreKind } from './dialect.ts';
import type { IntegrityResult } from './integrity-check.ts';
import type { CommitBatch, CommitNumbered } from './write-batch.ts';

/**
 * The store is reported degraded while its last failure is this recent. A minute is many health polls of a
 * load balancer or a monitor (seconds apart), so a failing store is seen; a store that is failing keeps
 * failing at every push and stays degraded; and a single failure (a disk briefly full) clears by itself a
 * minute later instead of holding the instance out of service until a restart.
 */
export const STORE_DEGRADED_WINDOW_MS = 60_000;
/** Enough of the database's message to say what failed (its messages name tables and columns, never values). */
const MESSAGE_LENGTH = 160;

export class StoreHealth {
  private errors = 0;
  private lastErrorAt: number | null = null;
  private lastError: string | null = null;
  /** Errors already counted: a failed commit is seen again by the handler it fails, and counted once. */
  private readonly counted = new WeakSet<object>();

  constructor(
    private readonly kind: StoreKind,
    private readonly integrity: IntegrityResult,
    // Operational time, like the uptime: a virtual session clock must not hold a failure "recent".
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts `err` when it is a failure of the store; anything else is left to its caller. */
  record(err: unknown): void {
    // A failure of the store itself, not a refusal of the data (store/dialect.ts).
    const failure = storeFailure(err);
    if (!failure || this.counted.has(err as object)) return;
    this.counted.add(err as object);
    this.errors++;
    this.lastErrorAt = this.now();
    // The code and the database's own words only: no SQL, no bound values, no stack.
    this.lastError = `${failure.code}: ${failure.message}`.slice(0, MESSAGE_LENGTH);
  }

  /** `commit`, with its failures counted. */
  watch(commit: CommitBatch): CommitBatch {
    return (batch) => commit(batch).catch(this.failed);
  }

  /** `commitNumbered`, with its failures counted. */
  watchNumbered(commitNumbered: CommitNumbered): CommitNumbered {
    return (counter, build) => commitNumbered(counter, build).catch(this.failed);
  }

  /** Counts a failed commit's error and passes it on. */
  private readonly failed = (err: unknown): never => {
    this.record(err);
    throw err;
  };

  /** Whether the store failed within the last STORE_DEGRADED_WINDOW_MS. */
  get degraded(): boolean {
    return this.lastErrorAt !== null && this.now() - this.lastErrorAt < STORE_DEGRADED_WINDOW_MS;
  }

  report(): StoreHealthReport {
    return {
      kind: this.kind,
      integrity: this.integrity.status,
      errors: this.errors,
      lastErrorAt: this.lastErrorAt === null ? null : new Date(this.lastErrorAt).toISOString(),
      lastError: this.lastError,
    };
  }
}
