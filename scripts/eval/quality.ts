/**
 * `npm run eval:quality`: the offline quality evaluation, never part of CI's pass/fail. Table 1: the
 * scenario suite (data/eval/scenarios), the share of scenarios whose top 3 (or the longer list a scenario
 * asks for) has every expected property,
 * for Escale and the baselines, then Escale's failures. Table 2: the check-in replay of any check-in file
 * (Recall@10, NDCG@10, MRR@10 with bootstrap intervals, Escale − each baseline paired), when the file is present. Table 3: how different the personas' feeds are at the same place and
 * time (top-3 overlap per persona pair, with a 95 % interval) and how often each signal drives. `--json` adds the figures as one JSON object on the last line.
 * Options: --sample N, --seed N, --threads N, --checkins FILE, --scenarios-only, --replay-only.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { oracleAnswer } from './oracle.ts';
import { loadParisFiles, parisPlaces, ROOT } from './paris-world.ts';
import { DEFAULT_SAMPLE, DEFAULT_SEED, runReplay, type ReplayResult } from './replay.ts';
import { personaSpread, type SpreadResult } from './persona-spread.ts';
import { loadScenarios, runScenario, SCENARIO_DIR, SCENARIO_METHODS, TOP, worldFor, type ScenarioOutcome } from './scenarios.ts';
import { commandLine } from './command-line.ts';
import { fixed, percent, table, thousands } from './tables.ts';
import type { BlendWeights } from './nextpoi/blend.ts';

// Opening hours are evaluated on wall-clock Dates; the server runs in UTC for the same reason (main.ts).
process.env.TZ = 'UTC';

const { flag, option, numberOption } = commandLine();

const DATA_DIR = process.env.ESCALE_DATA_DIR ?? path.resolve(ROOT, '../shared/data');
const CHECKINS = option('--checkins') ?? path.join(DATA_DIR, 'checkins/foursquare-nyc-2012-13.tsv');

function scenarioSuite() {
  const t0 = performance.now();
  const { scenarios, problems } = loadScenarios();
  if (problems.length) {
    for (const p of problems) console.error(`${path.relative(ROOT, p.file)}: ${p.reason}`);
    throw new Error(`${problems.length} scenario file(s) are invalid`);
  }
  const files = loadParisFiles();
  const places = parisPlaces(files);
  const outcomes: ScenarioOutcome[] = [];
  const unsatisfiable: string[] = [];
  for (const s of scenarios) {
    outcomes.push(runScenario(s, files, places));
    if (!oracleAnswer(s, worldFor(s, files, places))) unsatisfiable.push(s.id);
  }
  const methods = SCENARIO_METHODS.map((m) => {
    const passed = outcomes.filter((o) => o.byMethod[m.id].passed).length;
    return { ...m, passed, total: outcomes.length, share: passed / (outcomes.length || 1) };
  });
  const failures = outcomes
    .filter((o) => !o.byMethod.escale.passed)
    .map((o) => ({
      id: o.scenario.id,
      title: o.scenario.title,
      failed: o.byMethod.escale.results.filter((r) => r.failures.length).map((r) => ({ property: r.property, messages: r.failures })),
      top: o.scenario.top,
      answers: o.byMethod.escale.answers.map((a) => a.title),
    }));
  const spread = personaSpread(scenarios, files, places);
  const longer = scenarios.filter((s) => s.top > TOP).length;
  return { total: outcomes.length, longer, unsatisfiable, methods, failures, spread, seconds: (performance.now() - t0) / 1000 };
}

type SuiteResult = ReturnType<typeof scenarioSuite>;

function printSuite(r: SuiteResult): void {
  const longer = r.longer > 0 ? `; ${r.longer} checked on a longer list, up to the feed's 10 (\`top\`)` : '';
  console.log(`\nTable 1 — scenario suite: top 3 with every expected property (${r.total} scenarios in ${path.relative(ROOT, SCENARIO_DIR)}${longer})`);
  console.log(
    table(
      ['method', 'passed', 'share'],
      r.methods.map((m) => [m.label, `${m.passed}/${m.total}`, percent(m.share)]),
    ),
  );
  console.log(`Same candidates for all (places within 3 km of the position, or of the city centre); "+ hard rules": the baseline after Escale's hard rules.`);
  console.log(
    r.unsatisfiable.length
      ? `Not satisfiable by any list of these candidates (fix the scenario): ${r.unsatisfiable.join(', ')}`
      : `Every scenario is satisfiable: an oracle finds a list of its length with all its item and list properties.`,
  );
  console.log(`\nEscale fails ${r.failures.length} scenario(s):`);
  for (const f of r.failures) {
    console.log(`  ${f.id} — ${f.title}`);
    console.log(`    top ${f.top}: ${f.answers.join(' · ') || '(none)'}`);
    for (const p of f.failed) for (const m of p.messages) console.log(`    ✗ ${p.property}: ${m}`);
  }
}

function printSpread(r: SpreadResult): void {
  console.log(
    `\nTable 3 — persona spread: ${r.districts.length} districts of the scenarios at ${r.time.slice(11, 16)} (Tuesday), personas Léa, the Martins and Marc;` +
      ` overlap = top-3 items shared by a pair / 3, mean over pairs and districts (lower = more personal), 95 % bootstrap interval over districts`,
  );
  const signals = [...new Set(r.methods.flatMap((m) => Object.keys(m.drivers)))];
  const rows = r.methods.map((m) => [
    m.label,
    `${fixed(m.overlap.mean, 2)} [${fixed(m.overlap.low, 2)}, ${fixed(m.overlap.high, 2)}]`,
    `${m.identical}/${r.districts.length}`,
    ...signals.map((s) => (m.drivers[s as keyof typeof m.drivers] === undefined ? '–' : percent(m.drivers[s as keyof typeof m.drivers]!))),
  ]);
  console.log(table(['method', 'overlap [95 % CI]', 'identical', ...signals.map((s) => `${s} drives`)], rows));
  console.log(`A baseline orders by one criterion, reported as its driver; Escale's driver is the signal with the most points (${r.suggestions} suggestions).`);
  const escale = r.methods.find((m) => m.id === 'escale')!;
  console.log(
    `Escale by pair: ${Object.entries(escale.pairs)
      .map(([pair, i]) => `${pair} ${fixed(i.mean, 2)} [${fixed(i.low, 2)}, ${fixed(i.high, 2)}]`)
      .join(' · ')}`,
  );
}

const withInterval = (i: { value: number; low: number; high: number }) => `${fixed(i.value)} [${fixed(i.low)}, ${fixed(i.high)}]`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${fixed(Math.abs(x))}`;
const difference = (d: { value: number; low: number; high: number; excludesZero: boolean }) => [`${signed(d.value)} [${signed(d.low)}, ${signed(d.high)}]`, d.excludesZero ? '✓' : ''];
const blendText = (b: BlendWeights) =>
  `${Object.entries(b.weights)
    .map(([part, w]) => `${part} ${w}`)
    .join(' · ')} · proximity halves every ${thousands(b.halfMeters)} m`;

function printReplay(r: ReplayResult | { skipped: string }): void {
  console.log('\nTable 2 — check-in replay, top 10 among leisure venues within 3 km');
  if ('skipped' in r) {
    console.log(`Skipped: ${r.skipped}. Put the TSMC2014 NYC file there (see ../shared/data/checkins/README.md) or pass --checkins FILE.`);
    return;
  }
  const c = r.categories.byMatch;
  console.log(
    `${path.basename(r.file)}: ${thousands(r.rows.read)} rows (${r.rows.bad} bad) · ${thousands(r.users)} users · clock ${r.clock.timezone}` +
      (r.clock.estimated ? ' (estimated from longitude: the file has no offsets)' : ` (${percent(r.clock.agreement)} of offsets agree)`) +
      ` · venues ${thousands(r.venues)}, of which leisure (kept) ${thousands(r.venuesKept)}; by category name: ${c.table} hand table, ${c.keyword} keyword,` +
      ` ${c['not-leisure']} not leisure, ${c.unknown} unknown and ${c['no-name']} unnamed (dropped)`,
  );
  for (const mode of ['all', 'newVenues'] as const) {
    const title = mode === 'all' ? 'all test check-ins (visited rule off)' : 'new venues only (visited rule on)';
    console.log(`\n${title}: ${thousands(r.sample[mode])} sampled check-ins, value [95 % bootstrap interval]; venue within 3 km: ${percent(r.reachable[mode])}`);
    console.log(
      table(
        ['method', 'Recall@10', 'NDCG@10', 'MRR@10'],
        r.methods.map((m) => [m.label, withInterval(m[mode].recallInterval), fixed(m[mode].ndcg), withInterval(m[mode].mrrInterval)]),
      ),
    );
    console.log('Escale − method, paired bootstrap over the same check-ins (✓: the interval excludes 0)');
    console.log(
      table(
        ['method', 'Δ Recall@10 [95 %]', '', 'Δ MRR@10 [95 %]', ''],
        r.differences[mode].map((d) => [r.methods.find((m) => m.id === d.id)!.label, ...difference(d.recall), ...difference(d.mrr)]),
      ),
    );
    console.log(`tuned blend: ${blendText(r.blends[mode].blend)} (tuned on ${thousands(r.blends[mode].cases)} other test check-ins, MRR@10 ${fixed(r.blends[mode].mrr)} there)`);
  }
  console.log(
    `\ntraining ${thousands(r.trainCheckins)} · test ${thousands(r.testCheckins)} (new venues ${thousands(r.newVenueTestCheckins)}) · leisure check-ins ${thousands(r.leisureCheckins)}` +
      ` · seed ${r.sample.seed} · ${r.threads} thread(s), ${r.seconds.toFixed(0)} s`,
  );
  if (r.rows.badExamples.length) console.log(`bad rows: ${r.rows.badExamples.join('; ')}`);
  const unlisted = r.categories.unlisted.filter((u) => u.match === 'unknown');
  if (unlisted.length) console.log(`category names no table or keyword knows (dropped as not leisure): ${unlisted.map((u) => `${u.name} (${u.pois})`).join(', ')}`);
  const escale = r.methods.find((m) => m.id === 'escale')!;
  const others = r.methods.filter((m) => m.id !== 'escale');
  const beats = (set: 'all' | 'newVenues') => others.every((b) => escale[set].recall > b[set].recall && escale[set].ndcg > b[set].ndcg && escale[set].mrr > b[set].mrr);
  console.log(`Escale beats every baseline on all three metrics: all check-ins ${beats('all') ? 'yes' : 'NO'}, new venues ${beats('newVenues') ? 'yes' : 'NO'}.`);
}

const t0 = performance.now();
const figures: Record<string, unknown> = {};
if (!flag('--replay-only')) {
  const suite = scenarioSuite();
  printSuite(suite);
  printSpread(suite.spread);
  figures.scenarios = suite;
}
if (!flag('--scenarios-only')) {
  const replay = await runReplay({ file: CHECKINS, sample: numberOption('--sample') ?? DEFAULT_SAMPLE, seed: numberOption('--seed') ?? DEFAULT_SEED, threads: numberOption('--threads') });
  printReplay(replay);
  figures.replay = replay;
}
const seconds = (performance.now() - t0) / 1000;
console.log(`\nTotal ${seconds.toFixed(0)} s.`);
if (flag('--json')) console.log(JSON.stringify({ ...figures, seconds }));
