/**
 * One build of `npm run bench:recommend` as a starting server makes it, in a process of its own (spawned by
 * recommend-size.ts) so that no other graph shares its heap: from an SQLite store written by the parent, the
 * interactions a page at a time (TravelGraph.load, as app.ts at a first start), or from the snapshot the
 * store-built graph then writes (as at a restart, graph/snapshots.ts). The catalogue is the synthetic city's,
 * generated before the clock starts: at start it is read whole from the store in a few queries. Prints one
 * JSON line: the build's seconds, the graph's digest, the snapshot's write time (and how long of it held the
 * event loop, at the first write and at a later one) and size, the peak RSS.
 * Usage: node --expose-gc --import tsx scripts/bench/restart-build.ts --size N --seed N --from store|snapshot --dir DIR
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PlaceIdsText, readGraphSnapshot, writeGraphSnapshot } from '../../server/src/graph/graph-snapshot.ts';
import { ExportColumns } from '../../server/src/graph/interaction-index.ts';
import { GRAPH_SNAPSHOT_FILE } from '../../server/src/graph/snapshots.ts';
import { TravelGraph } from '../../server/src/graph/travel-graph.ts';
import { openSqlite } from '../../server/src/store/db.ts';
import { countInteractions, interactionPages } from '../../server/src/travellers/queries.ts';
import { generateCity } from './synthetic-city.ts';

const { values } = parseArgs({ options: { size: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' }, dir: { type: 'string' } } });
const size = Number(values.size);
const seed = Number(values.seed);
if (!Number.isInteger(size) || !Number.isInteger(seed) || (values.from !== 'store' && values.from !== 'snapshot') || !values.dir) {
  throw new Error('usage: --size N --seed N --from store|snapshot --dir DIR');
}
const dir = values.dir;
const snapshotFile = path.join(dir, GRAPH_SNAPSHOT_FILE);
const { catalogue } = generateCity({ places: size, seed });
globalThis.gc?.();

const t0 = performance.now();
let graph: TravelGraph;
if (values.from === 'store') {
  const opened = openSqlite(dir);
  graph = await TravelGraph.load(catalogue, interactionPages(opened.db), [], await countInteractions(opened.db));
  await opened.close();
} else {
  graph = TravelGraph.fromInteractionState(catalogue, readGraphSnapshot(snapshotFile).state);
}
const buildSeconds = (performance.now() - t0) / 1000;
const digest = graph.digest();

// The store-built graph writes the snapshot the next process restarts from, as a running server does
// (GraphSnapshotWriter): a first write before it serves, later ones into the same
// columns and with the same place-id text. What runs before a write's first await holds the event loop (the
// rows copied, the ids serialised); the file's writing does not.
let snapshotWriteSeconds: number | null = null;
let snapshotHeldSeconds: number | null = null;
let snapshotHeldAgainSeconds: number | null = null;
let snapshotBytes: number | null = null;
if (values.from === 'store') {
  const columns = new ExportColumns();
  const text = new PlaceIdsText();
  const write = async () => {
    const started = performance.now();
    const writing = writeGraphSnapshot(snapshotFile, { position: 0, at: null, origin: null }, graph.interactionState(columns), new Date(), text);
    const held = (performance.now() - started) / 1000;
    const bytes = await writing;
    return { held, bytes, seconds: (performance.now() - started) / 1000 };
  };
  const first = await write();
  ({ held: snapshotHeldSeconds, bytes: snapshotBytes, seconds: snapshotWriteSeconds } = first);
  snapshotHeldAgainSeconds = (await write()).held;
}
fs.writeSync(1, `${JSON.stringify({ buildSeconds, digest, snapshotWriteSeconds, snapshotHeldSeconds, snapshotHeldAgainSeconds, snapshotBytes, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
