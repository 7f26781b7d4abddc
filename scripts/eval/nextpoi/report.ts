/** The printed report of `npm run eval:nextpoi`: what was read and dropped, the split, the weights, the tables. */
import path from 'node:path';
import { fixed, percent, table, thousands } from '../tables.ts';
import { PARTS } from './blend.ts';
import type { SetResult } from './evaluate.ts';
import { METRIC_LABELS, METRICS, type Interval } from './metrics.ts';
import { EVAL_SPLITS, TASK_LABELS, TASKS, type EvalSplit } from './protocol.ts';
import type { NextPoiResult } from './run.ts';

/**
 * Published NYC figures, for context only: band level, since each paper preprocesses the same TSMC2014
 * source its own way (other filters, other trajectories, their own split).
 */
export const PUBLISHED_NYC = [
  { method: 'STAN (WWW 2021)', acc1: null, acc10: 0.573, mrr: null },
  { method: 'GETNext (SIGIR 2022)', acc1: null, acc10: 0.614, mrr: 0.362 },
  { method: 'STHGCN (SIGIR 2023)', acc1: 0.273, acc10: 0.624, mrr: 0.392 },
] as const;

const withInterval = (i: Interval) => `${fixed(i.value)} [${fixed(i.low)}, ${fixed(i.high)}]`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${fixed(Math.abs(x))}`;
const difference = (i: Interval & { excludesZero: boolean }) => `${signed(i.value)} [${signed(i.low)}, ${signed(i.high)}]`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '–');

export function printPreamble(r: Omit<NextPoiResult, 'blends' | 'sets' | 'ranker' | 'bootstrap' | 'threads' | 'seconds'>): void {
  const { read, clock, filtered, split, samples, dropped, categories } = r;
  console.log(`Next place — the published protocol (GETNext, SIGIR 2022 / STHGCN, SIGIR 2023) on ${path.basename(r.file)}`);
  const columns = read.columns
    ? ` (columns ${Object.entries(read.columns)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')})`
    : '';
  console.log(
    `read: ${thousands(read.lines)} lines in the ${read.format === 'tsmc' ? 'TSMC2014 form' : 'header form'}${columns} · ${thousands(read.checkins)} check-ins · ${thousands(read.users)} users · ${thousands(read.pois)} POIs · ${read.bad} bad row(s)`,
  );
  for (const e of read.badExamples) console.log(`  bad row, ${e}`);
  console.log(
    clock.estimated
      ? `clock: no time-zone offsets in the file; ESTIMATED from the longitude as ${clock.timezone} (UTC${clock.offsetMinutes >= 0 ? '+' : ''}${clock.offsetMinutes / 60} h)`
      : `clock: ${clock.timezone} (the file's offsets: ${percent(clock.agreement)} of ${thousands(clock.rowsWithOffset)} rows agree; most common ${clock.offsetMinutes} min)`,
  );
  console.log(
    `filters (one pass each): POIs with < 10 check-ins: ${thousands(filtered.pois)} POI(s), ${thousands(filtered.poiRows)} rows dropped; then users with < 10: ${thousands(filtered.users)} user(s), ${thousands(filtered.userRows)} rows dropped; ${thousands(filtered.kept)} check-ins kept`,
  );
  console.log(
    `split (all check-ins by UTC time, 80/10/10): train ${thousands(split.train.rows)} (from ${day(split.train.from)}) · validation ${thousands(split.validation.rows)} (from ${day(split.validation.from)}) · test ${thousands(split.test.rows)} (from ${day(split.test.from)})`,
  );
  console.log(
    `trajectories (a gap > 24 h ends one): ${thousands(r.trajectories)}, of which ${thousands(r.singletons)} of one check-in (no sample) · candidates: ${thousands(r.candidates)} POIs seen in train, no radius`,
  );
  for (const s of EVAL_SPLITS) {
    console.log(
      `samples, ${s}: ${thousands(samples[s].next)} next place, ${thousands(samples[s].new)} next new place · dropped: ${dropped[s].unknownUser} with a user and ${dropped[s].unknownPoi} with a target POI never in train`,
    );
  }
  const m = categories.byMatch;
  console.log(
    `categories of the candidates: ${m.table} from the hand table, ${m['not-leisure']} not leisure → other, ${m.keyword} by keyword, ${m.unknown} unknown → other, ${m['no-name']} without a name → other`,
  );
  for (const u of categories.unlisted.slice(0, 15)) console.log(`  "${u.name}" (${u.pois} POIs) → ${u.category} (${u.match})`);
  if (categories.unlisted.length > 15) console.log(`  … ${categories.unlisted.length - 15} more names outside the table`);
}

function printBlends(r: NextPoiResult): void {
  console.log('\ntuned blend (coordinate search on VALIDATION samples only, for MRR; parts normalised to [0, 1] per sample):');
  for (const task of TASKS) {
    const b = r.blends[task];
    const weights = PARTS.map((p) => `${p} ${b.blend.weights[p]}`).join(' · ');
    console.log(`  ${TASK_LABELS[task]}: ${weights} · proximity halves every ${thousands(b.blend.halfMeters)} m (validation MRR ${fixed(b.validationMrr)}, ${b.evaluations} settings tried)`);
  }
}

export function printSet(s: SetResult, candidates: number): void {
  console.log(
    `\n${s.split === 'test' ? 'Test' : 'Validation'} — ${TASK_LABELS[s.task]}: ${thousands(s.samples)} samples, full ranking of ${thousands(candidates)} candidates, value [95 % bootstrap interval]`,
  );
  console.log(
    table(
      ['method', ...METRICS.map((m) => METRIC_LABELS[m])],
      s.methods.map((m) => [m.label, ...METRICS.map((k) => withInterval(m.metrics[k]))]),
    ),
  );
  console.log(`Escale − method, paired bootstrap over the same samples (✓: the interval excludes 0)`);
  console.log(
    table(
      ['method', 'Δ Acc@10 [95 %]', '', 'Δ MRR [95 %]', ''],
      s.differences.map((d) => [d.label, difference(d.acc10), d.acc10.excludesZero ? '✓' : '', difference(d.mrr), d.mrr.excludesZero ? '✓' : '']),
    ),
  );
}

export function printPublished(): void {
  console.log('\nPublished NYC figures (next place, test), for context only: the same TSMC2014 source preprocessed differently');
  console.log(
    table(
      ['method', 'Acc@1', 'Acc@10', 'MRR'],
      PUBLISHED_NYC.map((p) => [p.method, p.acc1 === null ? '–' : fixed(p.acc1), fixed(p.acc10), p.mrr === null ? '–' : fixed(p.mrr)]),
    ),
  );
}

export function printResult(r: NextPoiResult): void {
  printPreamble(r);
  printBlends(r);
  const order: EvalSplit[] = ['test', 'validation'];
  for (const split of order) {
    if (split === 'validation') console.log('\n— validation (the blend was tuned on it: its figures flatter the blend) —');
    for (const s of r.sets.filter((x) => x.split === split)) printSet(s, r.candidates);
    if (split === 'test') printPublished();
  }
  const q = r.ranker;
  console.log(
    `\nEscale's ranker returned at least ${thousands(q.min)} places per query (${thousands(q.queries)} queries, ${q.under100} under 100); the places it leaves out follow by train popularity.` +
      ` Bootstrap: ${thousands(r.bootstrap.resamples)} resamples, seed ${r.bootstrap.seed}. ${r.threads} thread(s), ${r.seconds.toFixed(0)} s.`,
  );
}
