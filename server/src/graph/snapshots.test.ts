import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '@escale/shared';
import { Bus } from '../bus/bus.ts';
import { ChangeLog } from '../bus/change-log.ts';
import { InProcessRelay } from '../bus/relay.ts';
import { graphOf, place } from '../test-support/fixtures.ts';
import { openSmallStore, type SmallStore } from '../test-support/small-store.ts';
import { followTravellerChanges } from '../travellers/follow-changes.ts';
import { readGraphSnapshot } from './graph-snapshot.ts';
import { GraphSnapshotWriter, usableGraphSnapshot } from './snapshots.ts';

const bar = place({ category: 'bar' });
const museum = place({ category: 'museum', lat: 48.86 });
const at = '2026-12-01T10:00:00.000Z';

let store: SmallStore;
let file: string;
beforeEach(async () => {
  store = await openSmallStore();
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-snapshots-')), 'graph.snapshot');
});
afterEach(() => store.close());

async function running(): Promise<{ writer: GraphSnapshotWriter; changes: ChangeLog; tell: (change: Change) => Promise<void>; graph: ReturnType<typeof graphOf> }> {
  const bus = new Bus();
  const changes = new ChangeLog(store.db, bus, new InProcessRelay('test'), (err) => {
    throw err;
  });
  await changes.init();
  const graph = graphOf({ places: [bar, museum] });
  followTravellerChanges(bus, graph);
  const writer = new GraphSnapshotWriter(graph, file, store.db, changes, pino({ level: 'silent' }), null, { everyMs: 60_000, afterRemovalMs: 20 });
  await writer.start(bus);
  return {
    writer,
    changes,
    graph,
    tell: (change) =>
      changes.record(
        async () => undefined,
        () => [change],
      ),
  };
}

describe('graph snapshots', () => {
  it('writes one once started, and again soon after an undo, so that what was taken back does not stay on disk', async () => {
    const { writer, tell } = await running();
    expect(readGraphSnapshot(file).state.rows.travellerOf).toHaveLength(0);
    await tell({ type: 'interaction_recorded', travellerId: 'lea', placeId: bar.id, kind: 'liked', at });
    await tell({ type: 'interaction_recorded', travellerId: 'lea', placeId: museum.id, kind: 'liked', at });
    // Not at once after an addition (hourly, and at a stop)…
    expect(readGraphSnapshot(file).state.rows.travellerOf).toHaveLength(0);
    await tell({ type: 'interaction_removed', travellerId: 'lea', placeId: bar.id, kind: 'liked' });
    // …but soon after an undo, without it.
    await expect.poll(() => readGraphSnapshot(file).state.rows.travellerOf.length).toBe(1);
    const { state, mark } = readGraphSnapshot(file);
    expect(state.placeIds[state.rows.placeOf[0]!]).toBe(museum.id);
    expect(mark.position).toBe(3);
    await writer.stop();
  });

  it('is used at start only when the change log can bring it up to date', async () => {
    const { writer, tell, changes } = await running();
    await tell({ type: 'interaction_recorded', travellerId: 'lea', placeId: bar.id, kind: 'liked', at });
    await writer.stop();
    const logger = pino({ level: 'silent' });
    expect((await usableGraphSnapshot(store.db, file, logger))?.mark).toMatchObject({ position: 1, origin: 'test' });
    await tell({ type: 'interaction_recorded', travellerId: 'lea', placeId: museum.id, kind: 'liked', at });
    expect((await usableGraphSnapshot(store.db, file, logger))?.mark.position).toBe(1); // entry 2 is replayed on top
    expect(changes.lastKnown().applied).toBe(2);
    await store.db.deleteFrom('change_log').where('position', '=', 2).execute();
    expect(await usableGraphSnapshot(store.db, file, logger)).toBeNull(); // an entry after it is gone
    expect(await usableGraphSnapshot(store.db, path.join(path.dirname(file), 'none'), logger)).toBeNull();
  });

  it('reads a snapshot the change log cannot bring up to date no further than its header', async () => {
    const { writer, tell } = await running();
    await tell({ type: 'interaction_recorded', travellerId: 'lea', placeId: bar.id, kind: 'liked', at });
    await writer.stop();
    // The body cut off, the header whole: only a read of the whole file can tell.
    fs.truncateSync(file, fs.statSync(file).size - 8);
    const said: { msg: string; why?: string; reason?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void said.push(JSON.parse(line)) });
    expect(await usableGraphSnapshot(store.db, file, logger)).toBeNull();
    expect(said).toMatchObject([{ msg: 'graph snapshot refused: building the graph from the store', reason: expect.stringMatching(/truncated/) }]);
    said.length = 0;
    await store.db.deleteFrom('change_log').where('position', '=', 1).execute();
    expect(await usableGraphSnapshot(store.db, file, logger)).toBeNull();
    expect(said).toMatchObject([{ msg: 'graph snapshot not used: building the graph from the store', why: expect.stringMatching(/no longer holds its entry 1/) }]);
  });
});
