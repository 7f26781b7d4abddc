/**
 * The check-in replay: real check-ins of any city (TSMC2014 or a header row; the city's clock and categories
 * from the file) replayed against Escale's ranker and the baselines on the same candidates. Per test check-in, the context is the user's previous position and
 * the test time; candidates are the leisure venues within 3 km; the one relevant item is the venue the
 * user really went to. The protocol is in docs/RANKING.md ("Quality").
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Place } from '../../server/src/catalogue/model.ts';
import { TravelGraph } from '../../server/src/graph/travel-graph.ts';
import { TRAJECTORY_GAP_MS } from '../../server/src/graph/visit-log.ts';
import { generateCandidates } from '../../server/src/recommend/candidates.ts';
import { exclusionReason } from '../../server/src/recommend/hard-rules.ts';
import { rank } from '../../server/src/recommend/rank.ts';
import { Recommender } from '../../server/src/recommend/recommender.ts';
import type { BlendWeights } from './nextpoi/blend.ts';
import { BASELINE_IDS, BASELINE_LABELS, categoryCounts, rankBaseline, type BaselineId } from './baselines.ts';
import { cityClock, type CityClock } from './checkins-clock.ts';
import { readCheckins, type Checkin, type ReadResult } from './checkins-reader.ts';
import { figuresOf, intervalOf, pairedDifference, type Interval } from './nextpoi/metrics.ts';
import { categoryReport, type CategoryReport } from './nextpoi/poi-categories.ts';
import { K } from './metrics.ts';
import { blendParts, CHECKIN_BASELINE_IDS, CHECKIN_BASELINE_LABELS, rankCheckinBaseline, tuneReplayBlend, type BlendCase, type CheckinBaselineId, type CheckinQuery } from './replay-baselines.ts';
import { EVAL_AGENCY, leisureCategory, placeIdOf, replayCatalogue, replayCity, travellerOf, venuesOf, visitsOf } from './replay-catalogue.ts';
import { sample } from './random.ts';
import { splitByUser, type Split } from './replay-split.ts';

export const REPLAY_RADIUS_M = 3_000;
/** Test check-ins ranked per figure set; a fixed seed keeps the sample the same from run to run. */
export const DEFAULT_SAMPLE = 2_000;
export const DEFAULT_SEED = 2015;
/** Test check-ins per mode the blend is tuned on, disjoint from the reported sample. */
export const BLEND_TUNING_SAMPLE = 1_000;

export type ReplayBaselineId = BaselineId | CheckinBaselineId;
export type ReplayMethodId = 'escale' | ReplayBaselineId;
export const REPLAY_BASELINES: { id: ReplayBaselineId; label: string }[] = [
  ...BASELINE_IDS.map((id) => ({ id, label: BASELINE_LABELS[id] })),
  ...CHECKIN_BASELINE_IDS.map((id) => ({ id, label: CHECKIN_BASELINE_LABELS[id] })),
];
export const REPLAY_METHODS: { id: ReplayMethodId; label: string }[] = [{ id: 'escale', label: 'Escale' }, ...REPLAY_BASELINES];

export type ReplayMode = 'all' | 'newVenues';
export const REPLAY_MODES: readonly ReplayMode[] = ['all', 'newVenues'];
export interface ReplayCase {
  /** Index into the split's test check-ins. */
  index: number;
  mode: ReplayMode;
}

/** Everything a replay needs, rebuilt identically from the file by each worker. */
export interface ReplayState {
  read: ReadResult;
  clock: CityClock;
  split: Split;
  places: Place[];
  graph: TravelGraph;
  recommender: Recommender;
  popularity: (p: Place) => number;
  habits: Map<string, Map<string, number>>;
  /** user → place id → training check-ins. */
  userVisits: Map<string, Map<string, number>>;
  /** venue id (any venue) → next place id → training transitions, within a day. */
  transitions: Map<string, Map<string, number>>;
}

const isLeisure = (c: Checkin) => leisureCategory(c.categoryName) !== null;

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Consecutive check-ins of one user within a day, from any venue to a leisure place. */
function transitionsOf(history: readonly Checkin[], placeIds: ReadonlySet<string>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (let i = 1; i < history.length; i++) {
    const from = history[i - 1]!;
    const to = history[i]!;
    if (from.userId !== to.userId || from.venueId === to.venueId || to.at.getTime() - from.at.getTime() > TRAJECTORY_GAP_MS) continue;
    const toId = placeIdOf(to.venueId);
    if (!placeIds.has(toId)) continue;
    let row = out.get(from.venueId);
    if (!row) out.set(from.venueId, (row = new Map()));
    bump(row, toId);
  }
  return out;
}

