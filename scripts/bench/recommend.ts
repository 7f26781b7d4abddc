/**
 * `npm run bench:recommend`: ranking latency and throughput on seeded synthetic cities of growing size
 * (product brief, Budgets: at 100k places and 1M interaction edges, p99 under 10 ms and at least 1,000
 * rankings/s on one core). Each size runs in a child process pinned to one core (recommend-size.ts), so
 * sizes do not share a heap and the figure is per core. Options: --sizes 10000,100000 --rankings 2000
 * --seed 42 --timeout-min 10 --json (the last line is then one JSON object with every figure).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { round } from './report.ts';
import { formatTable } from './table.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'recommend-size.ts');
const PHASES = ['generate', 'interactions', 'build', 'warm-up', 'rankings', 'appends', 'rankings-under-appends', 'take-backs', 'store-build', 'snapshot-build'] as const;
const MIB = 2 ** 20;
/**
 * Issue 25's targets, per size: build time (from the store, as a server starts), RSS after the build, p99
 * and rankings per second on one core.
 */
const TARGETS: Record<number, { buildS: number; rssMiB: number | null; p99Ms: number; perSecond: number }> = {
  100_000: { buildS: 5, rssMiB: null, p99Ms: 3, perSecond: 3_000 },
  1_000_000: { buildS: 60, rssMiB: 2048, p99Ms: 5, perSecond: 2_000 },
};
/** GraphJet's bar for the append rate (edges a second). */
const APPEND_BAR = 1_000_000;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    rankings: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    'timeout-min': { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const timeoutMs = Number(values['timeout-min']) * 60_000;
const pinned = spawnSync('taskset', ['-V']).status === 0;
// One child at a time, so it may have most of the machine: a 1M-place graph needs gigabytes.
const heapLimitMiB = Math.floor((os.totalmem() / MIB) * 0.85);

type Phase = { phase: string; seconds: number; peakRssMiB: number } & Record<string, unknown>;
type Result = Record<string, number>;
type Outcome = { places: number; phases: Phase[]; peakRssMiB: number } & ({ ok: true; result: Result } | { ok: false; failedIn: string; reason: string; stderrTail: string });

function runSize(places: number): Promise<Outcome> {
  const nodeArgs = ['--expose-gc', `--max-old-space-size=${heapLimitMiB}`, '--import', 'tsx', CHILD];
  nodeArgs.push('--size', String(places), '--rankings', values.rankings, '--seed', values.seed);
  const [cmd, args] = pinned ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const phases: Phase[] = [];
  let result: Result | null = null;
  let stderr = '';
  let peakRssMiB = 0;
  let reason = '';
  const t0 = performance.now();
  // taskset execs node, so the pid is node's: its high-water mark survives an out-of-memory death.
  const sampler = setInterval(() => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(safeRead(`/proc/${child.pid}/status`))?.[1];
    if (hwm) peakRssMiB = Math.max(peakRssMiB, Number(hwm) / 1024);
  }, 500);
  const timer = setTimeout(() => {
    reason = `killed after the ${values['timeout-min']} min time limit`;
    child.kill('SIGKILL');
  }, timeoutMs);
  let buffered = '';
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = JSON.parse(buffered.slice(0, nl)) as { type: string } & Record<string, unknown>;
      buffered = buffered.slice(nl + 1);
      if (line.type === 'result') result = line as unknown as Result;
      if (line.type === 'phase') {
        phases.push(line as unknown as Phase);
        console.error(`  [${places}] ${String(line.phase)} ${round(line.seconds as number)} s, peak RSS ${Math.round(line.peakRssMiB as number)} MiB`);
      }
    }
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
    process.stderr.write(d);
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      const peak = Math.max(peakRssMiB, phases.at(-1)?.peakRssMiB ?? 0);
      if (result && code === 0) return resolve({ ok: true, places, phases, result, peakRssMiB: result.peakRssMiB ?? peak });
      const failedIn = PHASES[phases.length] ?? 'after the last phase';
      reason ||= signal ? `killed by ${signal} (the kernel's OOM killer sends SIGKILL)` : `exited with code ${code}`;
      reason += ` after ${round((performance.now() - t0) / 1000, 1)} s`;
      resolve({ ok: false, places, phases, failedIn, reason, stderrTail: stderr.trim().split('\n').slice(-6).join('\n'), peakRssMiB: peak });
    });
  });
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const started = performance.now();
const outcomes: Outcome[] = [];
console.error(`bench:recommend: sizes ${sizes.join(', ')}; ${values.rankings} rankings each; ${pinned ? 'pinned to core 0 (taskset)' : 'NOT pinned: taskset not found'}`);
for (const places of sizes) outcomes.push(await runSize(places));
const totalSeconds = (performance.now() - started) / 1000;

