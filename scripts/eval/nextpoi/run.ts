/**
 * One full next-POI evaluation, from the file to the figures: what was read and dropped, the split, the
 * samples, the blend tuned on validation, and per split and task every method's figures and Escale's
 * paired differences. Printing is report.ts's; this returns plain data (the `--json` object).
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CityClock } from '../checkins-clock.ts';
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED } from './metrics.ts';
import type { BlendWeights } from './blend.ts';
import { allCases, blendsOf, defaultThreads, rankEverywhere, setResults, tuneBlends, type ExtraMethod, type SetResult } from './evaluate.ts';
import type { RankerReturns } from './methods.ts';
import type { CategoryReport } from './poi-categories.ts';
import { prepareNextPoi, type NextPoiState } from './prepare.ts';
import { samplesFor, TASKS, type EvalSplit, type Protocol, type Task } from './protocol.ts';

export interface NextPoiResult {
  file: string;
  read: { lines: number; checkins: number; bad: number; badExamples: string[]; format: 'tsmc' | 'header'; columns: Record<string, string> | null; users: number; pois: number };
  clock: CityClock;
  filtered: Protocol['filtered'] & { kept: number };
  split: Record<'train' | EvalSplit, { rows: number; from: string | null }>;
  trajectories: number;
  singletons: number;
  candidates: number;
  samples: Record<EvalSplit, Record<Task, number>>;
  dropped: Protocol['dropped'];
  categories: CategoryReport;
  blends: Record<Task, { blend: BlendWeights; validationMrr: number; evaluations: number }>;
  sets: SetResult[];
  /** How many places Escale's ranker itself returned per query (the popularity tail comes after). */
  ranker: RankerReturns;
  bootstrap: { resamples: number; seed: number };
  threads: number;
  seconds: number;
}

export interface RunOptions {
  file: string;
  threads?: number;
  resamples?: number;
  seed?: number;
  /** Ranked files to score beside the methods (`--score`), made from the state once it is read. */
  extra?: (state: NextPoiState) => Promise<ExtraMethod[]>;
}

export function readSummary(
  state: NextPoiState,
): Pick<NextPoiResult, 'file' | 'read' | 'clock' | 'filtered' | 'split' | 'trajectories' | 'singletons' | 'candidates' | 'samples' | 'dropped' | 'categories'> {
  const { read, protocol } = state;
  const count = (split: EvalSplit) => Object.fromEntries(TASKS.map((t) => [t, samplesFor(protocol.samples[split], t).length])) as Record<Task, number>;
  const rows = (name: 'train' | EvalSplit) => ({ rows: protocol.rows[name].length, from: protocol.rows[name][0]?.at.toISOString() ?? null });
  return {
    file: state.file,
    read: {
      lines: read.lines,
      checkins: read.checkins.length,
      bad: read.problems.length,
      badExamples: read.problems.slice(0, 5).map((p) => `line ${p.line}: ${p.reason}`),
      format: read.format,
      columns: read.columns as Record<string, string> | null,
      users: new Set(read.checkins.map((c) => c.userId)).size,
      pois: new Set(read.checkins.map((c) => c.venueId)).size,
    },
    clock: state.clock,
    filtered: { ...protocol.filtered, kept: protocol.kept.length },
    split: { train: rows('train'), validation: rows('validation'), test: rows('test') },
    trajectories: protocol.trajectories.length,
    singletons: protocol.singletons,
    candidates: protocol.candidates.length,
    samples: { validation: count('validation'), test: count('test') },
    dropped: protocol.dropped,
    categories: state.categories,
  };
}

export async function runNextPoi(options: RunOptions): Promise<NextPoiResult | { skipped: string }> {
  if (!existsSync(options.file)) return { skipped: `no check-in file at ${options.file}` };
  const t0 = performance.now();
  const state = await prepareNextPoi(options.file);
  // Tuned before anything is ranked, on validation samples only: test plays no part in the weights.
  const tuned = tuneBlends(state);
  const blends = blendsOf(tuned);
  const cases = allCases(state);
  const threads = options.threads ?? defaultThreads();
  const { ranks, returns } = await rankEverywhere(state, blends, cases, threads);
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const seed = options.seed ?? BOOTSTRAP_SEED;
  const extra = options.extra ? await options.extra(state) : [];
  return {
    ...readSummary(state),
    blends: Object.fromEntries(TASKS.map((t) => [t, { blend: tuned[t].blend, validationMrr: tuned[t].mrr, evaluations: tuned[t].evaluations }])) as NextPoiResult['blends'],
    sets: setResults(cases, ranks, { resamples, seed, extra }),
    ranker: returns,
    bootstrap: { resamples, seed },
    threads,
    seconds: (performance.now() - t0) / 1000,
  };
}