export async function prepareReplay(file: string): Promise<ReplayState> {
  const read = await readCheckins(file);
  const clock = cityClock(read.checkins);
  const split = splitByUser(read.checkins, isLeisure);
  const places = venuesOf(read.checkins);
  const graph = TravelGraph.build(replayCatalogue(replayCity(file, clock, places), places), []);
  // A check-in file keeps every visit: each training check-in goes to the visit log, not only the fact
  // "has visited" (how often and in which order is what the habit and next-place readings need).
  for (const v of visitsOf(split.train)) graph.recordVisit(v.travellerId, v.placeId, v.at);
  // Popularity, habits and transitions come from training check-ins only: the test set never leaks in.
  const placeById = new Map(places.map((p) => [p.id, p]));
  const trainCount = new Map<string, number>();
  const trainPlaces = new Map<string, Place[]>();
  const userVisits = new Map<string, Map<string, number>>();
  for (const c of split.train) {
    const id = placeIdOf(c.venueId);
    bump(trainCount, id);
    let list = trainPlaces.get(c.userId);
    if (!list) trainPlaces.set(c.userId, (list = []));
    list.push(placeById.get(id)!);
    let visits = userVisits.get(c.userId);
    if (!visits) userVisits.set(c.userId, (visits = new Map()));
    bump(visits, id);
  }
  return {
    read,
    clock,
    split,
    places,
    graph,
    recommender: new Recommender(graph, () => EVAL_AGENCY.name),
    popularity: (p) => trainCount.get(p.id) ?? 0,
    habits: new Map([...trainPlaces.entries()].map(([u, ps]) => [u, categoryCounts(ps)])),
    userVisits,
    transitions: transitionsOf(split.history, new Set(placeById.keys())),
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

/** Test check-ins to tune the blend on: per mode, a sample of those the reported cases leave out. */
export function tuningCases(state: ReplayState, reported: readonly ReplayCase[], size: number, seed: number): ReplayCase[] {
  return REPLAY_MODES.flatMap((mode, k) => {
    const taken = new Set(reported.filter((c) => c.mode === mode).map((c) => c.index));
    const left = state.split.test.map((_t, i) => i).filter((i) => !taken.has(i) && (mode === 'all' || state.split.test[i]!.newVenue));
    return sample(left, size, seed + 2 + k).map((index) => ({ index, mode }));
  });
}

/** What ranking one case needs: Escale's context and options, the baselines' query. */
function caseSetup(state: ReplayState, { index, mode }: ReplayCase) {
  const t = state.split.test[index]!;
  const now = t.target.at;
  const position = { lat: t.previous.lat, lon: t.previous.lon, at: t.previous.at };
  const ctx = state.recommender.context({ traveller: travellerOf(t.userId), now, position });
  // The visited rule is a product rule: off when every check-in counts, on when only new venues do.
  const allowVisited = mode === 'all';
  // Diversity off: it reorders for the traveller's eye (3 ramen bars in a push of 3), and the baselines
  // are not diversified either; the replay compares orderings of the same candidates.
  // The venues have no opening hours, so the hour rules cannot be judged here and are off.
  const options = { limit: K, radiusMeters: REPLAY_RADIUS_M, maxPlaces: Number.MAX_SAFE_INTEGER, allowVisited, diversify: false, ignoreHours: true };
  // The baselines rank exactly the places Escale's rules leave it.
  const candidates = generateCandidates(state.graph, ctx, options)
    .filter((c) => c.kind === 'place' && !exclusionReason(c, ctx, { allowVisited, ignoreHours: true }))
    .map((c) => c.place);
  const query: CheckinQuery = {
    candidates,
    origin: position,
    popularity: state.popularity,
    visits: state.userVisits.get(t.userId) ?? new Map(),
    transitions: state.transitions.get(t.previous.venueId) ?? new Map(),
  };
  return { ctx, options, query, relevant: placeIdOf(t.target.venueId), categoryCounts: state.habits.get(t.userId) ?? new Map<string, number>() };
}

export type ReplayBlends = Record<ReplayMode, BlendWeights>;

export function tuneBlends(state: ReplayState, cases: readonly ReplayCase[]): Record<ReplayMode, { blend: BlendWeights; mrr: number; cases: number }> {
  const out = {} as Record<ReplayMode, { blend: BlendWeights; mrr: number; cases: number }>;
  for (const mode of REPLAY_MODES) {
    const tuning: BlendCase[] = cases
      .filter((c) => c.mode === mode)
      .map((c) => {
        const { query, relevant } = caseSetup(state, c);
        return { parts: blendParts(query), target: query.candidates.findIndex((p) => p.id === relevant), popularity: Float64Array.from(query.candidates, state.popularity) };
      });
    out[mode] = { ...tuneReplayBlend(tuning, K), cases: tuning.length };
  }
  return out;
}

/** Each method's rank of the true venue in its top K (null: not there), case by case in the order given. */
export interface ReplayRanks {
  ranks: Record<ReplayMethodId, (number | null)[]>;
  /** Whether the true venue was among the candidates. */
  reachable: boolean[];
}

const rankIn = (ranked: readonly string[], relevant: string) => {
  const i = ranked.indexOf(relevant);
  return i < 0 ? null : i + 1;
};

export function replayCases(state: ReplayState, cases: readonly ReplayCase[], blends: ReplayBlends): ReplayRanks {
  const ranks = Object.fromEntries(REPLAY_METHODS.map((m) => [m.id, [] as (number | null)[]])) as Record<ReplayMethodId, (number | null)[]>;
  const reachable: boolean[] = [];
  for (const c of cases) {
    const { ctx, options, query, relevant, categoryCounts } = caseSetup(state, c);
    ranks.escale.push(
      rankIn(
        rank(state.graph, ctx, options).items.map((s) => s.item.place.id),
        relevant,
      ),
    );
    reachable.push(query.candidates.some((p) => p.id === relevant));
    const input = { candidates: query.candidates, origin: query.origin, popularity: state.popularity, categoryCounts };
    for (const id of BASELINE_IDS)
      ranks[id].push(
        rankIn(
          rankBaseline(id, input, K).map((p) => p.id),
          relevant,
        ),
      );
    for (const id of CHECKIN_BASELINE_IDS)
      ranks[id].push(
        rankIn(
          rankCheckinBaseline(id, query, K, blends[c.mode]).map((p) => p.id),
          relevant,
        ),
      );
  }
  return { ranks, reachable };
}

/** Runs a share of the cases in a worker thread (TypeScript through tsx's loader, as the main thread). */
function inWorker(file: string, cases: ReplayCase[], blends: ReplayBlends): Promise<ReplayRanks> {
  const entry = new URL('./replay-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { file, cases, blends } });
    worker.once('message', (ranks: ReplayRanks) => {
      resolve(ranks);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`replay worker exited with ${code}`));
    });
  });
}