const phaseSeconds = (o: Outcome, name: string) => o.phases.find((p) => p.phase === name)?.seconds;
const headers = ['places', 'travellers', 'interactions', 'nodes', 'edges', 'gen s', 'build s', 'from store s', 'from snapshot s', 'RSS MiB', 'heap MiB', 'p50 ms', 'p99 ms', 'rankings/s'];
const rows = outcomes.map((o) => {
  if (!o.ok) return [o.places, ...headers.slice(1).map(() => '—')];
  const r = o.result;
  const build = o.phases.find((p) => p.phase === 'build')!;
  const gen = (phaseSeconds(o, 'generate') ?? 0) + (phaseSeconds(o, 'interactions') ?? 0);
  return [
    r.places!,
    r.travellers!,
    r.interactions!,
    r.nodes!,
    r.edges!,
    round(gen, 1),
    round(build.seconds, 1),
    round(r.storeBuildSeconds!, 1),
    round(r.snapshotBuildSeconds!, 1),
    Math.round(build.rssMiB as number),
    Math.round(build.heapMiB as number),
    round(r.p50Ms!),
    round(r.p99Ms!),
    Math.round(r.rankingsPerSecond!),
  ];
});

const warmUps = [...new Set(outcomes.map((o) => o.phases.find((p) => p.phase === 'warm-up')?.warmUpRankings).filter((n) => n !== undefined))];
console.log(`\nRanking a traveller's top 10 on synthetic cities (${values.rankings} timed rankings per size, after ${warmUps.join('/') || '—'} warm-up rankings)`);
console.log(formatTable(headers, rows));
console.log(
  'gen s: city + interaction objects; build s, RSS and heap: TravelGraph.build from memory, deltas after gc(); from store s: TravelGraph.load from an SQLite store, a page at a time, as at a first start; from snapshot s: from the snapshot that graph writes, as at a restart (each in a process of its own, the catalogue generated before the clock starts); latency: context + rank',
);
for (const o of outcomes) {
  if (o.ok) {
    const r = o.result;
    console.log(
      `${o.places}: p90 ${round(r.p90Ms!)} ms, max ${round(r.maxMs!)} ms, first ranking ${round(r.firstRankingMs!)} ms, warm-up ${r.warmUpRankings} rankings at ${Math.round(r.warmUpPerSecond!)}/s, ${round(r.meanCandidates!, 0)} candidates and ${round(r.meanItems!, 1)} items per ranking, ${r.events} events, ${r.offers} offers, heap growth over the loop ${round(r.heapGrowthMiB!, 1)} MiB, peak RSS ${Math.round(o.peakRssMiB)} MiB`,
    );
    console.log(
      `  At start, each in a process of its own: ${r.interactions} interactions written to an SQLite store in ${round(r.storeWriteSeconds!, 1)} s (${Math.round(r.storeFileMiB!)} MiB file); built from it in ${round(r.storeBuildSeconds!, 1)} s (peak RSS ${Math.round(r.storeBuildPeakRssMiB!)} MiB), digest ${r.storeDigestMatches ? 'equal to' : 'DIFFERENT FROM'} the in-memory build's; its snapshot written in ${round(r.snapshotWriteSeconds!, 1)} s, the event loop held ${round(r.snapshotHeldSeconds!, 2)} s of it, ${round(r.snapshotHeldAgainSeconds!, 2)} s of a later write (${Math.round(r.snapshotFileMiB!)} MiB); restarted from it in ${round(r.snapshotBuildSeconds!, 1)} s (peak RSS ${Math.round(r.snapshotBuildPeakRssMiB!)} MiB), digest ${r.snapshotDigestMatches ? 'equal' : 'DIFFERENT'}`,
    );
    console.log(
      `  GC in the loop: ${r.gcPauses} pauses (${r.gcMajorPauses} major), ${Math.round(r.gcPauseMs!)} ms, ${r.rankingsHitByGc} rankings hit; p99 of the others ${round(r.p99WithoutGcMs!)} ms`,
    );
  } else {
    const done = o.phases.map((p) => `${p.phase} ${round(p.seconds, 1)} s`).join(', ') || 'none';
    console.log(`${o.places}: FAILED in ${o.failedIn}: ${o.reason}; phases done: ${done}; peak RSS ${Math.round(o.peakRssMiB)} MiB`);
    if (o.stderrTail) console.log(o.stderrTail.replace(/^/gm, '    '));
  }
}

