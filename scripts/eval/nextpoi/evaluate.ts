/**
 * The next-POI run: tune the blend on validation, rank every validation and test sample of both tasks with
 * every method (spread over worker threads, each rebuilding the same state from the file), and turn the
 * targets' ranks into figures with bootstrap intervals.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { tuneBlend, tuningCase, type Tuned } from './blend.ts';
import { figuresOf, intervalOf, METRICS, pairedDifference, type Interval, type Metric, type MethodFigures } from './metrics.ts';
import { METHOD_IDS, METHOD_LABELS, methodsFor, type Blends, type MethodId, type RankerReturns } from './methods.ts';
import type { NextPoiState } from './prepare.ts';
import { EVAL_SPLITS, samplesFor, TASKS, type EvalSplit, type Sample, type Task } from './protocol.ts';

/** One sample of one task: the `index`-th of samplesFor(split, task). */
export interface Case {
  split: EvalSplit;
  task: Task;
  index: number;
}

export function tuneBlends(state: NextPoiState): Record<Task, Tuned> {
  const validation = state.protocol.samples.validation;
  const tuned = {} as Record<Task, Tuned>;
  for (const task of TASKS) {
    const cases = samplesFor(validation, task).flatMap((s) => tuningCase(state.stats, s, s.target.venueId, task === 'new') ?? []);
    tuned[task] = tuneBlend(state.stats, cases);
  }
  return tuned;
}

export const blendsOf = (tuned: Record<Task, Tuned>): Blends => ({ next: tuned.next.blend, new: tuned.new.blend });

export function allCases(state: NextPoiState): Case[] {
  return EVAL_SPLITS.flatMap((split) => TASKS.flatMap((task) => samplesFor(state.protocol.samples[split], task).map((_s, index) => ({ split, task, index }))));
}

/** 1-based rank of `target` in a ranking, or null when absent. */
export function rankIn(ranking: ArrayLike<number>, target: number): number | null {
  for (let k = 0; k < ranking.length; k++) if (ranking[k] === target) return k + 1;
  return null;
}

export interface CaseRanks {
  /** Per method, the target's rank in each case, aligned with the cases given. */
  ranks: Record<MethodId, (number | null)[]>;
  returns: RankerReturns;
}

export function rankCases(state: NextPoiState, blends: Blends, cases: readonly Case[], methods: readonly MethodId[] = METHOD_IDS): CaseRanks {
  const { answer, returns } = methodsFor(state, blends);
  const ranks = Object.fromEntries(methods.map((m) => [m, [] as (number | null)[]])) as CaseRanks['ranks'];
  const bySet = new Map<string, Sample[]>();
  for (const c of cases) {
    const key = `${c.split}|${c.task}`;
    if (!bySet.has(key)) bySet.set(key, samplesFor(state.protocol.samples[c.split], c.task));
    const sample = bySet.get(key)![c.index]!;
    const target = state.stats.index.get(sample.target.venueId)!;
    for (const m of methods) ranks[m].push(rankIn(answer(m, sample, c.task), target));
  }
  return { ranks, returns };
}

/** A share of the cases in a worker thread (TypeScript through tsx's loader, as the main thread). */
function inWorker(file: string, blends: Blends, cases: Case[], methods: readonly MethodId[]): Promise<CaseRanks> {
  const entry = new URL('./worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { file, blends, cases, methods } });
    worker.once('message', (r: CaseRanks) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`next-POI worker exited with ${code}`));
    });
  });
}

/** Ranks every case, interleaved over `threads` (the main thread is one), merged back in case order. */
export async function rankEverywhere(state: NextPoiState, blends: Blends, cases: Case[], threads: number, methods: readonly MethodId[] = METHOD_IDS): Promise<CaseRanks> {
  const n = Math.max(1, Math.min(threads, cases.length));
  const shares = Array.from({ length: n }, (_v, w) => cases.filter((_c, i) => i % n === w));
  const others = shares.slice(1).map((share) => inWorker(state.file, blends, share, methods));
  const parts = [rankCases(state, blends, shares[0]!, methods), ...(await Promise.all(others))];
  const ranks = Object.fromEntries(methods.map((m) => [m, new Array<number | null>(cases.length)])) as CaseRanks['ranks'];
  parts.forEach((part, w) => {
    for (const m of methods) part.ranks[m].forEach((r, k) => (ranks[m][k * n + w] = r));
  });
  const returns = parts.reduce((a, b) => ({ queries: a.queries + b.returns.queries, min: Math.min(a.min, b.returns.min), under100: a.under100 + b.returns.under100 }), {
    queries: 0,
    min: Infinity,
    under100: 0,
  });
  return { ranks, returns };
}

export const defaultThreads = () => Math.min(4, os.availableParallelism());

export interface MethodResult {
  id: string;
  label: string;
  metrics: Record<Metric, Interval>;
}

export interface DifferenceResult {
  baseline: string;
  label: string;
  acc10: Interval & { excludesZero: boolean };
  mrr: Interval & { excludesZero: boolean };
}

export interface SetResult {
  split: EvalSplit;
  task: Task;
  samples: number;
  methods: MethodResult[];
  /** Escale − each other method, paired over the same samples. */
  differences: DifferenceResult[];
}

export interface ExtraMethod {
  id: string;
  label: string;
  /** Per (split, task) key `split|task`, the target's rank per sample; absent: not scored on that set. */
  ranks: Map<string, (number | null)[]>;
}

/** Figures per (split, task) from the ranks of the cases (any order); `extra` methods join the tables. */
export function setResults(cases: readonly Case[], ranks: CaseRanks['ranks'], options: { resamples: number; seed: number; extra?: ExtraMethod[] }): SetResult[] {
  const out: SetResult[] = [];
  for (const split of EVAL_SPLITS) {
    for (const task of TASKS) {
      const at = cases.flatMap((c, k) => (c.split === split && c.task === task ? [[c.index, k] as const] : [])).sort((a, b) => a[0] - b[0]);
      const figures: { id: string; label: string; f: MethodFigures }[] = METHOD_IDS.map((m) => ({
        id: m,
        label: METHOD_LABELS[m],
        f: figuresOf(
          at.map(([, k]) => ranks[m][k]!),
          options.resamples,
          options.seed,
        ),
      }));
      for (const x of options.extra ?? []) {
        const r = x.ranks.get(`${split}|${task}`);
        if (r && r.length === at.length) figures.push({ id: x.id, label: x.label, f: figuresOf(r, options.resamples, options.seed) });
      }
      const escale = figures[0]!.f;
      out.push({
        split,
        task,
        samples: at.length,
        methods: figures.map(({ id, label, f }) => ({ id, label, metrics: Object.fromEntries(METRICS.map((m) => [m, intervalOf(f, m)])) as Record<Metric, Interval> })),
        differences: figures
          .filter((x) => x.id !== 'escale')
          .map(({ id, label, f }) => ({ baseline: id, label, acc10: pairedDifference(escale, f, 'acc10'), mrr: pairedDifference(escale, f, 'mrr') })),
      });
    }
  }
  return out;
}