/** A method's figures on one mode: means, with a 95 % bootstrap interval on Recall@10 and MRR. */
export interface ReplayFigures {
  n: number;
  recall: number;
  ndcg: number;
  mrr: number;
  recallInterval: Interval;
  mrrInterval: Interval;
}

/** Escale − a baseline on one mode, paired over the same cases. */
export interface ReplayDifference {
  id: ReplayBaselineId;
  recall: Interval & { excludesZero: boolean };
  mrr: Interval & { excludesZero: boolean };
}

const ndcgOf = (r: number | null) => (r === null ? 0 : 1 / Math.log2(r + 1));

export interface ReplayResult {
  file: string;
  rows: { read: number; bad: number; badExamples: string[] };
  clock: CityClock;
  users: number;
  venues: number;
  venuesKept: number;
  leisureCheckins: number;
  /** What the category mapping did to the file's venues (one name per venue): the kept ones are leisure. */
  categories: CategoryReport;
  trainCheckins: number;
  testCheckins: number;
  newVenueTestCheckins: number;
  withoutPrevious: number;
  sample: { all: number; newVenues: number; seed: number };
  /** Share of the sampled test check-ins whose venue is among the candidates: the ceiling of Recall@10. */
  reachable: { all: number; newVenues: number };
  blends: Record<ReplayMode, { blend: BlendWeights; mrr: number; cases: number }>;
  methods: { id: ReplayMethodId; label: string; all: ReplayFigures; newVenues: ReplayFigures }[];
  /** Escale − each baseline, per mode. */
  differences: Record<ReplayMode, ReplayDifference[]>;
  threads: number;
  seconds: number;
}

