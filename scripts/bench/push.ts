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
 * one per traveller a minute) --only escale|escale-postgres|socketio|socketio-redis[,…] --timeout-min M (the whole run; default
 * 12 per round) --json (last line: one JSON object) --cpu-prof-dir DIR (each server started writes V8 CPU
 * profiles into DIR/<target> when it stops) --rounds N (default 1: the servers run alternately N times
 * each; the table shows each one's median round) --store postgres (also run Escale on PostgreSQL, beside the
 * default single SQLite instance, from a database seeded the same way) --instances N (PostgreSQL only,
 * default 1: N instances sharing it and Redis, the clients spread over them; their CPU and memory are summed,
 * and PostgreSQL's own CPU is read too). Env: BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_POSTGRES_URL
 * (postgres://postgres@127.0.0.1:5432/test: where the bench's databases are created and dropped).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createClient } from 'redis';
import { cpuMs, rssKiB } from './proc-stats.ts';
import type { Command, Reply, Target } from './push-clients.ts';
import { LABEL, printPushReport, type TargetFigures } from './push-report.ts';
import { seedPushBench } from './push-seed.ts';
import { scrapeMetrics, serverSide } from './server-metrics.ts';
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
    store: { type: 'string', default: 'sqlite' },
    instances: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const clients = Number(values.clients);
const durationS = Number(values['duration-s']);
const rate = values.rate === undefined ? clients / SECONDS_PER_LOCATION : Number(values.rate);
/** Where the replaying baseline keeps its stream and sessions (`socketio-redis`). */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const withPostgres = values.store === 'postgres';
const instanceCount = Number(values.instances);
/** Where the PostgreSQL target's databases are created (one seeded, then a copy per round), dropped at the end. */
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const requested: Target[] = values.only === undefined ? ['escale', ...(withPostgres ? (['escale-postgres'] as const) : []), 'socketio', 'socketio-redis'] : (values.only.split(',') as Target[]);
const roundCount = Number(values.rounds);
/** The whole run's bound: a round of the three servers at 10,000 clients takes about 8 minutes. */
const timeoutMin = values['timeout-min'] === undefined ? 12 * roundCount : Number(values['timeout-min']);
if (!['sqlite', 'postgres'].includes(values.store) || !Number.isInteger(instanceCount) || instanceCount < 1 || instanceCount > 8 || (instanceCount > 1 && !withPostgres)) {
  console.error('bench:push: --store is sqlite or postgres; --instances N (1 to 8) needs --store postgres');
  process.exit(2);
}
if (!Number.isInteger(roundCount) || roundCount < 1 || !Number.isInteger(clients) || clients < 1 || !(durationS > 0) || !(rate > 0) || !requested.every((t) => t in LABEL) || !(timeoutMin > 0)) {
  console.error(
    'usage: npm run bench:push -- [--clients N] [--duration-s S] [--rate MSG_PER_S] [--only escale|escale-postgres|socketio|socketio-redis] [--store sqlite|postgres] [--instances N] [--rounds N] [--timeout-min M] [--cpu-prof-dir DIR] [--json]',
  );
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
    Math.max(
      0,
      ...fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => fs.statSync(path.join(e.parentPath, e.name)).mtimeMs),
    );
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  if (built >= Math.max(newest(path.join(ROOT, 'server/src')), newest(path.join(ROOT, 'shared/src')))) return 'server/dist/main.js (up to date)';
  execFileSync('npm', ['run', '-s', 'build:server'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return `server/dist/main.js (${built === 0 ? 'built' : 'rebuilt: sources were newer'})`;
}

/** The databases of the PostgreSQL target, on the server BENCH_POSTGRES_URL points at. */
function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
async function asPostgresAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * CPU time of the PostgreSQL server, in ms: its processes now, plus what its ended backends used (the
 * postmaster's reaped children, cutime and cstime), so a backend that closes mid-run is still counted.
 */
function postgresCpuMs(): number {
  const pids = spawnSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
  let total = 0;
  for (const pid of pids) {
    try {
      const { user, system, childrenUser, childrenSystem } = cpuMs(pid);
      total += user + system + childrenUser + childrenSystem;
    } catch {
      // A backend that ended between the listing and the reading (its time is now its parent's).
    }
  }
  return total;
}

/** `where`: a data directory (SQLite), or a database (the PostgreSQL target, with Redis between instances). */
async function startServer(target: Target, where: { dataDir: string; databaseUrl?: string }, clockOffsetMs: number): Promise<{ server: ChildProcess; url: string }> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    ESCALE_DATA_DIR: where.dataDir,
    ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl, ...(instanceCount > 1 ? { REDIS_URL: REDIS_URL } : {}) } : {}),
    ALLOWED_ORIGINS: ORIGIN,
    DEMO_MODE: 'false',
    LOG_LEVEL: 'warn',
    BENCH_CLOCK_OFFSET_MS: String(clockOffsetMs),
    ...(target === 'socketio-redis' ? { BENCH_REPLAY_REDIS_URL: REDIS_URL, BENCH_REPLAY_PREFIX: REPLAY_PREFIX } : {}),
  };
  const script = target === 'escale' || target === 'escale-postgres' ? [BUNDLE] : ['--import', 'tsx', path.join(import.meta.dirname, 'push-socketio-server.ts')];
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

/** The sum of a figure over the servers (instances of one target). */
const sum = (servers: ChildProcess[], figure: (pid: number) => number) => servers.reduce((total, s) => total + figure(s.pid!), 0);
const cpuTotal = (pid: number) => {
  const { user, system } = cpuMs(pid);
  return user + system;
};

async function runTarget(
  target: Target,
  where: { dataDir: string; databaseUrl?: string },
  tokensFile: string,
  clockOffsetMs: number,
  pushSettingsStatuses: Record<string, number> | null,
): Promise<TargetFigures> {
  const count = target === 'escale-postgres' ? instanceCount : 1;
  const started: { server: ChildProcess; url: string }[] = [];
  // The first instance migrates and seeds alone (already done here: it finds the work done); then the others.
  for (let i = 0; i < count; i++) started.push(await startServer(target, where, clockOffsetMs));
  const servers = started.map((s) => s.server);
  const url = started.map((s) => s.url).join(',');
  const args = ['--target', target, '--url', url, '--tokens', tokensFile, '--origin', ORIGIN, '--catalogue', path.join(ROOT, 'data/paris')];
  const clientCommand = [process.execPath, '--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'push-clients.ts'), ...args];
  const client = onCore(1, clientCommand, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    await ask(client, 'ready');
    await sleep(SETTLE_MS);
    const serverRssBeforeKiB = sum(servers, rssKiB);
    const clientRssBeforeKiB = rssKiB(client.pid!);
    log(`[${target}] connecting ${clients} clients`);
    const connect = await ask(client, 'connect', { cmd: 'connect' });
    await sleep(SETTLE_MS);
    const serverRssIdleKiB = sum(servers, rssKiB);
    const clientRssIdleKiB = rssKiB(client.pid!);
    log(`[${target}] ${connect.connected} connected in ${round(connect.seconds, 1)} s; sending first positions`);
    const prime = await ask(client, 'prime', { cmd: 'prime' });
    log(`[${target}] ${prime.replies} first positions pushed in ${round(prime.seconds, 1)} s; ${durationS} s of load at ${round(rate, 1)} locations/s`);
    const system = (pid: number) => cpuMs(pid).system;
    const scrapeAll = () => Promise.all(started.map((s) => scrapeMetrics(s.url)));
    // Escale only: the Socket.IO baselines have no /metrics.
    const isEscale = target === 'escale' || target === 'escale-postgres';
    const metricsBefore = isEscale ? await scrapeAll() : null;
    const [server0, system0, client0, postgres0, t0] = [sum(servers, cpuTotal), sum(servers, system), cpuMs(client.pid!), where.databaseUrl ? postgresCpuMs() : 0, performance.now()];
    const { figures: load, errors } = await ask(client, 'load', { cmd: 'load', durationS, rate });
    const wallMs = performance.now() - t0;
    const [server1, system1, client1, postgres1] = [sum(servers, cpuTotal), sum(servers, system), cpuMs(client.pid!), where.databaseUrl ? postgresCpuMs() : 0];
    const serverCpu = server1 - server0;
    const metricsAfter = isEscale ? await scrapeAll() : null;
    const clientCpu = client1.user + client1.system - client0.user - client0.system;
    const serverRssAfterLoadKiB = sum(servers, rssKiB);
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
      instances: count,
      // Per instance: each has a core's worth of work to do at most.
      serverCpuPercent: (100 * serverCpu) / wallMs / count,
      serverCpuMsPerLocation: serverCpu / load.sent,
      serverSystemCpuMsPerLocation: (system1 - system0) / load.sent,
      postgresCpuMsPerLocation: where.databaseUrl ? (postgres1 - postgres0) / load.sent : null,
      serverRssBeforeKiB,
      serverRssIdleKiB,
      serverRssAfterLoadKiB,
      serverKiBPerClient: (serverRssIdleKiB - serverRssBeforeKiB) / connect.connected,
      clientRssBeforeKiB,
      clientRssIdleKiB,
      clientKiBPerClient: (clientRssIdleKiB - clientRssBeforeKiB) / connect.connected,
      clientCpuPercent: (100 * clientCpu) / wallMs,
      serverSide: metricsBefore && metricsAfter ? serverSide(metricsBefore, metricsAfter) : null,
    };
  } finally {
    await stop(client);
    for (const server of servers) await stop(server);
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
const bundle = targets.includes('escale') || targets.includes('escale-postgres') ? ensureBundle() : null;
/** The PostgreSQL target's seeded database; each round runs on a copy of it (CREATE DATABASE … TEMPLATE). */
const SEEDED_DB = `escale_bench_${process.pid}`;
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
  const seeded = await seedPushBench({ dataDir: path.join(work, 'escale') }, clients, 42, new Date(), CITY_TIME);
  log(`sessions' clocks set to ${seeded.cityTime}, running at real speed`);
  const seedSeconds = (performance.now() - t) / 1000;
  const tokensFile = path.join(work, 'tokens.json');
  fs.writeFileSync(tokensFile, JSON.stringify(seeded.tokens));
  const tokensFiles: Partial<Record<Target, string>> = {};
  if (targets.includes('escale-postgres')) {
    // The same travellers (same seed), in PostgreSQL; their session tokens are their own.
    await asPostgresAdmin(`CREATE DATABASE ${SEEDED_DB}`);
    const inPostgres = await seedPushBench({ dataDir: work, databaseUrl: databaseUrl(SEEDED_DB) }, clients, 42, new Date(), CITY_TIME);
    tokensFiles['escale-postgres'] = path.join(work, 'tokens-postgres.json');
    fs.writeFileSync(tokensFiles['escale-postgres'], JSON.stringify(inPostgres.tokens));
    log(`seeded PostgreSQL (${SEEDED_DB}) the same way`);
  }
  // Each baseline gets its own copy, so every server starts from the same database.
  for (const target of targets) if (target !== 'escale' && target !== 'escale-postgres') fs.cpSync(path.join(work, 'escale'), path.join(work, target), { recursive: true });
  // Every location is answered by a feed whatever the push policy says: the defaults stay.
  const statuses: Record<string, number> | null = null;
  // Rounds alternate the servers, each from a fresh copy of its database, so that a machine that runs
  // faster in one minute than the next does not favour whichever server ran then.
  for (let round = 1; round <= roundCount; round++) {
    const figures: TargetFigures[] = [];
    for (const target of targets) {
      const dataDir = path.join(work, `${target}-round-${round}`);
      const roundDb = `${SEEDED_DB}_r${round}`;
      const onPostgres = target === 'escale-postgres';
      if (onPostgres) {
        fs.mkdirSync(dataDir, { recursive: true });
        await asPostgresAdmin(`CREATE DATABASE ${roundDb} TEMPLATE ${SEEDED_DB}`);
      } else fs.cpSync(path.join(work, target), dataDir, { recursive: true });
      try {
        if (roundCount > 1) log(`round ${round} of ${roundCount}`);
        const where = onPostgres ? { dataDir, databaseUrl: databaseUrl(roundDb) } : { dataDir };
        figures.push(await runTarget(target, where, tokensFiles[target] ?? tokensFile, seeded.clockOffsetMs, target === 'escale' ? statuses : null));
      } catch (err) {
        log(`[${target}] FAILED: ${err instanceof Error ? err.message : String(err)}`);
        process.exitCode = 1;
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
        if (onPostgres) await asPostgresAdmin(`DROP DATABASE IF EXISTS ${roundDb} WITH (FORCE)`);
      }
    }
    rounds.push(figures);
  }
  const run = {
    clients,
    durationS,
    rate,
    pinned,
    instances: instanceCount,
    bundle,
    seedSeconds,
    interactions: seeded.interactions,
    cityTime: seeded.cityTime,
    seconds: (performance.now() - started) / 1000,
  };
  if (rounds.some((r) => r.length > 0)) printPushReport(rounds, run, values.json);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
  if (targets.includes('escale-postgres')) await asPostgresAdmin(`DROP DATABASE IF EXISTS ${SEEDED_DB} WITH (FORCE)`).catch((err: unknown) => log(`could not drop ${SEEDED_DB}: ${String(err)}`));
  // A failed clean-up is said, not thrown: it must not hide the figures printed above.
  if (targets.includes('socketio-redis')) await deleteReplayKeys().catch((err: unknown) => log(`could not delete the keys ${REPLAY_PREFIX}* in Redis: ${String(err)}`));
}
