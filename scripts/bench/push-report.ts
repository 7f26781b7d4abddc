/** The table of `npm run bench:push`: the servers side by side, Escale's ratios to each baseline, the targets, and the JSON line. */
import os from 'node:os';
import type { Errors, Latency, LoadFigures, Target } from './push-clients.ts';
import { round } from './report.ts';
import type { ServerSide } from './server-metrics.ts';
import { formatTable } from './table.ts';

const TARGETS = { p99Ms: 50, p99Clients: 10_000, kibPerClient: 20 };
export const LABEL: Record<Target, string> = {
  escale: 'Escale (ws)',
  'escale-postgres': 'Escale on PostgreSQL',
  socketio: 'Socket.IO 4.8',
  'socketio-redis': 'Socket.IO + Redis replay',
};
type Baseline = Exclude<Target, 'escale' | 'escale-postgres'>;
const BASELINES: Baseline[] = ['socketio', 'socketio-redis'];
/** What each baseline promises, for the verdict lines. */
const PROMISE: Record<Baseline, string> = { socketio: 'bare: no replay, one socket', 'socketio-redis': 'replay kept in Redis, every tab' };
const SHORT: Record<Baseline, string> = { socketio: 'Socket.IO', 'socketio-redis': 'SIO+Redis' };

export interface RunFacts {
  clients: number;
  durationS: number;
  rate: number;
  pinned: boolean;
  bundle: string | null;
  seedSeconds: number;
  /** Instances of the PostgreSQL target. */
  instances: number;
  interactions: number;
  /** The city time both servers ranked at when the run began (the sessions' virtual clocks). */
  cityTime: string;
  seconds: number;
}

export interface TargetFigures {
  target: Target;
  connected: number;
  connectSeconds: number;
  connectsPerSecond: number;
  firstPositions: { replies: number; perSecond: number; latencyMs: Latency };
  pushSettingsStatuses: Record<string, number> | null;
  load: LoadFigures;
  offeredRate: number;
  pushesPerSecond: number;
  errors: Errors;
  /** Instances the clients were spread over (their figures summed; CPU % is per instance). */
  instances: number;
  serverCpuPercent: number;
  /** All instances together. */
  serverCpuMsPerLocation: number;
  /** PostgreSQL's own processes, for the target on PostgreSQL; null on SQLite (its work is in the server's). */
  postgresCpuMsPerLocation: number | null;
  /** Of which in the kernel: system calls (socket writes, the database's file writes and locks). */
  serverSystemCpuMsPerLocation: number;
  serverRssBeforeKiB: number;
  serverRssIdleKiB: number;
  serverRssAfterLoadKiB: number;
  serverKiBPerClient: number;
  clientRssBeforeKiB: number;
  clientRssIdleKiB: number;
  clientKiBPerClient: number;
  clientCpuPercent: number;
  /** The server's own account of the load (its /metrics); null for the baselines, which have none. */
  serverSide: ServerSide | null;
}

const mib = (kib: number) => round(kib / 1024, 1);

function errorTotal(e: Errors): number {
  return e.connectFailures + e.errorMessages + e.timeouts + e.unexpectedCloses;
}

/** The middle value (of the two middle ones, the higher: for two rounds, the slower). */
function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1]!;
}

/** Each server's round with the median location→push p50: the round its full figures are shown from. */
function medianRounds(rounds: TargetFigures[][]): TargetFigures[] {
  const byTarget = new Map<Target, TargetFigures[]>();
  for (const f of rounds.flat()) byTarget.set(f.target, [...(byTarget.get(f.target) ?? []), f]);
  return [...byTarget.values()].map((runs) => [...runs].sort((x, y) => x.load.latencyMs.p50 - y.load.latencyMs.p50)[runs.length >> 1]!);
}