export interface ReplayOptions {
  file: string;
  sample?: number;
  seed?: number;
  /** Threads to rank on (the main thread counts as one); default: the machine's cores, at most 4. */
  threads?: number;
  /** Test check-ins per mode to tune the blend on (default BLEND_TUNING_SAMPLE). */
  tuningSample?: number;
}

function figures(ranks: readonly (number | null)[]) {
  const f = figuresOf(ranks);
  const n = ranks.length;
  const out: ReplayFigures = {
    n,
    recall: f.means.acc10,
    ndcg: n ? ranks.reduce((sum: number, r) => sum + ndcgOf(r), 0) / n : 0,
    mrr: f.means.mrr,
    recallInterval: intervalOf(f, 'acc10'),
    mrrInterval: intervalOf(f, 'mrr'),
  };
  return { out, f };
}

export async function runReplay(options: ReplayOptions): Promise<ReplayResult | { skipped: string }> {
  if (!existsSync(options.file)) return { skipped: `no check-in file at ${options.file}` };
  const t0 = performance.now();
  const state = await prepareReplay(options.file);
  const seed = options.seed ?? DEFAULT_SEED;
  const cases = selectCases(state, options.sample ?? DEFAULT_SAMPLE, seed);
  const tuned = tuneBlends(state, tuningCases(state, cases, options.tuningSample ?? BLEND_TUNING_SAMPLE, seed));
  const blends: ReplayBlends = { all: tuned.all.blend, newVenues: tuned.newVenues.blend };

  const threads = Math.max(1, Math.min(options.threads ?? Math.min(4, os.availableParallelism()), cases.length));
  // Interleaved shares, so each thread gets a like mix of modes and users; put back in case order after.
  const shares = Array.from({ length: threads }, (_v, w) => cases.filter((_c, i) => i % threads === w));
  const others = shares.slice(1).map((share) => inWorker(options.file, share, blends));
  const results = [replayCases(state, shares[0]!, blends), ...(await Promise.all(others))];
  const rankAt = (m: ReplayMethodId, i: number) => results[i % threads]!.ranks[m][Math.floor(i / threads)]!;
  const byMode = (mode: ReplayMode) => cases.flatMap((c, i) => (c.mode === mode ? [i] : []));

  const methods = REPLAY_METHODS.map((m) => ({ ...m, all: figures(byMode('all').map((i) => rankAt(m.id, i))), newVenues: figures(byMode('newVenues').map((i) => rankAt(m.id, i))) }));
  const differences = {} as Record<ReplayMode, ReplayDifference[]>;
  for (const mode of REPLAY_MODES) {
    const escale = methods[0]![mode].f;
    differences[mode] = methods.slice(1).map((m) => ({ id: m.id as ReplayBaselineId, recall: pairedDifference(escale, m[mode].f, 'acc10'), mrr: pairedDifference(escale, m[mode].f, 'mrr') }));
  }
  const reachable = (mode: ReplayMode) => {
    const idx = byMode(mode);
    return idx.filter((i) => results[i % threads]!.reachable[Math.floor(i / threads)]).length / (idx.length || 1);
  };

  const { read, split } = state;
  const venueNames = new Map<string, string | null>();
  for (const c of read.checkins) if (!venueNames.has(c.venueId)) venueNames.set(c.venueId, c.categoryName);
  return {
    file: options.file,
    rows: { read: read.lines, bad: read.problems.length, badExamples: read.problems.slice(0, 5).map((p) => `line ${p.line}: ${p.reason}`) },
    clock: state.clock,
    users: new Set(read.checkins.map((c) => c.userId)).size,
    venues: venueNames.size,
    venuesKept: state.places.length,
    leisureCheckins: read.checkins.filter(isLeisure).length,
    categories: categoryReport(venueNames.values()),
    trainCheckins: split.train.length,
    testCheckins: split.test.length,
    newVenueTestCheckins: split.test.filter((t) => t.newVenue).length,
    withoutPrevious: split.withoutPrevious,
    sample: { all: byMode('all').length, newVenues: byMode('newVenues').length, seed },
    reachable: { all: reachable('all'), newVenues: reachable('newVenues') },
    blends: tuned,
    methods: methods.map((m) => ({ id: m.id, label: m.label, all: m.all.out, newVenues: m.newVenues.out })),
    differences,
    threads,
    seconds: (performance.now() - t0) / 1000,
  };
}
