/**
 * The check-in replay: real Foursquare check-ins (TSMC2014 format) replayed against Escale's ranker and
 * the baselines on the same candidates. Per test check-in, the context is the user's previous position and
 * the test time; candidates are the leisure venues within 3 km; the one relevant item is the venue the
 * user really went to. The protocol is in docs/RANKING.md ("Quality").
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Place } from '../../server/src/catalogue/model.ts';
import { TravelGraph } from '../../server/src/graph/travel-graph.ts';
import { generateCandidates } from '../../server/src/recommend/candidates.ts';
import { exclusionReason } from '../../server/src/recommend/hard-rules.ts';
import { rank } from '../../server/src/recommend/rank.ts';
import { Recommender } from '../../server/src/recommend/recommender.ts';
import { BASELINE_IDS, BASELINE_LABELS, categoryCounts, rankBaseline, type BaselineId } from './baselines.ts';
import { readCheckins, type Checkin, type ReadResult } from './checkins-reader.ts';
import { mapFoursquareCategory } from './foursquare-categories.ts';
import { addCase, emptySums, K, means, type MetricMeans, type MetricSums } from './metrics.ts';
import { EVAL_AGENCY, nycCatalogue, placeIdOf, travellerOf, venuesOf, visitsOf } from './nyc-catalogue.ts';
import { sample } from './random.ts';
import { splitByUser, type Split } from './replay-split.ts';

export const REPLAY_RADIUS_M = 3_000;
/** Test check-ins ranked per figure set; a fixed seed keeps the sample the same from run to run. */
export const DEFAULT_SAMPLE = 2_000;
export const DEFAULT_SEED = 2015;

export type ReplayMethodId = 'escale' | BaselineId;
export const REPLAY_METHODS: { id: ReplayMethodId; label: string }[] = [{ id: 'escale', label: 'Escale' }, ...BASELINE_IDS.map((id) => ({ id, label: BASELINE_LABELS[id] }))];

export type ReplayMode = 'all' | 'newVenues';
export interface ReplayCase {
  /** Index into the split's test check-ins. */
  index: number;
  mode: ReplayMode;
}

/** Everything a replay needs, rebuilt identically from the file by each worker. */
export interface ReplayState {
  read: ReadResult;
  split: Split;
  places: Place[];
  graph: TravelGraph;
  recommender: Recommender;
  popularity: (p: Place) => number;
  habits: Map<string, Map<string, number>>;
}

const isLeisure = (c: Checkin) => Boolean(mapFoursquareCategory(c.categoryName));

export async function prepareReplay(file: string): Promise<ReplayState> {
  const read = await readCheckins(file);
  const split = splitByUser(read.checkins, isLeisure);
  const places = venuesOf(read.checkins);
  const graph = TravelGraph.build(nycCatalogue(places), visitsOf(split.train));
  // Popularity and category habits come from training check-ins only: the test set never leaks in.
  const placeById = new Map(places.map((p) => [p.id, p]));
  const trainCount = new Map<string, number>();
  const trainPlaces = new Map<string, Place[]>();
  for (const c of split.train) {
    const id = placeIdOf(c.venueId);
    trainCount.set(id, (trainCount.get(id) ?? 0) + 1);
    let list = trainPlaces.get(c.userId);
    if (!list) trainPlaces.set(c.userId, (list = []));
    list.push(placeById.get(id)!);
  }
  return {
    read,
    split,
    places,
    graph,
    recommender: new Recommender(graph, () => EVAL_AGENCY.name),
    popularity: (p) => trainCount.get(p.id) ?? 0,
    habits: new Map([...trainPlaces.entries()].map(([u, ps]) => [u, categoryCounts(ps)])),
  };
}

export function selectCases(state: ReplayState, size: number, seed: number): ReplayCase[] {
  const indices = state.split.test.map((_t, i) => i);
  const all = sample(indices, size, seed).map((index) => ({ index, mode: 'all' as const }));
  const fresh = sample(
    indices.filter((i) => state.split.test[i]!.newVenue),
    size,
    seed + 1,
  ).map((index) => ({ index, mode: 'newVenues' as const }));
  return [...all, ...fresh];
}

export type ReplaySums = Record<ReplayMode, Record<ReplayMethodId, MetricSums> & { reachable: number }>;

function emptyReplaySums(): ReplaySums {
  const one = () => ({ ...(Object.fromEntries(REPLAY_METHODS.map((m) => [m.id, emptySums()])) as Record<ReplayMethodId, MetricSums>), reachable: 0 });
  return { all: one(), newVenues: one() };
}

