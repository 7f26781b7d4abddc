/**
 * One size of `npm run bench:recommend`, run in its own process (spawned by recommend.ts, pinned to one
 * core) so that one size's heap never slows the next. Each finished phase is written to stdout as a JSON
 * line: if a phase dies (out of memory, killed on timeout) the parent still knows how far it got.
 * Usage: node --expose-gc --import tsx scripts/bench/recommend-size.ts --size 100000 [--rankings 2000] [--seed 42]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { TravelGraph } from '../../server/src/graph/travel-graph.ts';
import { rank } from '../../server/src/recommend/rank.ts';
import { Recommender } from '../../server/src/recommend/recommender.ts';
import { openSqlite } from '../../server/src/store/db.ts';
import { migrateToLatest } from '../../server/src/store/migrate.ts';
import type { Interaction } from '../../server/src/travellers/model.ts';
import { hitByGc, watchGcPauses } from './gc-pauses.ts';
import { percentile } from './report.ts';
import { mulberry32, randInt, drawIndex, type Rng } from './random.ts';
import { around, generateCity, interactionStream, traveller, type SyntheticCity } from './synthetic-city.ts';

/**
 * Rankings before the timed loop, reported with their own throughput: the figures are the server's steady
 * state. Measured here, throughput keeps rising for the first thousand or so rankings (JIT tiers, lazily
 * filled caches), and a server ranks that many in its first seconds.
 */
export const WARM_UP = 2000;
/** Interactions appended alone, to time the append rate (at most as many as the graph holds). */
const APPENDS = 500_000;
/** Interactions appended before each ranking of the rankings-under-appends loop. */
const APPENDS_PER_RANKING = 50;
/** Interactions taken back (undos) and travellers erased, each followed by a ranking. */
const UNDOS = 2_000;
const ERASURES = 200;
const MIB = 2 ** 20;
const RESTART_BUILD = path.join(import.meta.dirname, 'restart-build.ts');

const { values } = parseArgs({ options: { size: { type: 'string' }, rankings: { type: 'string', default: '2000' }, seed: { type: 'string', default: '42' } } });
const size = Number(values.size);
const rankings = Number(values.rankings);
const seed = Number(values.seed);
if (!Number.isInteger(size) || size <= 0 || !Number.isInteger(rankings) || rankings <= 0) throw new Error('usage: --size N [--rankings N] [--seed N]');
const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc: memory is measured after a full collection');

const peakRssMiB = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
const emit = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const phase = (name: string, seconds: number, extra: Record<string, unknown> = {}) => emit({ type: 'phase', phase: name, seconds, peakRssMiB: peakRssMiB(), ...extra });
function memory() {
  gc!();
  const m = process.memoryUsage();
  return { rss: m.rss / MIB, heap: m.heapUsed / MIB };
}

let t = performance.now();
const city = generateCity({ places: size, seed });
phase('generate', (performance.now() - t) / 1000, { travellers: city.travellers.count });

// The interactions are streamed into the build one at a time, as rows from a store's cursor: the graph's
// memory is then the process's, with no array of ten million objects beside it.
phase('interactions', 0, { interactions: city.travellers.place.length });

const before = memory();
t = performance.now();
const graph = TravelGraph.build(city.catalogue, interactionStream(city), [], city.travellers.place.length);
const buildSeconds = (performance.now() - t) / 1000;
const after = memory();
const counts = graph.counts();
// What the build from the store (below) must come back to: the same records, the same digest.
const builtDigest = graph.digest();
phase('build', buildSeconds, { rssMiB: after.rss - before.rss, heapMiB: after.heap - before.heap, nodes: counts.totalNodes, edges: counts.totalEdges });

const recommender = new Recommender(graph, () => 'Bench Agency');
const rng = mulberry32(seed + 1);

