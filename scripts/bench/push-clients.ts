/**
 * The client side of `npm run bench:push`, in a process of its own so that the server's CPU and memory are
 * the server's alone: one live connection per session token, driven by push.ts over IPC (connect, first
 * positions, timed load, close). It times each location message to the feed that answers it.
 * Usage (forked by push.ts): push-clients.ts --target escale|escale-postgres|socketio --url U[,U2…] --tokens FILE --origin O --catalogue DIR
 * (several URLs: client i connects to the i-th modulo their count, spreading the clients over the instances)
 */
import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PROTOCOL_VERSION, type LatLon } from '../../shared/src/index.ts';
import { forEachLimited } from './for-each-limited.ts';
import { watchGcPauses } from './gc-pauses.ts';
import { openConnection, type Connection, type ServerMessage, type Target } from './push-connections.ts';
import { placeHops, walker } from './push-walks.ts';
import { mulberry32, randInt } from './random.ts';
import { percentile } from './report.ts';

export type { Target };
export type Command = { cmd: 'connect' } | { cmd: 'prime' } | { cmd: 'load'; durationS: number; rate: number } | { cmd: 'close' };

export interface Errors {
  connectFailures: number;
  /** `error` messages from the server. */
  errorMessages: number;
  /** Pushes that came later than REPLY_TIMEOUT_MS (or, for a first position, not at all). */
  timeouts: number;
  unexpectedCloses: number;
  /** What went wrong, by kind ("connect: HTTP 401", "error message: rate_limited"…), for the report. */
  kinds: Record<string, number>;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadFigures {
  offered: number;
  sent: number;
  replies: number;
  /**
   * Moves with no push at all by the end of the drain. Escale sends no unasked push when the ranking has
   * nothing (new) to offer, which at night happens where nothing nearby is open: compare with the
   * baseline's `emptyPushes`, which answers every move.
   */
  notPushed: number;
  /** Suggestions that matched no location we sent. */
  unrequestedPushes: number;
  /** Replies with no suggestion in them. */
  emptyPushes: number;
  seconds: number;
  latencyMs: Latency;
  /**
   * The same, over replies that carry suggestions only. Escale pushes nothing when the ranking is empty, so
   * its latency is over full rankings; the baseline also answers empty ones, which are cheaper (at night
   * most are): this is the like-for-like figure.
   */
  latencyWithItemsMs: Latency;
  /** This process's own event-loop delay over the load: high values would mean the client, not the server, is slow. */
  clientLoopDelayMs: { p99: number; max: number };
  /** This process's collector pauses over the load (ms in all): while one runs, replies wait to be read. */
  clientGcMs: { minor: number; major: number; longestMajor: number };
}

export type Reply =
  | { cmd: 'ready' }
  | { cmd: 'connect'; connected: number; seconds: number; errors: Errors }
  | { cmd: 'prime'; sent: number; replies: number; seconds: number; latencyMs: Latency; errors: Errors }
  | { cmd: 'load'; figures: LoadFigures; errors: Errors }
  | { cmd: 'close'; errors: Errors };

/** Concurrent handshakes: enough to keep both cores busy, few enough not to overflow the listen backlog. */
const CONNECT_CONCURRENCY = 64;
const CONNECT_TIMEOUT_MS = 15_000;
/** First positions in flight at once: measures the server's throughput without queueing a backlog. */
export const PRIME_CONCURRENCY = 32;
export const REPLY_TIMEOUT_MS = 5_000;
/** After the load, replies are awaited until none came for this long (and REPLY_TIMEOUT_MS has passed). */
const DRAIN_QUIET_MS = 2_000;
const DRAIN_CAP_MS = 60_000;
/** The load loop sends what is due every tick; 5 ms keeps bursts to a message or two at the default rates. */
const TICK_MS = 5;

const { values } = parseArgs({
  options: { target: { type: 'string' }, url: { type: 'string' }, tokens: { type: 'string' }, origin: { type: 'string' }, catalogue: { type: 'string' }, seed: { type: 'string', default: '7' } },
});
const target = values.target as Target;
const urls = values.url!.split(',');
const tokens = JSON.parse(fs.readFileSync(values.tokens!, 'utf8')) as string[];
const hops = placeHops(values.catalogue!);
const rng = mulberry32(Number(values.seed));

interface Client {
  /** Its place in the tokens file: which instance it connects to. */
  index: number;
  token: string;
  conn: Connection | null;
  welcomed: boolean;
  /** Set when we close it ourselves, so the close is not counted as unexpected. */
  closing: boolean;
  /** Locations sent and not yet answered, by "lat,lon", with when they were sent (performance.now()). */
  outstanding: Map<string, number>;
  /** Called when a location of this client is answered (the first-positions phase waits on it). */
  answered: (() => void) | null;
  nextPoint: () => LatLon;
}

const errors: Errors = { connectFailures: 0, errorMessages: 0, timeouts: 0, unexpectedCloses: 0, kinds: {} };
const count = (kinds: Record<string, number>, kind: string) => void (kinds[kind] = (kinds[kind] ?? 0) + 1);
const clients: Client[] = tokens.map((token, index) => ({ index, token, conn: null, welcomed: false, closing: false, outstanding: new Map(), answered: null, nextPoint: walker(hops, rng) }));
const key = (p: { lat: number; lon: number }) => `${p.lat},${p.lon}`;
/** What the phase in progress has seen. */
let seen = { latencies: [] as number[], withItems: [] as number[], outstanding: 0, lastReplyAt: 0, unrequested: 0, empty: 0 };

/**
 * A feed answers a location when it carries that position: a feed asked for otherwise, or a notification
 * (a meal window on the server's tick, a move), may arrive in between and must not be taken for the reply.
 */
function onServerMessage(c: Client, m: ServerMessage): void {
  if (m.type === 'welcome') {
    c.welcomed = true;
  } else if (m.type === 'feed') {
    const sentAt = m.position ? c.outstanding.get(key(m.position)) : undefined;
    if (sentAt === undefined) return void seen.unrequested++;
    c.outstanding.delete(key(m.position!));
    const now = performance.now();
    seen.latencies.push(now - sentAt);
    seen.lastReplyAt = now;
    seen.outstanding--;
    if (now - sentAt > REPLY_TIMEOUT_MS) errors.timeouts++;
    if (m.items?.length === 0) seen.empty++;
    else seen.withItems.push(now - sentAt);
    c.answered?.();
  } else if (m.type === 'error') {
    errors.errorMessages++;
    count(errors.kinds, `error message: ${String(m.code)}`);
  }
}

/** Opens one client and resolves once it is welcomed or has failed (failures are counted, not thrown). */
function connect(c: Client): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (failure !== undefined) {
        errors.connectFailures++;
        count(errors.kinds, `connect: ${failure}`);
        c.closing = true;
        c.conn?.close();
      }
      resolve();
    };
    const timer = setTimeout(() => settle('no welcome within 15 s'), CONNECT_TIMEOUT_MS);
    c.conn = openConnection(
      target,
      { url: urls[c.index % urls.length]!, origin: values.origin!, token: c.token },
      {
        open: () => c.conn!.send({ type: 'hello', protocol: PROTOCOL_VERSION }),
        message: (m) => {
          onServerMessage(c, m);
          if (c.welcomed) settle();
        },
        fail: (reason) => settle(reason),
        closed: () => {
          if (!settled) return settle('closed before welcome');
          if (c.welcomed && !c.closing) {
            errors.unexpectedCloses++;
            c.welcomed = false;
          }
        },
      },
    );
  });
}