export function replayCases(state: ReplayState, cases: readonly ReplayCase[]): ReplaySums {
  const sums = emptyReplaySums();
  for (const { index, mode } of cases) {
    const t = state.split.test[index]!;
    const now = t.target.at;
    const position = { lat: t.previous.lat, lon: t.previous.lon, at: t.previous.at };
    const ctx = state.recommender.context({ traveller: travellerOf(t.userId), now, position });
    // The visited rule is a product rule: off when every check-in counts, on when only new venues do.
    const allowVisited = mode === 'all';
    // Diversity off: it reorders for the traveller's eye (3 ramen bars in a push of 3), and the baselines
    // are not diversified either; the replay compares orderings of the same candidates.
    // The NYC venues have no opening hours, so the hour rules cannot be judged here and are off.
    const options = { limit: K, radiusMeters: REPLAY_RADIUS_M, maxPlaces: Number.MAX_SAFE_INTEGER, allowVisited, diversify: false, ignoreHours: true };
    const relevant = placeIdOf(t.target.venueId);
    addCase(
      sums[mode].escale,
      rank(state.graph, ctx, options).items.map((s) => s.item.place.id),
      relevant,
    );

    // The baselines rank exactly the places Escale's rules leave it.
    const candidates = generateCandidates(state.graph, ctx, options)
      .filter((c) => c.kind === 'place' && !exclusionReason(c, ctx, { allowVisited, ignoreHours: true }))
      .map((c) => c.place);
    if (candidates.some((p) => p.id === relevant)) sums[mode].reachable++;
    const input = { candidates, origin: position, popularity: state.popularity, categoryCounts: state.habits.get(t.userId) ?? new Map<string, number>() };
    for (const id of BASELINE_IDS)
      addCase(
        sums[mode][id],
        rankBaseline(id, input, K).map((p) => p.id),
        relevant,
      );
  }
  return sums;
}

function mergeSums(into: ReplaySums, from: ReplaySums): void {
  for (const mode of ['all', 'newVenues'] as const) {
    into[mode].reachable += from[mode].reachable;
    for (const m of REPLAY_METHODS) {
      const a = into[mode][m.id];
      const b = from[mode][m.id];
      a.n += b.n;
      a.recall += b.recall;
      a.ndcg += b.ndcg;
      a.mrr += b.mrr;
    }
  }
}

/** Runs a share of the cases in a worker thread (TypeScript through tsx's loader, as the main thread). */
function inWorker(file: string, cases: ReplayCase[]): Promise<ReplaySums> {
  const entry = new URL('./replay-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { file, cases } });
    worker.once('message', (sums: ReplaySums) => {
      resolve(sums);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`replay worker exited with ${code}`));
    });
  });
}

export interface ReplayResult {
  file: string;
  rows: { read: number; bad: number; badExamples: string[] };
  users: number;
  venuesKept: number;
  leisureCheckins: number;
  /** Category names the mapping table does not know (dropped, and worth a look). */
  unmappedCategories: string[];
  trainCheckins: number;
  testCheckins: number;
  newVenueTestCheckins: number;
  withoutPrevious: number;
  sample: { all: number; newVenues: number; seed: number };
  /** Share of the sampled test check-ins whose venue is among the candidates: the ceiling of Recall@10. */
  reachable: { all: number; newVenues: number };
  methods: { id: ReplayMethodId; label: string; all: MetricMeans; newVenues: MetricMeans }[];
  threads: number;
  seconds: number;
}

export interface ReplayOptions {
  file: string;
  sample?: number;
  seed?: number;
  /** Threads to rank on (the main thread counts as one); default: the machine's cores, at most 4. */
  threads?: number;
}

export async function runReplay(options: ReplayOptions): Promise<ReplayResult | { skipped: string }> {
  if (!existsSync(options.file)) return { skipped: `no check-in file at ${options.file}` };
  const t0 = performance.now();
  const state = await prepareReplay(options.file);
  const seed = options.seed ?? DEFAULT_SEED;
  const cases = selectCases(state, options.sample ?? DEFAULT_SAMPLE, seed);

  const threads = Math.max(1, Math.min(options.threads ?? Math.min(4, os.availableParallelism()), cases.length));
  // Interleaved shares, so each thread gets a like mix of modes and users.
  const shares = Array.from({ length: threads }, (_v, w) => cases.filter((_c, i) => i % threads === w));
  const sums = emptyReplaySums();
  const others = shares.slice(1).map((share) => inWorker(options.file, share));
  mergeSums(sums, replayCases(state, shares[0]!));
  for (const s of await Promise.all(others)) mergeSums(sums, s);

  const { read, split } = state;
  const n = { all: sums.all.escale.n, newVenues: sums.newVenues.escale.n };
  return {
    file: options.file,
    rows: { read: read.lines, bad: read.problems.length, badExamples: read.problems.slice(0, 5).map((p) => `line ${p.line}: ${p.reason}`) },
    users: new Set(read.checkins.map((c) => c.userId)).size,
    venuesKept: state.places.length,
    leisureCheckins: read.checkins.filter(isLeisure).length,
    unmappedCategories: [...new Set(read.checkins.flatMap((c) => (c.categoryName !== null && mapFoursquareCategory(c.categoryName) === undefined ? [c.categoryName] : [])))].sort(),
    trainCheckins: split.train.length,
    testCheckins: split.test.length,
    newVenueTestCheckins: split.test.filter((t) => t.newVenue).length,
    withoutPrevious: split.withoutPrevious,
    sample: { all: n.all, newVenues: n.newVenues, seed },
    reachable: { all: sums.all.reachable / (n.all || 1), newVenues: sums.newVenues.reachable / (n.newVenues || 1) },
    methods: REPLAY_METHODS.map((m) => ({ ...m, all: means(sums.all[m.id]), newVenues: means(sums.newVenues[m.id]) })),
    threads,
    seconds: (performance.now() - t0) / 1000,
  };
}