const ok = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);

console.log('\nAppends: interactions taken in alone, then streamed in while ranking (50 before each ranking, the event loop given a turn after each)');
console.log(
  formatTable(
    ['places', 'appends', 'appends/s', 'streamed/s', 'rankings/s', 'p50 ms', 'p99 ms', 'compactions', 'not visible'],
    ok.map((o) => {
      const r = o.result;
      return [
        o.places,
        r.appends!,
        Math.round(r.appendsPerSecond!),
        Math.round(r.streamAppendsPerSecond!),
        Math.round(r.streamRankingsPerSecond!),
        round(r.streamP50Ms!),
        round(r.streamP99Ms!),
        r.streamCompactions!,
        r.invisibleAppends!,
      ];
    }),
  ),
);

console.log('\nTake-backs: undos of appended interactions, then erasures of whole travellers, each followed by a ranking');
console.log(
  formatTable(
    ['places', 'undos', 'undos/s', 'erasures', 'erasure p50 ms', 'erasure max ms', 'ranking p99 ms', 'not visible', 'index rebuilds'],
    ok.map((o) => {
      const r = o.result;
      return [o.places, r.undos!, Math.round(r.undosPerSecond!), r.erasures!, round(r.erasureP50Ms!), round(r.erasureMaxMs!), round(r.takeBackP99Ms!), r.takeBacksNotVisible!, r.takeBackRebuilds!];
    }),
  ),
);

type Judged = { places: number; what: string; value: number; target: string; met: boolean };
const judged: Judged[] = [];
for (const o of ok) {
  const target = TARGETS[o.places];
  if (!target) continue;
  const rss = Math.max(...o.phases.filter((p) => ['build', 'warm-up', 'rankings'].includes(p.phase)).map((p) => p.peakRssMiB));
  judged.push({ places: o.places, what: 'build from the store s', value: o.result.storeBuildSeconds!, target: `< ${target.buildS}`, met: o.result.storeBuildSeconds! < target.buildS });
  judged.push({
    places: o.places,
    what: 'build from its snapshot s (a restart)',
    value: o.result.snapshotBuildSeconds!,
    target: `< ${target.buildS}`,
    met: o.result.snapshotBuildSeconds! < target.buildS,
  });
  judged.push({ places: o.places, what: 'store build equal to the in-memory one (digest)', value: o.result.storeDigestMatches!, target: '= 1', met: o.result.storeDigestMatches === 1 });
  judged.push({ places: o.places, what: 'snapshot build equal to the in-memory one (digest)', value: o.result.snapshotDigestMatches!, target: '= 1', met: o.result.snapshotDigestMatches === 1 });
  if (target.rssMiB !== null) judged.push({ places: o.places, what: 'peak RSS MiB', value: rss, target: `< ${target.rssMiB}`, met: rss < target.rssMiB });
  judged.push({ places: o.places, what: 'p99 ms', value: o.result.p99Ms!, target: `< ${target.p99Ms}`, met: o.result.p99Ms! < target.p99Ms });
  judged.push({ places: o.places, what: 'rankings/s', value: o.result.rankingsPerSecond!, target: `≥ ${target.perSecond}`, met: o.result.rankingsPerSecond! >= target.perSecond });
  judged.push({ places: o.places, what: 'appends/s', value: o.result.appendsPerSecond!, target: `≥ ${APPEND_BAR} (GraphJet)`, met: o.result.appendsPerSecond! >= APPEND_BAR });
  judged.push({ places: o.places, what: 'appends not visible to the next ranking', value: o.result.invisibleAppends!, target: '= 0', met: o.result.invisibleAppends === 0 });
  judged.push({ places: o.places, what: 'take-backs not visible to the next ranking', value: o.result.takeBacksNotVisible!, target: '= 0', met: o.result.takeBacksNotVisible === 0 });
  judged.push({ places: o.places, what: 'walk-index rebuilds for take-backs', value: o.result.takeBackRebuilds!, target: '= 0', met: o.result.takeBackRebuilds === 0 });
}
for (const places of Object.keys(TARGETS).map(Number)) {
  if (!ok.some((o) => o.places === places)) judged.push({ places, what: 'not measured (not among --sizes, or it failed)', value: NaN, target: '—', met: false });
}
console.log('\nTargets (issue 25), each size on one core');
console.log(
  formatTable(
    ['places', 'figure', 'value', 'target', ''],
    judged.map((j) => [j.places, j.what, Number.isNaN(j.value) ? '—' : round(j.value), j.target, j.met ? 'MET' : 'NOT MET']),
  ),
);
const targets = judged;

