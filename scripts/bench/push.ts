/**
 * `npm run bench:push`: live push at scale. N travellers (default 10,000), each with a session and a live
 * connection opened by a separate client process (push-clients.ts), walk between real Paris places and send
 * location messages at a paced total rate; the bench times each location to the feed sent in reply (the
 * ten ideas the screen shows, ranked for the new position; notifications follow the default push policy
 * on top) and reads the server's CPU and memory from /proc. The same workload then runs against two Socket.IO
 * 4.8 servers doing the same ranking (push-socketio-server.ts): a bare one (no replay, one socket), and one
 * with Escale's delivery promise as Socket.IO gives it (connection state recovery kept in Redis by the Redis
 * Streams adapter, a room per traveller), left out with a message when Redis does not answer. All are
 * printed side by side. Each traveller's first position is sent before the timed load (closed loop), so the
 * load is all moves.
 * Options: --clients 10000 --duration-s 60 --rate N (location messages/s, all clients together; default
 * one per traveller a minute) --only escale|socketio|socketio-redis --timeout-min M (the whole run; default
 * 12 per round) --json (last line: one JSON object) --cpu-prof-dir DIR (each server started writes V8 CPU
 * profiles into DIR/<target> when it stops) --rounds N (default 1: the servers run alternately N times
 * each; the table shows each one's median round). Env: BENCH_REDIS_URL (redis://127.0.0.1:6379).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { cpuMs, rssKiB } from './proc-stats.ts';
import type { Command, Reply, Target } from './push-clients.ts';
import { LABEL, printPushReport, type TargetFigures } from './push-report.ts';
import { seedPushBench } from './push-seed.ts';
import { round } from './report.ts';
import { freePort, stopProcess, waitForHealth } from './server-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLE = path.join(ROOT, 'server/dist/main.js');
const ORIGIN = 'http://bench.escale.localhost';
/**
 * Default pace: each traveller moves on and sends a location once a minute (167/s at 10,000), each a push.
 * A walker covers the 300 m that count as "moved" in about four minutes, so this is a margin over walking
 * without being a flood; under the default policy (one push per 20 minutes) the rate would be 20× lower.
 */
const SECONDS_PER_LOCATION = 60;
/** Idle time before each memory reading: lets the start-up work (opening-hours warm-up) finish. */
const SETTLE_MS = 5_000;
/** The politeness policy relaxed for the bench: a push for every move of more than 300 m, day and night. */
/**
 * The city time both servers rank at: an afternoon outside the meal windows (12:00 and 19:30 for 90 min),
 * when most places are open, so a run at 03:00 measures the same work as one at 17:00 and the push tick has
 * no meal window to announce. Escale reads it from each session's virtual clock (seeded), the baseline from
 * BENCH_CLOCK_OFFSET_MS; both then run at real speed.
 */
const CITY_TIME = { hour: 16, minute: 30 };

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    'duration-s': { type: 'string', default: '60' },
    rate: { type: 'string' },
    only: { type: 'string' },
    'timeout-min': { type: 'string' },
    'cpu-prof-dir': { type: 'string' },
    rounds: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const clients = Number(values.clients);
const durationS = Number(values['duration-s']);
const rate = values.rate === undefined ? clients / SECONDS_PER_LOCATION : Number(values.rate);
/** Where the replaying baseline keeps its stream and sessions (`socketio-redis`). */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const requested: Target[] = values.only === undefined ? ['escale', 'socketio', 'socketio-redis'] : [values.only as Target];
const roundCount = Number(values.rounds);
/** The whole run's bound: a round of the three servers at 10,000 clients takes about 8 minutes. */
const timeoutMin = values['timeout-min'] === undefined ? 12 * roundCount : Number(values['timeout-min']);
if (!Number.isInteger(roundCount) || roundCount < 1 || !Number.isInteger(clients) || clients < 1 || !(durationS > 0) || !(rate > 0) || !requested.every((t) => t in LABEL) || !(timeoutMin > 0)) {
  console.error('usage: npm run bench:push -- [--clients N] [--duration-s S] [--rate MSG_PER_S] [--only escale|socketio|socketio-redis] [--rounds N] [--timeout-min M] [--cpu-prof-dir DIR] [--json]');
  process.exit(2);
}

// Each process holds one descriptor per socket (the server and the client process each N, plus their files).
const openFiles = Number(/Max open files\s+(\d+)/.exec(fs.readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Number.POSITIVE_INFINITY);
if (openFiles < clients + 1024) {
  console.error(`bench:push: ${clients} clients need about ${clients + 1024} open files per process; the limit is ${openFiles} (raise it with ulimit -n)`);
  process.exit(2);
}

/** Keys of this run in Redis (the replaying baseline's stream and sessions), deleted when it ends. */
const REPLAY_PREFIX = `escale-bench:${process.pid}:`;

/** Whether Redis answers; the replaying baseline needs it, the other two do not. */
async function redisReachable(): Promise<boolean> {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.quit();
  }
}