/** One timed request: a random traveller, near a random hotspot, at a random time of the benchmark's day. */
function oneRanking(c: SyntheticCity, r: Rng): { t0: number; ms: number; considered: number; items: number } {
  const who = traveller(c, randInt(r, c.travellers.count));
  const k = drawIndex(r, c.hotspots.cdf);
  const at = around(r, c.hotspots.lat[k]!, c.hotspots.lon[k]!, c.hotspots.sigmaM[k]!);
  // One day only: the opening-hours cache holds ±1 day, as on a server whose clock moves forward.
  const now = new Date(c.start.getTime() + randInt(r, 24 * 60) * 60_000);
  const t0 = performance.now();
  const ctx = recommender.context({ traveller: who, now, position: { lat: at.lat, lon: at.lon, at: now } });
  const result = rank(graph, ctx, { limit: 10 });
  return { t0, ms: performance.now() - t0, considered: result.considered, items: result.items.length };
}

// The first ranking pays for lazy work (spatial and walk indexes, opening-hours cache): reported apart.
const first = oneRanking(city, rng).ms;
t = performance.now();
for (let i = 0; i < WARM_UP; i++) oneRanking(city, rng);
const warmUpSeconds = (performance.now() - t) / 1000;
phase('warm-up', warmUpSeconds, { firstRankingMs: first, warmUpRankings: WARM_UP, warmUpPerSecond: WARM_UP / warmUpSeconds });
// A full collection each side of the loop costs ~30 s at 1M places, but shows whether a cache grows per request.
const settled = memory(); // after the lazy indexes are built, so growth below is the loop's own

const latencies = new Float64Array(rankings);
const starts = new Float64Array(rankings);
let considered = 0;
let items = 0;
const gcWatch = watchGcPauses();
t = performance.now();
for (let i = 0; i < rankings; i++) {
  const r = oneRanking(city, rng);
  latencies[i] = r.ms;
  starts[i] = r.t0;
  considered += r.considered;
  items += r.items;
}
const loopSeconds = (performance.now() - t) / 1000;
const pauses = await gcWatch.stop();
const hit = hitByGc(starts, latencies, pauses);
const sorted = Array.from(latencies).sort((a, b) => a - b);
const untouched = Array.from(latencies.filter((_, i) => !hit[i])).sort((a, b) => a - b);
phase('rankings', loopSeconds);
// Heap growth across the loop, after a full collection: a cache that grows per request shows up here.
const heapGrowthMiB = memory().heap - settled.heap;

/** A new like or visit of a known traveller at a known place, as the change log brings them. */
function newInteraction(r: Rng, k: number): Interaction {
  const who = traveller(city, randInt(r, city.travellers.count)).id;
  const where = city.catalogue.places[randInt(r, city.catalogue.places.length)]!.id;
  return { travellerId: who, placeId: where, kind: r() < 0.5 ? 'liked' : 'visited', at: new Date(city.start.getTime() + k) };
}

// Appends alone: how many interactions a second the graph takes in (rows, visit log, walk-index overlay).
// The objects are made first: what is timed is the graph's part.
const appendRng = mulberry32(seed + 2);
const appends = Math.min(APPENDS, city.travellers.place.length);
const batch = Array.from({ length: appends }, (_v, k) => newInteraction(appendRng, k));
t = performance.now();
for (const i of batch) graph.addInteraction(i);
const appendSeconds = (performance.now() - t) / 1000;
// Some of them are taken back later (undos), after the streamed appends.
const undoable = batch.slice(0, UNDOS);
batch.length = 0;
phase('appends', appendSeconds, { appends });

// Rankings while appends stream in: APPENDS_PER_RANKING new interactions before each ranking, the event
// loop given a turn after each (a background compaction runs in those turns, as on a server). Every append
// must be visible to the next ranking: checked on the place's popularity count each time.
const streamLatencies = new Float64Array(rankings);
let invisible = 0;
const compactionsBefore = graph.compactions;
t = performance.now();
for (let r = 0; r < rankings; r++) {
  for (let k = 0; k < APPENDS_PER_RANKING; k++) {
    const i = newInteraction(appendRng, appends + r * APPENDS_PER_RANKING + k);
    const before = graph.interactionCount(i.placeId);
    const added = graph.addInteraction(i);
    if (added && graph.interactionCount(i.placeId) <= before) invisible++;
  }
  streamLatencies[r] = oneRanking(city, rng).ms;
  await new Promise((resolve) => setImmediate(resolve));
}
const streamSeconds = (performance.now() - t) / 1000;
const streamSorted = Array.from(streamLatencies).sort((a, b) => a - b);
phase('rankings-under-appends', streamSeconds, { compactions: graph.compactions - compactionsBefore });

