/**
 * `npm run bench:startup`: how long the bundled server (what `npm start` runs) takes from process start to
 * ready (its "ready" log line, then /api/health answered) with the demo catalogue (fresh database, then an existing one), and the latency from a location message to the suggestion push
 * it causes (100 messages walked between real places, one client, loopback). Prints a table; --json adds
 * the figures as one JSON object on the last line.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { HealthResponse, PROTOCOL_VERSION, ServerMessage } from '../../shared/src/index.ts';
import { percentile, printReport, round } from './report.ts';
import { freePort, stopProcess } from './server-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = 5;
const MESSAGES = 100;

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: ROOT,
    // The latency loop sends its next location as soon as the last push arrives: far above a phone's pace,
    // so the per-connection rate limit is raised for this measurement (as an operator could).
    env: { ...process.env, PORT: String(port), ESCALE_DATA_DIR: dataDir, LOG_LEVEL: 'info', WS_RATE_PER_SECOND: '10000', WS_RATE_BURST: '10000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // Ready is the server's own "ready" line, then one health request answered: polling /api/health every few
  // milliseconds would take CPU from the server it measures (on 2 cores it added about 0.6 s).
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('Escale is ready')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining the log, unread
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const res = await fetch(`${url}/api/health`);
  if (!res.ok) throw new Error(`health answered ${res.status} after the ready line`);
  return { child, url, readyMs: performance.now() - t0 };
}

/** Points on the straight line from the Marais to the Opéra, between two real squares. */
function walk(i: number): { lat: number; lon: number } {
  const from = { lat: 48.8556, lon: 2.3655 }; // Place des Vosges
  const to = { lat: 48.8709, lon: 2.3318 }; // Place de l'Opéra
  const t = i / (MESSAGES - 1);
  return { lat: from.lat + (to.lat - from.lat) * t, lon: from.lon + (to.lon - from.lon) * t };
}

async function measureLatency(url: string): Promise<number[]> {
  const res = await fetch(`${url}/api/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personaId":"lea"}' });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  // Every location is answered by a feed; the session's clock is set to a fixed evening (demo mode), so the
  // figure does not depend on the hour it runs.
  const put = (path: string, body: unknown) =>
    fetch(`${url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) throw new Error(`PUT ${path}: ${r.status}`);
    });
  await put('/api/session/clock', { at: '2026-11-24T18:00:00+01:00', speed: 1 });
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`, { headers: { cookie } });
  await new Promise((r) => ws.once('open', r));
  // Messages wait in a queue until asked for: two frames can arrive in one turn (a notification, then the feed).
  const arrived: ServerMessage[] = [];
  const waiting: ((m: ServerMessage) => void)[] = [];
  ws.on('message', (d) => {
    const m = ServerMessage.parse(JSON.parse(d.toString()));
    const waiter = waiting.shift();
    if (waiter) waiter(m);
    else arrived.push(m);
  });
  const nextMessage = () => (arrived.length > 0 ? Promise.resolve(arrived.shift()!) : new Promise<ServerMessage>((resolve) => waiting.push(resolve)));
  ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION }));
  await nextMessage();
  const latencies: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const t0 = performance.now();
    // Hops of 37 or 63 steps along the line (1 to 2 km).
    ws.send(JSON.stringify({ type: 'location', ...walk((i * 37) % MESSAGES) }));
    // The feed answers every position; a notification for the move may come first, and is not the answer.
    let m = await nextMessage();
    while (m.type === 'suggestions') m = await nextMessage();
    if (m.type !== 'feed') throw new Error(`expected a feed, got ${m.type}`);
    latencies.push(performance.now() - t0);
  }
  ws.close();
  return latencies;
}

// Measure what `npm start` runs: the bundled server.
execFileSync('npm', ['run', '-s', 'build:server'], { cwd: ROOT, stdio: 'inherit' });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-bench-'));
const readyTimes: number[] = [];
let latencies: number[] = [];
let health: HealthResponse | null = null;
for (let run = 0; run < RUNS; run++) {
  const { child, url, readyMs } = await startServer(dataDir);
  readyTimes.push(readyMs);
  if (run === RUNS - 1) {
    health = HealthResponse.parse(await (await fetch(`${url}/api/health`)).json());
    latencies = await measureLatency(url);
  }
  await stopProcess(child);
}
fs.rmSync(dataDir, { recursive: true, force: true });

const sorted = [...latencies].sort((a, b) => a - b);
const warm = readyTimes.slice(1).sort((a, b) => a - b);
const figures = {
  cores: os.cpus().length,
  startFreshDbMs: round(readyTimes[0]!),
  startExistingDbMedianMs: round(percentile(warm, 50)),
  startExistingDbMaxMs: round(warm.at(-1)!),
  pushLatencyMedianMs: round(percentile(sorted, 50)),
  pushLatencyP95Ms: round(percentile(sorted, 95)),
  pushLatencyP99Ms: round(percentile(sorted, 99)),
  places: health!.catalogue.places,
  events: health!.catalogue.events,
  offers: health!.catalogue.offers,
  nodes: health!.graph.totalNodes,
  edges: health!.graph.totalEdges,
};
printReport(
  `Escale start-up and location→feed latency (${figures.cores} cores, loopback)`,
  [
    ['start to ready, fresh database (ms)', figures.startFreshDbMs],
    [`start to ready, existing database, median of ${RUNS - 1} (ms)`, figures.startExistingDbMedianMs],
    ['start to ready, existing database, max (ms)', figures.startExistingDbMaxMs],
    [`location → feed latency, median of ${MESSAGES} (ms)`, figures.pushLatencyMedianMs],
    ['location → feed latency, p95 (ms)', figures.pushLatencyP95Ms],
    ['location → feed latency, p99 (ms)', figures.pushLatencyP99Ms],
    ['places / events / offers', `${figures.places} / ${figures.events} / ${figures.offers}`],
    ['graph nodes / edges', `${figures.nodes} / ${figures.edges}`],
  ],
  figures,
);
