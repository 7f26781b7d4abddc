/**
 * `npm run bench:replay`: what a maximal replay costs the server. A traveller's log holds 20,000 pushes of
 * 7 KB (140 MB), all within the replay window; four sockets then say `hello {lastSeq: 0}` at once (the
 * security review's attack) while /api/health is asked every 10 ms. Prints the server's resident memory
 * before and at its peak, health latency during the replays, and what each socket was sent.
 *
 * `--compare DIR` runs the same against another checkout of Escale (with its own node_modules), e.g. the
 * commit before the replay was bounded, in the same run: the table then has one column per server.
 * `--messages N`, `--sockets N` change the load; --json adds the figures as one JSON object on the last line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import WebSocket from 'ws';
import { percentile, round } from './report.ts';
import { freePort, stopProcess, waitForHealth } from './server-process.ts';
import { formatTable } from './table.ts';

const HERE = path.resolve(import.meta.dirname, '../..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const MESSAGES = Number(arg('--messages') ?? 20_000);
const SOCKETS = Number(arg('--sockets') ?? 4);
const BODY_BYTES = 7_000;
/** A replay that takes longer than this is reported as not finished. */
const REPLAY_TIMEOUT_MS = 120_000;

interface Figures {
  server: string;
  messagesInLog: number;
  logMiB: number;
  idleMiB: number;
  peakMiB: number;
  growthMiB: number;
  healthP50Ms: number;
  healthMaxMs: number;
  healthSamples: number;
  replayMs: number;
  replies: string;
  messagesSent: number;
}

function residentMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

async function startServer(root: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // The sources through tsx, as in development: the same way for any checkout, built or not.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ESCALE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_MODE: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { child, url };
}

/** A demo sign-in on the server of `root`, then its log filled behind its back; returns the cookie. */
async function prepare(root: string, dataDir: string): Promise<string> {
  const { child, url } = await startServer(root, dataDir);
  let cookie: string;
  let travellerId: string;
  try {
    const res = await fetch(`${url}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personaId":"lea"}' });
    if (res.status !== 201) throw new Error(`demo sign-in: ${res.status}`);
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    travellerId = ((await res.json()) as { traveller: { id: string } }).traveller.id;
  } finally {
    await stopProcess(child);
  }
  const db = new SQLite(path.join(dataDir, 'escale.sqlite'));
  const insert = db.prepare('insert into message_log (traveller_id, seq, type, body, at) values (?, ?, ?, ?, ?)');
  const at = new Date().toISOString();
  const placeId = `osm:node/${'7'.repeat(BODY_BYTES)}`;
  db.transaction(() => {
    for (let seq = 1; seq <= MESSAGES; seq++) insert.run(travellerId, seq, 'feedback_ack', JSON.stringify({ type: 'feedback_ack', seq, placeId, kind: 'dismissed' }), at);
  })();
  db.close();
  return cookie;
}

/** One socket: hello {lastSeq: 0}, then counts what it is sent until the replay is over (or it is reset). */
function helloFromZero(wsUrl: string, cookie: string): Promise<{ replay: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers: { cookie } });
    let replay = '?';
    let sent = 0;
    let upTo = 0;
    const timer = setTimeout(() => finish(), REPLAY_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      ws.close();
      resolve({ replay, sent });
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 1, lastSeq: 0 })));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { type: string; seq?: number; replay?: string };
      if (m.type === 'welcome') {
        replay = m.replay ?? '?';
        upTo = m.seq ?? 0;
        if (replay !== 'replayed') return finish();
        return;
      }
      sent++;
      if ((m.seq ?? 0) >= upTo) finish();
    });
  });
}

async function measure(label: string, root: string): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-bench-replay-'));
  const cookie = await prepare(root, dataDir);
  const logBytes = fs.statSync(path.join(dataDir, 'escale.sqlite')).size;
  const { child, url } = await startServer(root, dataDir);
  try {
    const pid = child.pid!;
    await new Promise((r) => setTimeout(r, 1000)); // start-up work (opening-hours warm-up) settles
    const idle = residentMiB(pid);
    let peak = idle;
    const health: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t = performance.now();
        await fetch(`${url}/api/health`).catch(() => undefined);
        health.push(performance.now() - t);
        peak = Math.max(peak, residentMiB(pid));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const t0 = performance.now();
    const replies = await Promise.all(Array.from({ length: SOCKETS }, () => helloFromZero(url.replace('http', 'ws') + '/ws', cookie)));
    const replayMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500)); // memory held just after the replays counts too
    sampling = false;
    await sampler;
    health.sort((a, b) => a - b);
    const kinds = new Map<string, number>();
    for (const r of replies) kinds.set(r.replay, (kinds.get(r.replay) ?? 0) + 1);
    return {
      server: label,
      messagesInLog: MESSAGES,
      logMiB: round(logBytes / 1048576, 1),
      idleMiB: round(idle, 1),
      peakMiB: round(peak, 1),
      growthMiB: round(peak - idle, 1),
      healthP50Ms: round(percentile(health, 50), 1),
      healthMaxMs: round(health.at(-1) ?? NaN, 1),
      healthSamples: health.length,
      replayMs: Math.round(replayMs),
      replies: [...kinds].map(([k, n]) => `${n}× ${k}`).join(', '),
      messagesSent: replies.reduce((sum, r) => sum + r.sent, 0),
    };
  } finally {
    await stopProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const compare = arg('--compare');
const runs: Figures[] = [];
if (compare) runs.push(await measure(`baseline (${path.basename(path.resolve(compare))})`, path.resolve(compare)));
runs.push(await measure('this checkout', HERE));

const rows: [string, keyof Figures][] = [
  ['messages in the log (7 KB each)', 'messagesInLog'],
  ['database file (MiB)', 'logMiB'],
  ['resident memory idle (MiB)', 'idleMiB'],
  ['resident memory peak (MiB)', 'peakMiB'],
  ['growth during the replays (MiB)', 'growthMiB'],
  ['/api/health p50 during (ms)', 'healthP50Ms'],
  ['/api/health max during (ms)', 'healthMaxMs'],
  ['health samples', 'healthSamples'],
  [`${SOCKETS} × hello {lastSeq: 0} answered in (ms)`, 'replayMs'],
  ['welcome.replay', 'replies'],
  ['messages sent to the sockets', 'messagesSent'],
];
console.log(`\nA maximal replay: ${SOCKETS} sockets ask for every message of a ${MESSAGES}-message log at once\n`);
console.log(
  formatTable(
    ['', ...runs.map((r) => r.server)],
    rows.map(([label, key]) => [label, ...runs.map((r) => r[key])]),
  ),
);
if (process.argv.includes('--json')) console.log(JSON.stringify({ sockets: SOCKETS, messages: MESSAGES, runs }));