// Take-backs: undos of appended likes and visits, then erasures of whole travellers, each followed by a
// ranking (no turn of the event loop: no compaction swaps in meanwhile). Each must be visible to that
// ranking (the place's popularity count falls), and none may cost a rebuild of the walk index.
const walkBefore = graph.walkIndex();
let undone = 0;
let takenBackInvisible = 0;
let undoMs = 0;
const undoLatencies: number[] = [];
for (const i of undoable) {
  const before = graph.interactionCount(i.placeId);
  const t0 = performance.now();
  const removed = graph.removeInteraction(i);
  undoMs += performance.now() - t0;
  if (!removed) continue;
  undone++;
  if (graph.interactionCount(i.placeId) >= before) takenBackInvisible++;
  undoLatencies.push(oneRanking(city, rng).ms);
}
const erasureMs: number[] = [];
const erasedRng = mulberry32(seed + 3);
for (let k = 0; k < ERASURES; k++) {
  const who = traveller(city, randInt(erasedRng, city.travellers.count));
  // The places whose popularity their rows count (a dismissal is in no count).
  const places = graph
    .interactionsOf(who.id)
    .filter((i) => i.kind === 'liked' || i.kind === 'visited')
    .map((i) => i.placeId);
  const counts = places.map((p) => graph.interactionCount(p));
  const t0 = performance.now();
  graph.dropTraveller(who.id);
  erasureMs.push(performance.now() - t0);
  if (places.some((p, j) => graph.interactionCount(p) >= counts[j]!)) takenBackInvisible++;
  undoLatencies.push(oneRanking(city, rng).ms);
}
const takeBackRebuilds = graph.walkIndex() === walkBefore ? 0 : 1;
undoLatencies.sort((a, b) => a - b);
erasureMs.sort((a, b) => a - b);
phase('take-backs', (undoMs + erasureMs.reduce((a, b) => a + b, 0)) / 1000, { undone, erased: ERASURES });

// Peak RSS of the in-memory phases: writing the store after them lets the heap grow with garbage rows.
const inMemoryPeakRssMiB = peakRssMiB();
const restarts = await buildsAtStart();
phase('store-build', restarts.store.buildSeconds, { writeSeconds: restarts.storeWriteSeconds, fileMiB: restarts.storeFileMiB, peakRssMiB: restarts.store.peakRssMiB });
phase('snapshot-build', restarts.snapshot.buildSeconds, { writeSeconds: restarts.store.snapshotWriteSeconds, fileMiB: restarts.store.snapshotBytes! / MIB, peakRssMiB: restarts.snapshot.peakRssMiB });

emit({
  type: 'result',
  places: size,
  travellers: city.travellers.count,
  interactions: city.travellers.place.length,
  events: city.catalogue.events.length,
  offers: city.catalogue.offers.length,
  nodes: counts.totalNodes,
  edges: counts.totalEdges,
  rankings,
  p50Ms: percentile(sorted, 50),
  p90Ms: percentile(sorted, 90),
  p99Ms: percentile(sorted, 99),
  maxMs: sorted.at(-1)!,
  rankingsPerSecond: rankings / loopSeconds,
  firstRankingMs: first,
  warmUpRankings: WARM_UP,
  warmUpPerSecond: WARM_UP / warmUpSeconds,
  meanCandidates: considered / rankings,
  meanItems: items / rankings,
  heapGrowthMiB,
  gcPauses: pauses.length,
  gcMajorPauses: pauses.filter((p) => p.major).length,
  gcPauseMs: pauses.reduce((sum, p) => sum + p.end - p.start, 0),
  rankingsHitByGc: hit.reduce((n, x) => n + x, 0),
  p99WithoutGcMs: percentile(untouched, 99),
  appends,
  appendsPerSecond: appends / appendSeconds,
  streamAppendsPerSecond: (rankings * APPENDS_PER_RANKING) / streamSeconds,
  streamRankingsPerSecond: rankings / streamSeconds,
  streamP50Ms: percentile(streamSorted, 50),
  streamP99Ms: percentile(streamSorted, 99),
  streamCompactions: graph.compactions - compactionsBefore,
  invisibleAppends: invisible,
  undos: undone,
  undosPerSecond: undone / (undoMs / 1000),
  erasures: ERASURES,
  erasureP50Ms: percentile(erasureMs, 50),
  erasureMaxMs: erasureMs.at(-1)!,
  takeBackP99Ms: percentile(undoLatencies, 99),
  takeBacksNotVisible: takenBackInvisible,
  takeBackRebuilds,
  peakRssMiB: inMemoryPeakRssMiB,
  storeWriteSeconds: restarts.storeWriteSeconds,
  storeFileMiB: restarts.storeFileMiB,
  storeBuildSeconds: restarts.store.buildSeconds,
  storeBuildPeakRssMiB: restarts.store.peakRssMiB,
  storeDigestMatches: restarts.store.digest === builtDigest ? 1 : 0,
  snapshotWriteSeconds: restarts.store.snapshotWriteSeconds!,
  snapshotHeldSeconds: restarts.store.snapshotHeldSeconds!,
  snapshotHeldAgainSeconds: restarts.store.snapshotHeldAgainSeconds!,
  snapshotFileMiB: restarts.store.snapshotBytes! / MIB,
  snapshotBuildSeconds: restarts.snapshot.buildSeconds,
  snapshotBuildPeakRssMiB: restarts.snapshot.peakRssMiB,
  snapshotDigestMatches: restarts.snapshot.digest === builtDigest ? 1 : 0,
});