/** Deletes what the replaying baseline left in Redis: its stream, and a session per client it closed. */
async function deleteReplayKeys(): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${REPLAY_PREFIX}*`, COUNT: 1000 })) keys.push(...batch);
    for (let i = 0; i < keys.length; i += 1000) await client.unlink(keys.slice(i, i + 1000));
  } finally {
    await client.quit();
  }
}

const children = new Set<ChildProcess>();
/**
 * The server on core 0, the client process on core 1: each has a core of its own, so a collection or a
 * burst in one does not show up as the other's latency, and the server's CPU is a share of one core.
 */
const pinned = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;
function onCore(core: number, command: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  // taskset execs node, so the pid is node's: /proc/<pid> reads the right process.
  const child = pinned ? spawn('taskset', ['-c', String(core), ...command], options) : spawn(command[0]!, command.slice(1), options);
  children.add(child);
  return child;
}

const log = (line: string) => console.error(`bench:push: ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bundle `npm start` runs, built if missing or older than any source it is built from. */
function ensureBundle(): string {
  const newest = (dir: string): number =>
    Math.max(0, ...fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => fs.statSync(path.join(e.parentPath, e.name)).mtimeMs));
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  if (built >= Math.max(newest(path.join(ROOT, 'server/src')), newest(path.join(ROOT, 'shared/src')))) return 'server/dist/main.js (up to date)';
  execFileSync('npm', ['run', '-s', 'build:server'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return `server/dist/main.js (${built === 0 ? 'built' : 'rebuilt: sources were newer'})`;
}

async function startServer(target: Target, dataDir: string, clockOffsetMs: number): Promise<{ server: ChildProcess; url: string }> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    ESCALE_DATA_DIR: dataDir,
    ALLOWED_ORIGINS: ORIGIN,
    DEMO_MODE: 'false',
    LOG_LEVEL: 'warn',
    BENCH_CLOCK_OFFSET_MS: String(clockOffsetMs),
    ...(target === 'socketio-redis' ? { BENCH_REPLAY_REDIS_URL: REDIS_URL, BENCH_REPLAY_PREFIX: REPLAY_PREFIX } : {}),
  };
  const script = target === 'escale' ? [BUNDLE] : ['--import', 'tsx', path.join(import.meta.dirname, 'push-socketio-server.ts')];
  // A profile of each measured server, written when it stops (open it in Chrome's DevTools).
  // One folder per server (the baseline also profiles tsx's loader thread); the largest file is the main thread.
  const profile = values['cpu-prof-dir'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof-dir'], target)] : [];
  const args = [...profile, ...script];
  const server = onCore(0, [process.execPath, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, server);
  return { server, url };
}

async function stop(child: ChildProcess): Promise<void> {
  await stopProcess(child);
  children.delete(child);
}

/** Sends a command to the client process and waits for its answer; fails if the process dies first. */
function ask<C extends Reply['cmd']>(child: ChildProcess, cmd: C, command?: Command): Promise<Extract<Reply, { cmd: C }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`client process exited (${code}) while waiting for ${cmd}`));
    const onMessage = (reply: Reply) => {
      if (reply.cmd !== cmd) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(reply as Extract<Reply, { cmd: C }>);
    };
    child.on('message', onMessage).once('exit', onExit);
    if (command) child.send(command);
  });
}