async function connectAll(): Promise<Reply> {
  const t0 = performance.now();
  await forEachLimited(clients, CONNECT_CONCURRENCY, connect);
  globalThis.gc?.(); // the parent reads this process's RSS next: the connections, not the handshakes' garbage
  return { cmd: 'connect', connected: clients.filter((c) => c.welcomed).length, seconds: (performance.now() - t0) / 1000, errors };
}

function sendLocation(c: Client): void {
  const point = c.nextPoint();
  c.outstanding.set(key(point), performance.now());
  seen.outstanding++;
  c.conn!.send({ type: 'location', lat: point.lat, lon: point.lon });
}

function startPhase(): void {
  seen = { latencies: [], withItems: [], outstanding: 0, lastReplyAt: 0, unrequested: 0, empty: 0 };
}

function summary(values: number[]): Latency {
  const sorted = values.sort((a, b) => a - b);
  const max = sorted.at(-1) ?? Number.NaN;
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max, mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

/**
 * Each client's start position, a few in flight at a time. The first position is always pushed, whatever
 * the policy; afterwards every location of the timed load is a move of 350–500 m, which the policy judges.
 */
async function firstPositions(): Promise<Reply> {
  startPhase();
  const ready = clients.filter((c) => c.welcomed);
  const t0 = performance.now();
  await forEachLimited(ready, PRIME_CONCURRENCY, (c) => {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        c.answered = null;
        resolve();
      };
      const timer = setTimeout(() => {
        errors.timeouts++;
        seen.outstanding -= c.outstanding.size;
        c.outstanding.clear();
        done();
      }, REPLY_TIMEOUT_MS);
      c.answered = done;
      sendLocation(c);
    });
  });
  const seconds = (performance.now() - t0) / 1000;
  return { cmd: 'prime', sent: ready.length, replies: seen.latencies.length, seconds, latencyMs: summary(seen.latencies), errors };
}

