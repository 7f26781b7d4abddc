/**
 * SQLite's `PRAGMA quick_check` at start, so that a database with a damaged page refuses to start instead of
 * starting "healthy" and failing every write that touches the page. It runs on a worker thread with its own
 * read-only connection (as the checkpointer does), bounded in time: it reads every page, and the event loop
 * must stay free and the start must not wait without limit on a large or slow disk.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { damagedDatabase, isDamageCode } from './database-errors.ts';

/**
 * How long the start waits for the check. quick_check read a 250 MB database in 0.3 s from the page cache
 * here; 10 s covers databases of several GB (a cold disk is slower), far beyond the demo's few hundred KB.
 * Past it the server starts unchecked, with a warning: a server that never starts is worse than one unchecked.
 */
export const INTEGRITY_CHECK_TIMEOUT_MS = 10_000;
/** quick_check stops after this many findings: enough to say what is wrong without a screenful. */
const MAX_FINDINGS = 5;

/** `not_applicable`: PostgreSQL, which checks its own pages. */
export type IntegrityResult = { status: 'ok' } | { status: 'unfinished'; reason: string } | { status: 'not_applicable' };

// Plain CommonJS run by the worker (eval), so that it needs no file of its own next to the bundle. It only
// reports; what a failure means is decided on the main thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
let db;
try {
  db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.prepare('PRAGMA quick_check(' + workerData.maxFindings + ')').pluck().all();
  parentPort.postMessage({ findings: rows.filter((r) => r !== 'ok') });
} catch (err) {
  parentPort.postMessage({ error: String((err && err.message) || err), code: String((err && err.code) || '') });
} finally {
  if (db) db.close();
}
`;

type WorkerReply = { findings: string[] } | { error: string; code: string };

/** quick_check's findings on one line, without the banner it puts before those of each database. */
function describeFindings(findings: string[]): string {
  return findings
    .join('; ')
    .replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Checks `file`; resolves `ok`, or `unfinished` when the check timed out or could not run (said in
 * `reason`); rejects with a StartupError naming the file when SQLite finds damage.
 */
export function checkIntegrity(file: string, timeoutMs = INTEGRITY_CHECK_TIMEOUT_MS): Promise<IntegrityResult> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, maxFindings: MAX_FINDINGS } });
  // A check past its time keeps reading on its own thread (SQLite cannot be interrupted from here) until it
  // ends; it must not keep the process alive meanwhile.
  worker.unref();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ status: 'unfinished', reason: `quick_check did not finish within ${timeoutMs} ms` });
    }, timeoutMs);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
    };
    worker.once('message', (reply: WorkerReply) =>
      settle(() => {
        // quick_check throws, rather than reports, on some damaged pages: that error is a finding too.
        if ('error' in reply && isDamageCode(reply.code)) reject(damagedDatabase(file, `SQLite's quick_check failed: ${reply.error}`));
        else if ('error' in reply) resolve({ status: 'unfinished', reason: `quick_check could not run: ${reply.error}` });
        else if (reply.findings.length > 0) reject(damagedDatabase(file, `SQLite's quick_check found ${describeFindings(reply.findings)}`));
        else resolve({ status: 'ok' });
      }),
    );
    worker.once('error', (err) => settle(() => resolve({ status: 'unfinished', reason: `quick_check could not run: ${err.message}` })));
  });
}