type RestartBuild = {
  buildSeconds: number;
  digest: string;
  snapshotWriteSeconds: number | null;
  snapshotHeldSeconds: number | null;
  snapshotHeldAgainSeconds: number | null;
  snapshotBytes: number | null;
  peakRssMiB: number;
};

/**
 * The builds of a starting server, each in a process of its own (restart-build.ts), the way a server starts:
 * alone in its heap. The interactions are first written to a new SQLite store in a temporary directory,
 * migrated as the server's, the way the store keeps them (one row per fact, the latest time); its foreign
 * keys are off while writing, as no traveller or place rows are written (the catalogue comes from the
 * synthetic city, at start it is read whole). A first process builds from the store and writes the
 * snapshot, a second restarts from it. Both graphs must have the in-memory build's digest.
 */
async function buildsAtStart(): Promise<{ storeWriteSeconds: number; storeFileMiB: number; store: RestartBuild; snapshot: RestartBuild }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-bench-store-'));
  try {
    const migrated = openSqlite(dir);
    await migrateToLatest(migrated.db, migrated.file);
    await migrated.close();
    const t0 = performance.now();
    const raw = new SQLite(migrated.file);
    raw.pragma('foreign_keys = OFF');
    raw.pragma('synchronous = OFF');
    const insert = raw.prepare('INSERT INTO interactions (traveller_id, place_id, kind, at) VALUES (?, ?, ?, ?) ON CONFLICT (traveller_id, place_id, kind) DO UPDATE SET at = max(at, excluded.at)');
    const writeAll = raw.transaction((rows: Interaction[]) => {
      for (const i of rows) insert.run(i.travellerId, i.placeId, i.kind, i.at.toISOString());
    });
    let pending: Interaction[] = [];
    for (const i of interactionStream(city)) {
      pending.push(i);
      if (pending.length === 100_000) {
        writeAll(pending);
        pending = [];
      }
    }
    writeAll(pending);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const storeWriteSeconds = (performance.now() - t0) / 1000;
    const storeFileMiB = fs.statSync(migrated.file).size / MIB;
    const store = restartBuild('store', dir);
    const snapshot = restartBuild('snapshot', dir);
    return { storeWriteSeconds, storeFileMiB, store, snapshot };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function restartBuild(from: 'store' | 'snapshot', dir: string): RestartBuild {
  const child = spawnSync(process.execPath, [...process.execArgv, RESTART_BUILD, '--size', String(size), '--seed', String(seed), '--from', from, '--dir', dir], {
    encoding: 'utf8',
    maxBuffer: 16 * MIB,
  });
  if (child.status !== 0) throw new Error(`the build from the ${from} failed (${child.status ?? child.signal}): ${child.stderr.trim().split('\n').slice(-4).join(' | ')}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RestartBuild;
}