/**
 * Open-loop load: location messages at a fixed total rate, each client in turn (shuffled order), whatever
 * the replies do, so a slow server shows as latency instead of slowing the load (no coordinated omission).
 */
function load(durationS: number, rate: number): Promise<Reply> {
  const order = clients.filter((c) => c.welcomed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  startPhase();
  let offered = 0;
  let sent = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const gc = watchGcPauses();
  const t0 = performance.now();
  const endAt = t0 + durationS * 1000;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      // The epsilon: 166.67/s × 60 s must offer 10,000, not 9,999 by rounding.
      const due = Math.floor((rate * (Math.min(now, endAt) - t0)) / 1000 + 1e-6);
      for (; offered < due && order.length > 0; offered++) {
        const c = order[offered % order.length]!;
        if (!c.welcomed) continue; // closed under us: already counted as an unexpected close
        sendLocation(c);
        sent++;
      }
      const drained = seen.outstanding === 0 || (now >= endAt + REPLY_TIMEOUT_MS && now - Math.max(seen.lastReplyAt, endAt) >= DRAIN_QUIET_MS) || now >= endAt + DRAIN_CAP_MS;
      if (now < endAt || !drained) return;
      clearInterval(timer);
      loopDelay.disable();
      for (const c of order) c.outstanding.clear();
      const figures: Omit<LoadFigures, 'clientGcMs'> = {
        offered,
        sent,
        replies: seen.latencies.length,
        notPushed: seen.outstanding,
        unrequestedPushes: seen.unrequested,
        emptyPushes: seen.empty,
        seconds: durationS,
        latencyMs: summary(seen.latencies),
        latencyWithItemsMs: summary(seen.withItems),
        clientLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      };
      void gc.stop().then((pauses) => {
        const total = (major: boolean) => pauses.filter((p) => p.major === major).reduce((sum, p) => sum + p.end - p.start, 0);
        const clientGcMs = { minor: total(false), major: total(true), longestMajor: Math.max(0, ...pauses.filter((p) => p.major).map((p) => p.end - p.start)) };
        resolve({ cmd: 'load', figures: { ...figures, clientGcMs }, errors });
      });
    }, TICK_MS);
  });
}

function closeAll(): Reply {
  for (const c of clients) {
    c.closing = true;
    c.conn?.close();
  }
  return { cmd: 'close', errors };
}

async function handle(command: Command): Promise<Reply> {
  switch (command.cmd) {
    case 'connect':
      return connectAll();
    case 'prime':
      return firstPositions();
    case 'load':
      return load(command.durationS, command.rate);
    case 'close':
      return closeAll();
  }
}

process.on('message', (command: Command) => void handle(command).then((reply) => process.send!(reply)));
process.send!({ cmd: 'ready' } satisfies Reply);
