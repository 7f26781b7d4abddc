/**
 * `npm run eval:nextpoi`: next-place prediction under the published protocol of GETNext / STHGCN, Escale's
 * ranker against simple baselines and a tuned blend of them (docs/RANKING.md, "Next place"). An evaluation,
 * never part of CI's pass/fail. Modes:
 *   (default)                                   the evaluation; `--json` adds the figures as one JSON line
 *   --write-samples FILE [--split S] [--task T]  the protocol's samples, for another model to rank
 *   --samples FILE --out FILE [--task T] [--method M]  rank samples from a file (Escale by default)
 *   --score RANKED.jsonl [--split S]            a ranked file scored beside the methods
 * Common: --data FILE (TSMC2014 or header form), --threads N, --resamples N, --seed N.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NEXTPOI_MIN_RANKED } from '../../shared/src/nextpoi.ts';
import { CheckinFileError } from './checkins-reader.ts';
import { blendsOf, rankIn, tuneBlends, type ExtraMethod } from './nextpoi/evaluate.ts';
import { METHOD_IDS, methodsFor, visitedLast, type Blends, type MethodId } from './nextpoi/methods.ts';
import { prepareNextPoi, type NextPoiState } from './nextpoi/prepare.ts';
import { EVAL_SPLITS, samplesFor, TASKS, type EvalSplit, type Task } from './nextpoi/protocol.ts';
import { printPreamble, printResult } from './nextpoi/report.ts';
import { readSummary, runNextPoi } from './nextpoi/run.ts';
import { rankedLine, readRanked, readSamples, sampleLine, writeLines } from './nextpoi/samples-file.ts';
import { visitedOf } from './nextpoi/train-stats.ts';
import { commandLine } from './command-line.ts';
import { ROOT } from './paris-world.ts';

process.env.TZ = 'UTC';

const { flag, option, numberOption, choice, fail } = commandLine();

const DATA_DIR = process.env.ESCALE_DATA_DIR ?? path.resolve(ROOT, '../shared/data');
const DATA = option('--data') ?? path.join(DATA_DIR, 'checkins/foursquare-nyc-2012-13.tsv');
const split = choice<EvalSplit>('--split', EVAL_SPLITS, 'test');
const task = choice<Task>('--task', TASKS, 'next');

async function prepared(): Promise<NextPoiState> {
  try {
    return await prepareNextPoi(DATA);
  } catch (e) {
    if (e instanceof CheckinFileError) fail(e.message);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') fail(`Skipped: no check-in file at ${DATA}. Put the TSMC2014 NYC file there (see ../shared/data/checkins/README.md) or pass --data FILE.`);
    throw e;
  }
}

/** `--write-samples`: the split's samples of the task, without their targets. */
async function writeSamples(file: string): Promise<void> {
  const state = await prepared();
  printPreamble(readSummary(state));
  const samples = samplesFor(state.protocol.samples[split], task);
  const n = writeLines(
    file,
    samples.map((s) => sampleLine(s, state.clock)),
  );
  console.log(`\nwrote ${n} ${split} samples (${task === 'next' ? 'next place' : 'next new place'}) to ${file}`);
}

/** `--samples --out`: one method's full ranking for each sample of a file. */
async function answerSamples(samplesFile: string, outFile: string): Promise<void> {
  const method = choice<MethodId>('--method', METHOD_IDS, 'escale');
  const { items, problems } = await readSamples(samplesFile);
  if (problems.length) fail(problems.map((p) => `${samplesFile}:${p.line}: ${p.reason}`).join('\n') + `\n${problems.length} bad line(s); nothing written.`);
  const state = await prepared();
  // The blend's weights are tuned on the validation samples of --data, as in the evaluation.
  const blends: Blends = method === 'blend' ? blendsOf(tuneBlends(state)) : ({} as Blends);
  const { answer } = methodsFor(state, blends);
  const t0 = performance.now();
  const n = writeLines(
    outFile,
    items.map(({ value }) =>
      rankedLine(
        value.id,
        Array.from(answer(method, value.query, task), (i) => state.stats.pois[i]!),
      ),
    ),
  );
  console.log(
    `ranked ${n} samples with ${method} (${task === 'next' ? 'next place' : 'next new place'}), ${state.stats.pois.length} venues each, in ${((performance.now() - t0) / 1000).toFixed(0)} s → ${outFile}`,
  );
}

/** `--score`: a ranked file as one more method of the split's tables (a task's table only if it answers all of its samples). */
async function scoredFile(file: string, state: NextPoiState): Promise<ExtraMethod[]> {
  const { items, problems } = await readRanked(file);
  for (const p of problems.slice(0, 10)) console.error(`${file}:${p.line}: ${p.reason}`);
  if (problems.length) fail(`${problems.length} bad line(s) in ${file}`);
  const byId = new Map(items.map(({ value }) => [value.sample_id, value.ranked]));
  const short = items.filter(({ value }) => value.ranked.length < Math.min(NEXTPOI_MIN_RANKED, state.stats.pois.length)).length;
  if (short) console.log(`${file}: ${short} ranking(s) shorter than ${NEXTPOI_MIN_RANKED}; a target beyond a list counts 0`);
  const ranks = new Map<string, (number | null)[]>();
  for (const t of TASKS) {
    const samples = samplesFor(state.protocol.samples[split], t);
    const missing = samples.filter((s) => !byId.has(s.id)).length;
    if (missing) {
      console.log(`${file}: answers ${samples.length - missing} of the ${samples.length} ${split} samples of ${t === 'next' ? 'next place' : 'next new place'}: not scored on it`);
      continue;
    }
    ranks.set(
      `${split}|${t}`,
      samples.map((s) => {
        const listed = [...new Set(byId.get(s.id)!.flatMap((v) => state.stats.index.get(v) ?? []))];
        const ranking = Int32Array.from(listed);
        return rankIn(t === 'new' ? visitedLast(ranking, visitedOf(state.stats, s)) : ranking, state.stats.index.get(s.target.venueId)!);
      }),
    );
  }
  return [{ id: 'file', label: `file: ${path.basename(file)}`, ranks }];
}

async function evaluate(): Promise<void> {
  const score = option('--score');
  const r = await runNextPoi({
    file: DATA,
    threads: numberOption('--threads'),
    resamples: numberOption('--resamples'),
    seed: numberOption('--seed'),
    ...(score ? { extra: (state: NextPoiState) => scoredFile(score, state) } : {}),
  });
  if ('skipped' in r) {
    console.log(`Skipped: ${r.skipped}. Put the TSMC2014 NYC file there (see ../shared/data/checkins/README.md) or pass --data FILE.`);
    return;
  }
  printResult(r);
  if (flag('--json')) console.log(JSON.stringify(r));
}

try {
  const writeTo = option('--write-samples');
  const samplesFrom = option('--samples');
  if (writeTo) await writeSamples(writeTo);
  else if (samplesFrom) await answerSamples(samplesFrom, option('--out') ?? fail('--samples needs --out FILE'));
  else await evaluate();
} catch (e) {
  if (e instanceof CheckinFileError) fail(e.message);
  throw e;
}