export function printPushReport(rounds: TargetFigures[][], run: RunFacts, json: boolean): void {
  const results = medianRounds(rounds);
  const { clients, durationS, rate } = run;
  const ms = (x: number) => round(x, 1);
  const rows: [string, (f: TargetFigures) => string | number, ratio?: (f: TargetFigures) => number][] = [
    ['clients connected', (f) => `${f.connected} / ${clients}`],
    ['connect rate (connections/s, to welcome)', (f) => Math.round(f.connectsPerSecond)],
    [
      'PUT /api/push-settings (status × count)',
      (f) =>
        f.pushSettingsStatuses
          ? Object.entries(f.pushSettingsStatuses)
              .map(([s, n]) => `${s} × ${n}`)
              .join(', ')
          : '—',
    ],
    ['first positions, closed loop: pushes/s', (f) => Math.round(f.firstPositions.perSecond)],
    ['offered rate, moves (locations/s)', (f) => round(f.offeredRate, 1)],
    ['locations sent / offered', (f) => `${f.load.sent} / ${f.load.offered}`],
    ['pushes received (replies)', (f) => f.load.replies],
    ['moves not pushed (no reply by the end)', (f) => f.load.notPushed],
    ['pushes/s', (f) => round(f.pushesPerSecond, 1)],
    ['location→push p50 (ms)', (f) => ms(f.load.latencyMs.p50), (f) => f.load.latencyMs.p50],
    ['location→push p95 (ms)', (f) => ms(f.load.latencyMs.p95)],
    ['location→push p99 (ms)', (f) => ms(f.load.latencyMs.p99), (f) => f.load.latencyMs.p99],
    ['location→push max (ms)', (f) => ms(f.load.latencyMs.max)],
    ['replies with items only: p50 / p99 (ms)', (f) => `${ms(f.load.latencyWithItemsMs.p50)} / ${ms(f.load.latencyWithItemsMs.p99)}`, (f) => f.load.latencyWithItemsMs.p50],
    ['errors: connect / error msg / timeout / close', (f) => `${f.errors.connectFailures} / ${f.errors.errorMessages} / ${f.errors.timeouts} / ${f.errors.unexpectedCloses}`],
    ['replies with no items / pushes matching no location', (f) => `${f.load.emptyPushes} / ${f.load.unrequestedPushes}`],
    ['instances (clients spread over them)', (f) => f.instances],
    ['server CPU, steady phase (% of one core, per instance)', (f) => ms(f.serverCpuPercent)],
    ['server CPU per location, all instances (ms)', (f) => round(f.serverCpuMsPerLocation, 3), (f) => f.serverCpuMsPerLocation],
    ['  of which in the kernel (ms)', (f) => round(f.serverSystemCpuMsPerLocation, 3)],
    ['PostgreSQL CPU per location (ms)', (f) => (f.postgresCpuMsPerLocation === null ? '—' : round(f.postgresCpuMsPerLocation, 3))],
    ['server + database CPU per location (ms)', (f) => round(f.serverCpuMsPerLocation + (f.postgresCpuMsPerLocation ?? 0), 3), (f) => f.serverCpuMsPerLocation + (f.postgresCpuMsPerLocation ?? 0)],
    ['server RSS: before / idle / after load (MiB)', (f) => `${mib(f.serverRssBeforeKiB)} / ${mib(f.serverRssIdleKiB)} / ${mib(f.serverRssAfterLoadKiB)}`],
    ['server memory per idle client (KiB)', (f) => ms(f.serverKiBPerClient), (f) => f.serverKiBPerClient],
    ['client process: RSS per client (KiB) / CPU %', (f) => `${ms(f.clientKiBPerClient)} / ${ms(f.clientCpuPercent)}`],
    ['client event-loop delay p99 / max (ms)', (f) => `${ms(f.load.clientLoopDelayMs.p99)} / ${ms(f.load.clientLoopDelayMs.max)}`],
    ['client GC pauses minor / major, longest major (ms)', (f) => `${Math.round(f.load.clientGcMs.minor)} / ${Math.round(f.load.clientGcMs.major)}, ${ms(f.load.clientGcMs.longestMajor)}`],
    ['server side: locations handled in > 25 / > 50 ms (%)', (f) => (f.serverSide ? `${round(f.serverSide.over25msPercent, 2)} / ${round(f.serverSide.over50msPercent, 2)}` : '—')],
    ['server event-loop delay p99 / max, worst instance (ms)', (f) => (f.serverSide ? `${ms(f.serverSide.loopDelayP99Ms)} / ${ms(f.serverSide.loopDelayMaxMs)}` : '—')],
    ['server GC pauses minor / major, worst instance (ms)', (f) => (f.serverSide ? `${Math.round(f.serverSide.minorGcMs)} / ${Math.round(f.serverSide.majorGcMs)}` : '—')],
  ];
  const a = results.find((r) => r.target === 'escale');
  const baselines = a ? BASELINES.flatMap((t) => results.filter((r) => r.target === t)) : [];
  // Over every round: the verdict does not rest on one minute of a machine whose speed drifts.
  const latencies = (target: Target) =>
    rounds
      .flat()
      .filter((f) => f.target === target)
      .map((f) => f.load.latencyMs);
  const medians = (target: Target) => ({ p50: median(latencies(target).map((l) => l.p50)), p99: median(latencies(target).map((l) => l.p99)) });
  const onPostgres = results.find((r) => r.target === 'escale-postgres');
  const label = (f: TargetFigures) => (f.target === 'escale-postgres' ? `${LABEL[f.target]} ×${f.instances}` : LABEL[f.target]);
  const ratio = (x: number, y: number) => `${round(x / y)}×`;
  const headers = ['', ...results.map(label), ...baselines.map((b) => `Escale/${SHORT[b.target as Baseline]}`), ...(a && onPostgres ? ['PostgreSQL/SQLite'] : [])];
  const table = rows.map(([name, cell, r]) => [name, ...results.map(cell), ...baselines.map((b) => (r ? ratio(r(a!), r(b)) : '')), ...(a && onPostgres ? [r ? ratio(r(onPostgres), r(a)) : ''] : [])]);

  console.log(`\nLive push: ${clients} clients, ${durationS} s steady load at ${round(rate, 1)} locations/s offered, loopback; city time ${run.cityTime} (sessions' clocks)`);
  console.log(formatTable(headers, table));
  if (rounds.length > 1) {
    console.log(`Each server's median round is shown. Location→push p50 / p99 (ms) by round:`);
    const cell = (f: TargetFigures | undefined) => (f ? `${round(f.load.latencyMs.p50, 2)} / ${round(f.load.latencyMs.p99, 2)}` : '—');
    const roundRows = rounds.map((r, i) => [`round ${i + 1}`, ...results.map((m) => cell(r.find((f) => f.target === m.target)))]);
    console.log(formatTable(['', ...results.map(label)], roundRows));
  }
  for (const r of results) {
    const kinds = Object.entries(r.errors.kinds).map(([k, n]) => `${k} × ${n}`);
    if (kinds.length > 0) console.log(`${LABEL[r.target]} errors: ${kinds.join('; ')}`);
  }
  const targetLines = a
    ? {
        p99Ms: a.load.latencyMs.p99,
        // Judged only at the scale the target names: fewer clients is a smoke test.
        p99Met: a.connected >= TARGETS.p99Clients ? a.load.latencyMs.p99 < TARGETS.p99Ms : null,
        kibPerClient: a.serverKiBPerClient,
        memoryMet: a.serverKiBPerClient < TARGETS.kibPerClient,
        errors: errorTotal(a.errors),
        // "Better than the Socket.IO baseline on latency and memory": judged on the median and the tail, against each.
        versus: Object.fromEntries(
          baselines.map((b) => {
            const target = b.target as Baseline;
            const vs = { rounds: rounds.length, escale: medians('escale'), baseline: medians(target), escaleKiB: a.serverKiBPerClient, baselineKiB: b.serverKiBPerClient };
            return [target, { ...vs, p50Met: vs.escale.p50 < vs.baseline.p50, p99Met: vs.escale.p99 < vs.baseline.p99, memoryMet: vs.escaleKiB < vs.baselineKiB }];
          }),
        ),
      }
    : null;
  if (targetLines) {
    const verdict = targetLines.p99Met === null ? `not judged at ${a!.connected} clients` : targetLines.p99Met ? 'MET' : 'NOT MET';
    console.log(`Target "p99 < ${TARGETS.p99Ms} ms at 10,000 clients": ${ms(targetLines.p99Ms)} ms ${verdict}`);
    console.log(`Target "memory per idle client < ${TARGETS.kibPerClient} KB": ${ms(targetLines.kibPerClient)} KiB ${targetLines.memoryMet ? 'MET' : 'NOT MET'}`);
    console.log(`Errors (expected 0): ${targetLines.errors}`);
    if (onPostgres) {
      const met = onPostgres.connected >= TARGETS.p99Clients ? (onPostgres.load.latencyMs.p99 < TARGETS.p99Ms ? 'MET' : 'NOT MET') : `not judged at ${onPostgres.connected} clients`;
      console.log(
        `Target "p99 < ${TARGETS.p99Ms} ms at 10,000 clients" on PostgreSQL ×${onPostgres.instances}: ${ms(onPostgres.load.latencyMs.p99)} ms ${met}; errors ${errorTotal(onPostgres.errors)} (expected 0)`,
      );
    }
    for (const [target, vs] of Object.entries(targetLines.versus)) {
      const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');
      const two = (x: number) => round(x, 2);
      const over = vs.rounds > 1 ? `, medians of ${vs.rounds} rounds` : '';
      console.log(
        `Target "better than ${LABEL[target as Baseline]}" (${PROMISE[target as Baseline]}${over}): p50 ${two(vs.escale.p50)} vs ${two(vs.baseline.p50)} ms ${verdict(vs.p50Met)}; ` +
          `p99 ${two(vs.escale.p99)} vs ${two(vs.baseline.p99)} ms ${verdict(vs.p99Met)}; memory ${ms(vs.escaleKiB)} vs ${ms(vs.baselineKiB)} KiB ${verdict(vs.memoryMet)}`,
      );
    }
  }
  const placement = run.pinned ? 'server(s) on core 0, clients on core 1, PostgreSQL unpinned (taskset)' : 'not pinned';
  const seeded = `${clients} travellers seeded in ${round(run.seedSeconds, 1)} s (${run.interactions} interactions)`;
  console.log(`Machine: ${os.cpus().length} cores, Node ${process.versions.node}; ${placement}; server: ${run.bundle ?? '—'}; ${seeded}; whole run ${round(run.seconds, 1)} s`);
  const postgresTarget = onPostgres
    ? {
        instances: onPostgres.instances,
        p99Ms: onPostgres.load.latencyMs.p99,
        p99Met: onPostgres.connected >= TARGETS.p99Clients ? onPostgres.load.latencyMs.p99 < TARGETS.p99Ms : null,
        errors: errorTotal(onPostgres.errors),
      }
    : null;
  if (json)
    console.log(
      JSON.stringify({ cores: os.cpus().length, ...run, targets: targetLines, postgresTarget, results, rounds: rounds.map((r) => r.map((f) => ({ target: f.target, latencyMs: f.load.latencyMs }))) }),
    );
}
