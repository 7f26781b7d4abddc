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
const PHASES = ['generate', 'interactions', 'build', 'warm-up', 'rankings'] as const;
const MIB = 2 ** 20;
const TARGET = { places: 100_000, p99Ms: 10, perSecond: 1_000 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    rankings: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    'timeout-min': { type: 'string', default: '10' },
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
const headers = ['places', 'travellers', 'interactions', 'nodes', 'edges', 'gen s', 'build s', 'RSS MiB', 'heap MiB', 'p50 ms', 'p99 ms', 'rankings/s'];
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
console.log('gen s: city + interaction objects; build s, RSS and heap: TravelGraph.build, deltas after gc(); latency: context + rank');
for (const o of outcomes) {
  if (o.ok) {
    const r = o.result;
    console.log(
      `${o.places}: p90 ${round(r.p90Ms!)} ms, max ${round(r.maxMs!)} ms, first ranking ${round(r.firstRankingMs!)} ms, warm-up ${r.warmUpRankings} rankings at ${Math.round(r.warmUpPerSecond!)}/s, ${round(r.meanCandidates!, 0)} candidates and ${round(r.meanItems!, 1)} items per ranking, ${r.events} events, ${r.offers} offers, heap growth over the loop ${round(r.heapGrowthMiB!, 1)} MiB, peak RSS ${Math.round(o.peakRssMiB)} MiB`,
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
const atTarget = ok.find((o) => o.places === TARGET.places)?.result;
const targets = atTarget
  ? { p99Ms: atTarget.p99Ms!, p99Met: atTarget.p99Ms! < TARGET.p99Ms, perSecond: atTarget.rankingsPerSecond!, perSecondMet: atTarget.rankingsPerSecond! >= TARGET.perSecond }
  : null;
console.log(
  targets
    ? `Targets at 100k places: p99 ${round(targets.p99Ms)} ms < ${TARGET.p99Ms} ms ${targets.p99Met ? 'MET' : 'NOT MET'}; ${Math.round(targets.perSecond)} rankings/s ≥ ${TARGET.perSecond} ${targets.perSecondMet ? 'MET' : 'NOT MET'}`
    : 'Targets at 100k places: not measured (100000 not among --sizes, or it failed)',
);

// Sub-linear growth: latency ∝ places^k with k < 1, fitted between the smallest and largest size measured.
let growth: { from: number; to: number; p50Exponent: number; p99Exponent: number } | null = null;
if (ok.length >= 2) {
  const [a, b] = [ok[0]!, ok.at(-1)!];
  const k = (x: number, y: number) => Math.log(y / x) / Math.log(b.places / a.places);
  growth = { from: a.places, to: b.places, p50Exponent: k(a.result.p50Ms!, b.result.p50Ms!), p99Exponent: k(a.result.p99Ms!, b.result.p99Ms!) };
  const sub = growth.p50Exponent < 1 && growth.p99Exponent < 1;
  console.log(`Growth ${a.places} → ${b.places} places: p50 ∝ places^${round(growth.p50Exponent)}, p99 ∝ places^${round(growth.p99Exponent)} (${sub ? 'sub-linear' : 'NOT sub-linear'})`);
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
