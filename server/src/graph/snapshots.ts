/**
 * When the travel graph's snapshot (graph-snapshot.ts) is used and written. At start, a snapshot in the
 * data directory is used if the change log can bring it up to date: the log still holds the entry it was
 * marked with (same time and origin, so not another database's nor an older backup's) and every entry
 * after it (none purged: CHANGE_LOG_KEEP_MS). The graph is then made from the store's catalogue and the
 * snapshot's interactions, and the change log replays every entry after the mark on top of it (applying one
 * twice changes nothing). Otherwise the graph is built from the store, and why is logged.
 *
 * A running instance writes one: once started, before it serves (so that a crash is followed by a quick
 * start too), every GRAPH_SNAPSHOT_EVERY_MS while changes come in, at a clean stop, and within
 * GRAPH_SNAPSHOT_AFTER_REMOVAL_MS of an undo or an erasure, so that what a traveller took back does not stay
 * on disk in an older snapshot. Writing holds the event loop while the rows are copied and the new ids
 * serialised, into columns and text kept from one write to the next (milliseconds for a city, about 0.1 s
 * at ten million interactions; the first write, before the instance serves, 3–4 s there: docs/RANKING.md);
 * the file is written asynchronously.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Bus } from '../bus/bus.ts';
import { type ChangeLog, markOf, whyNotReplayableFrom } from '../bus/change-log.ts';
import type { Db } from '../store/db.ts';
import { type GraphSnapshot, PlaceIdsText, readGraphSnapshot, readGraphSnapshotHead, SnapshotRefused, writeGraphSnapshot } from './graph-snapshot.ts';
import { ExportColumns } from './interaction-index.ts';
import type { TravelGraph } from './travel-graph.ts';

/** The snapshot's file, in ESCALE_DATA_DIR. */
export const GRAPH_SNAPSHOT_FILE = 'graph.snapshot';
/** How often a snapshot is written while changes come in. */
export const GRAPH_SNAPSHOT_EVERY_MS = 60 * 60_000;
/** How soon after an undo or an erasure the snapshot is written again without it. */
export const GRAPH_SNAPSHOT_AFTER_REMOVAL_MS = 10_000;

export const graphSnapshotFile = (dataDir: string) => path.join(dataDir, GRAPH_SNAPSHOT_FILE);

/** The snapshot in `file` if the change log can bring it up to date; null (and why, logged) otherwise. */
export async function usableGraphSnapshot(db: Db, file: string, logger: Logger): Promise<GraphSnapshot | null> {
  if (!fs.existsSync(file)) return null;
  try {
    // The mark first, from the header alone: a snapshot the log cannot bring up to date is never read whole.
    const head = readGraphSnapshotHead(file);
    const why = await whyNotReplayableFrom(db, head.mark);
    if (why === null) return readGraphSnapshot(file);
    logger.info({ file, why, writtenAt: head.writtenAt }, 'graph snapshot not used: building the graph from the store');
  } catch (err) {
    if (err instanceof SnapshotRefused) logger.warn({ file, reason: err.message }, 'graph snapshot refused: building the graph from the store');
    else logger.warn({ err, file }, 'graph snapshot unreadable: building the graph from the store');
  }
  return null;
}

export class GraphSnapshotWriter {
  /** The change-log position of the last snapshot written (or used at start); -1: none. */
  private written: number;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private readonly off: (() => void)[] = [];
  /** The rows are copied here at every write, not into new columns (InteractionIndex.exportRows says why). */
  private readonly columns = new ExportColumns();
  private readonly placeIdsText = new PlaceIdsText();

  constructor(
    private readonly graph: TravelGraph,
    private readonly file: string,
    private readonly db: Db,
    private readonly changes: ChangeLog,
    private readonly logger: Logger,
    usedAtStart: GraphSnapshot | null,
    private readonly delays = { everyMs: GRAPH_SNAPSHOT_EVERY_MS, afterRemovalMs: GRAPH_SNAPSHOT_AFTER_REMOVAL_MS },
  ) {
    this.written = usedAtStart?.mark.position ?? -1;
  }

  /** Writes one now if the graph moved since the snapshot it started from, then on the schedule above. */
  start(bus: Bus): Promise<void> {
    this.timer = setInterval(() => void this.writeIfChanged(), this.delays.everyMs).unref();
    const soon = () => {
      this.soon ??= setTimeout(() => {
        this.soon = null;
        void this.writeIfChanged();
      }, this.delays.afterRemovalMs).unref();
    };
    this.off.push(bus.on('interaction_removed', soon), bus.on('traveller_erased', soon));
    return this.writeIfChanged();
  }

  /** Stops the schedule and writes a last snapshot if the graph moved since the last one. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = this.soon = null;
    this.off.splice(0).forEach((off) => off());
    await this.writeIfChanged();
  }

  /** One write at a time; a failure is logged (the next start builds from the store), never thrown. */
  writeIfChanged(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const position = this.changes.lastKnown().applied;
      if (position === this.written) return;
      try {
        const mark = await markOf(this.db, position);
        if (!mark) return; // purged already: a snapshot marked so could never be replayed
        // Taken after the read: the graph may hold entries past the mark by then, which a replay applies again.
        // The columns are free again once the write is done: writes run one at a time.
        const started = performance.now();
        const bytes = await writeGraphSnapshot(this.file, mark, this.graph.interactionState(this.columns), new Date(), this.placeIdsText);
        this.written = position;
        this.logger.info({ position, bytes, ms: Math.round(performance.now() - started) }, 'graph snapshot written');
      } catch (err) {
        this.logger.warn({ err, file: this.file }, 'graph snapshot not written');
      }
    });
    return this.writing;
  }
}