async function runTarget(target: Target, dataDir: string, tokensFile: string, clockOffsetMs: number, pushSettingsStatuses: Record<string, number> | null): Promise<TargetFigures> {
  const { server, url } = await startServer(target, dataDir, clockOffsetMs);
  const args = ['--target', target, '--url', url, '--tokens', tokensFile, '--origin', ORIGIN, '--catalogue', path.join(ROOT, 'data/paris')];
  const clientCommand = [process.execPath, '--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'push-clients.ts'), ...args];
  const client = onCore(1, clientCommand, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    await ask(client, 'ready');
    await sleep(SETTLE_MS);
    const serverRssBeforeKiB = rssKiB(server.pid!);
    const clientRssBeforeKiB = rssKiB(client.pid!);
    log(`[${target}] connecting ${clients} clients`);
    const connect = await ask(client, 'connect', { cmd: 'connect' });
    await sleep(SETTLE_MS);
    const serverRssIdleKiB = rssKiB(server.pid!);
    const clientRssIdleKiB = rssKiB(client.pid!);
    log(`[${target}] ${connect.connected} connected in ${round(connect.seconds, 1)} s; sending first positions`);
    const prime = await ask(client, 'prime', { cmd: 'prime' });
    log(`[${target}] ${prime.replies} first positions pushed in ${round(prime.seconds, 1)} s; ${durationS} s of load at ${round(rate, 1)} locations/s`);
    const [server0, client0, t0] = [cpuMs(server.pid!), cpuMs(client.pid!), performance.now()];
    const { figures: load, errors } = await ask(client, 'load', { cmd: 'load', durationS, rate });
    const wallMs = performance.now() - t0;
    const [server1, client1] = [cpuMs(server.pid!), cpuMs(client.pid!)];
    const serverCpu = server1.user + server1.system - server0.user - server0.system;
    const clientCpu = client1.user + client1.system - client0.user - client0.system;
    const serverRssAfterLoadKiB = rssKiB(server.pid!);
    await ask(client, 'close', { cmd: 'close' });
    return {
      target,
      connected: connect.connected,
      connectSeconds: connect.seconds,
      connectsPerSecond: connect.connected / connect.seconds,
      firstPositions: { replies: prime.replies, perSecond: prime.replies / prime.seconds, latencyMs: prime.latencyMs },
      pushSettingsStatuses,
      load,
      offeredRate: rate,
      pushesPerSecond: load.replies / load.seconds,
      errors,
      serverCpuPercent: (100 * serverCpu) / wallMs,
      serverCpuMsPerLocation: serverCpu / load.sent,
      serverSystemCpuMsPerLocation: (server1.system - server0.system) / load.sent,
      serverRssBeforeKiB,
      serverRssIdleKiB,
      serverRssAfterLoadKiB,
      serverKiBPerClient: (serverRssIdleKiB - serverRssBeforeKiB) / connect.connected,
      clientRssBeforeKiB,
      clientRssIdleKiB,
      clientKiBPerClient: (clientRssIdleKiB - clientRssBeforeKiB) / connect.connected,
      clientCpuPercent: (100 * clientCpu) / wallMs,
    };
  } finally {
    await stop(client);
    await stop(server);
  }
}

const started = performance.now();
const targets: Target[] = requested.filter((t) => t !== 'socketio-redis');
if (requested.includes('socketio-redis')) {
  if (await redisReachable()) targets.push('socketio-redis');
  else if (values.only) {
    console.error(`bench:push: the replaying baseline needs Redis at ${REDIS_URL} (BENCH_REDIS_URL), which does not answer`);
    process.exit(2);
  } else log(`Redis does not answer at ${REDIS_URL} (BENCH_REDIS_URL): the baseline with replay in Redis is left out`);
}
const bundle = targets.includes('escale') ? ensureBundle() : null;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-push-'));
// A bounded run: whatever hangs, the children are stopped and the bench fails.
setTimeout(() => {
  log(`overall timeout of ${timeoutMin} min reached, stopping`);
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(1);
}, timeoutMin * 60_000).unref();
const rounds: TargetFigures[][] = [];
try {
  log(`seeding ${clients} travellers with sessions`);
  const t = performance.now();
  const seeded = await seedPushBench(path.join(work, 'escale'), clients, 42, new Date(), CITY_TIME);
  log(`sessions' clocks set to ${seeded.cityTime}, running at real speed`);
  const seedSeconds = (performance.now() - t) / 1000;
  const tokensFile = path.join(work, 'tokens.json');
  fs.writeFileSync(tokensFile, JSON.stringify(seeded.tokens));
  // Each baseline gets its own copy, so every server starts from the same database.
  for (const target of targets) if (target !== 'escale') fs.cpSync(path.join(work, 'escale'), path.join(work, target), { recursive: true });
  // Every location is answered by a feed whatever the push policy says: the defaults stay.
  const statuses: Record<string, number> | null = null;
  // Rounds alternate the servers, each from a fresh copy of its database, so that a machine that runs
  // faster in one minute than the next does not favour whichever server ran then.
  for (let round = 1; round <= roundCount; round++) {
    const figures: TargetFigures[] = [];
    for (const target of targets) {
      const dataDir = path.join(work, `${target}-round-${round}`);
      fs.cpSync(path.join(work, target), dataDir, { recursive: true });
      try {
        if (roundCount > 1) log(`round ${round} of ${roundCount}`);
        figures.push(await runTarget(target, dataDir, tokensFile, seeded.clockOffsetMs, target === 'escale' ? statuses : null));
      } catch (err) {
        log(`[${target}] FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    rounds.push(figures);
  }
  const run = { clients, durationS, rate, pinned, bundle, seedSeconds, interactions: seeded.interactions, cityTime: seeded.cityTime, seconds: (performance.now() - started) / 1000 };
  if (rounds.some((r) => r.length > 0)) printPushReport(rounds, run, values.json);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
  // A failed clean-up is said, not thrown: it must not hide the figures printed above.
  if (targets.includes('socketio-redis')) await deleteReplayKeys().catch((err: unknown) => log(`could not delete the keys ${REPLAY_PREFIX}* in Redis: ${String(err)}`));
}
