/**
 * Checkpoints of the WAL on a thread of their own. A checkpoint copies the WAL into the database file and
 * fsyncs both; run by the writing connection (SQLite's default, every 1,000 pages) it blocked the event
 * loop for 5–15 ms every second or two under bench:push, which showed in the push p99. A worker thread with
 * its own connection runs a PASSIVE checkpoint every interval instead: it never blocks the writer, and the
 * main connection keeps a far larger automatic threshold only as a safety net should the worker fall behind.
 * The worker's connection runs nothing but checkpoints; the app's queries all stay on kysely's connection.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the WAL is checkpointed, which also bounds what a power cut can take (docs/DECISIONS.md). */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/** The main connection's own checkpoint threshold (pages) while the worker runs: about 40 MiB of WAL. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

// Plain CommonJS run by the worker (eval), so that it needs no file of its own next to the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err && err.message || err)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); try { db.pragma('wal_checkpoint(PASSIVE)'); } finally { db.close(); process.exit(0); } });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Starts checkpointing `file` every `intervalMs`; `onError` hears a checkpoint that failed (it is retried). */
export function startCheckpointer(file: string, onError: (message: string) => void, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: string) => onError(message));
  worker.on('error', (err) => onError(err.message));
  worker.unref();
  return {
    async stop() {
      // Unreferenced while it runs, so it never keeps a process alive; referenced again to be waited for,
      // or a process with nothing else left would exit before the last checkpoint and the close.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