// Sub-linear growth: latency ∝ places^k with k < 1, fitted between the smallest and largest size measured.
let growth: { from: number; to: number; p50Exponent: number; p99Exponent: number; buildExponent: number; storeBuildExponent: number; rssExponent: number; largerFrom: number } | null = null;
if (ok.length >= 2) {
  const [a, b] = [ok[0]!, ok.at(-1)!];
  // Memory and build time from the two largest sizes: at the smallest, fixed costs blur the slope.
  const [c, d] = [ok.at(-2)!, ok.at(-1)!];
  const kk = (x: number, y: number) => Math.log(y / x) / Math.log(d.places / c.places);
  const k = (x: number, y: number) => Math.log(y / x) / Math.log(b.places / a.places);
  const phaseOf = (o: typeof a, name: string) => o.phases.find((p) => p.phase === name)!;
  growth = {
    from: a.places,
    to: b.places,
    p50Exponent: k(a.result.p50Ms!, b.result.p50Ms!),
    p99Exponent: k(a.result.p99Ms!, b.result.p99Ms!),
    buildExponent: kk(phaseOf(c, 'build').seconds, phaseOf(d, 'build').seconds),
    storeBuildExponent: kk(c.result.storeBuildSeconds!, d.result.storeBuildSeconds!),
    rssExponent: kk(phaseOf(c, 'build').rssMiB as number, phaseOf(d, 'build').rssMiB as number),
    largerFrom: c.places,
  };
  const sub = growth.p50Exponent < 1 && growth.p99Exponent < 1;
  const worst = Math.max(growth.buildExponent, growth.storeBuildExponent, growth.rssExponent);
  const linearity = worst <= 1 ? 'linear or better' : worst <= 1.1 ? 'slightly above linear' : 'NOT linear';
  console.log(`Growth ${a.places} → ${b.places} places: p50 ∝ places^${round(growth.p50Exponent)}, p99 ∝ places^${round(growth.p99Exponent)} (${sub ? 'sub-linear' : 'NOT sub-linear'})`);
  console.log(
    `Growth ${c.places} → ${d.places} places: build time ∝ places^${round(growth.buildExponent)} (from the store ^${round(growth.storeBuildExponent)}), graph RSS ∝ places^${round(growth.rssExponent)} (${linearity}; interactions grow with places, 10 a place)`,
  );
}
const peakRssMiB = Math.max(...outcomes.map((o) => o.peakRssMiB));
console.log(
  `Machine: ${os.cpus().length} cores; ${pinned ? 'each size pinned to core 0 with taskset' : 'not pinned (taskset not found)'}; heap limit ${heapLimitMiB} MiB; whole run ${round(totalSeconds, 1)} s; peak RSS ${Math.round(peakRssMiB)} MiB`,
);
if (values.json) {
  console.log(
    JSON.stringify({ cores: os.cpus().length, pinned, heapLimitMiB, totalSeconds, peakRssMiB, rankings: Number(values.rankings), seed: Number(values.seed), targets, growth, sizes: outcomes }),
  );
}
