import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARIS, place } from '../test-support/fixtures.ts';
import { mulberry32 } from '../recommend/seeded-random.ts';
import { orderedNeighbours } from '../test-support/walk-lists.ts';
import type { Interaction } from '../travellers/model.ts';
import { ExportColumns, INTERACTION_KINDS } from './interaction-index.ts';
import { PlaceIdsText, readGraphSnapshot, readGraphSnapshotHead, SnapshotRefused, SNAPSHOT_VERSION, writeGraphSnapshot } from './graph-snapshot.ts';
import { TravelGraph } from './travel-graph.ts';

const places = Array.from({ length: 40 }, (_, k) => place({ category: k % 3 ? 'bar' : 'museum', tags: k % 4 ? ['wine'] : ['jazz'], lat: 48.85 + k / 2000, lon: 2.35 + k / 3000 }));
const catalogue = { agencies: [], cities: [PARIS], places, archivedPlaces: [], events: [], offers: [], promotions: [], withdrawn: { events: [], offers: [], promotions: [] } };
const MARK = { position: 42, at: '2026-12-06T10:00:00.000Z', origin: 'host:1:abc' };

/** A graph that went through what a server's graph goes through: repeats, undos, erasures, private travellers. */
function livedGraph(): TravelGraph {
  const r = mulberry32(7);
  const interactions: Interaction[] = Array.from({ length: 900 }, (_, k) => ({
    travellerId: `t${Math.floor(r() * 60)}`,
    placeId: places[Math.floor(r() * places.length)]!.id,
    kind: INTERACTION_KINDS[Math.floor(r() * INTERACTION_KINDS.length)]!,
    at: new Date(Date.UTC(2026, 10, 1) + Math.floor(r() * 30 * 86_400_000) + k),
  }));
  const graph = TravelGraph.build(catalogue, interactions.slice(0, 600), ['t1', 't2']);
  graph.walkIndex();
  for (const i of interactions.slice(600)) graph.addInteraction(i);
  for (const i of interactions.slice(0, 80)) graph.removeInteraction(i);
  graph.dropTraveller('t5');
  graph.dropTraveller('t1');
  // Interactions naming a place the catalogue does not hold (an old booking's) keep their number.
  graph.addInteraction({ travellerId: 't9', placeId: 'osm:node/gone', kind: 'visited', at: new Date('2026-11-30T10:00:00Z') });
  return graph;
}

async function roundTrip(graph: TravelGraph): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'escale-snapshot-')), 'graph.snapshot');
  await writeGraphSnapshot(file, MARK, graph.interactionState(), new Date('2026-12-06T10:00:05Z'));
  return file;
}

describe('graph snapshot', () => {
  it('gives back, with the same catalogue, the graph it was written from: rows, digest, walk index and visit log', async () => {
    const graph = livedGraph();
    const file = await roundTrip(graph);
    const snapshot = readGraphSnapshot(file);
    expect(snapshot.mark).toEqual(MARK);
    expect(snapshot.writtenAt).toBe('2026-12-06T10:00:05.000Z');
    expect(readGraphSnapshotHead(file)).toEqual({ mark: MARK, writtenAt: snapshot.writtenAt });
    const back = TravelGraph.fromInteractionState(catalogue, snapshot.state, ['t2']);

    expect(back.digest()).toBe(graph.digest());
    expect(back.counts()).toEqual(graph.counts());
    const travellers = [...graph.travellerIds()];
    expect([...back.travellerIds()]).toEqual(travellers);
    for (const t of travellers) {
      expect(back.interactionsOf(t)).toEqual(graph.interactionsOf(t));
      expect(back.visitLog().visitsOf(t)).toEqual(graph.visitLog().visitsOf(t));
    }
    expect(back.interactionsOf('t5')).toEqual([]);
    // What a build from the store makes of the same rows, in their order (the store's ids follow it).
    const { rows, placeIds } = graph.interactionState();
    const stored = Array.from(rows.travellerOf, (t, r) => ({
      travellerId: rows.travellerIds[t]!,
      placeId: placeIds[rows.placeOf[r]!]!,
      kind: INTERACTION_KINDS[rows.kindCode[r]!]!,
      at: new Date(rows.atMs[r]!),
    }));
    const built = TravelGraph.build(catalogue, stored, ['t2']);
    expect(built.digest()).toBe(graph.digest());
    for (const p of [...places.map((x) => x.id), 'osm:node/gone']) {
      expect([p, back.interactionCount(p)]).toEqual([p, built.interactionCount(p)]);
      expect(back.visitLog().nextFrom(p)).toEqual(built.visitLog().nextFrom(p));
    }
    // The same lists in the same order, so a walk takes the same steps; the graph's own, appended to and
    // taken from, too, but for the place the catalogue does not hold: appended after its index was built,
    // it got no node there (a build gives it one).
    expect(orderedNeighbours(back.walkIndex())).toEqual(orderedNeighbours(built.walkIndex()));
    const withoutGone = (lists: Map<string, string[][]>) =>
      new Map([...lists].filter(([key]) => !key.includes('gone')).map(([key, l]) => [key, l.map((list) => list.filter((k) => !k.includes('gone')))]));
    expect(withoutGone(orderedNeighbours(back.walkIndex()))).toEqual(withoutGone(orderedNeighbours(graph.walkIndex())));
    // And it lives on as a built graph does.
    const more = { travellerId: 't3', placeId: places[0]!.id, kind: 'liked' as const, at: new Date('2026-12-06T11:00:00Z') };
    graph.addInteraction(more);
    back.addInteraction(more);
    graph.dropTraveller('t2');
    back.dropTraveller('t2');
    expect(back.digest()).toBe(graph.digest());
  });

  it('written again and again through the same columns and place-id text, gives back the graph as it was at each write', async () => {
    const graph = livedGraph();
    const file = await roundTrip(graph);
    const columns = new ExportColumns();
    const text = new PlaceIdsText();
    const writeAndRead = async () => {
      await writeGraphSnapshot(file, MARK, graph.interactionState(columns), new Date('2026-12-06T10:00:05Z'), text);
      return TravelGraph.fromInteractionState(catalogue, readGraphSnapshot(file).state, ['t2']);
    };
    expect((await writeAndRead()).digest()).toBe(graph.digest());
    // A place no one had named gets the next number: the id list grows, and is written again.
    graph.addInteraction({ travellerId: 't7', placeId: 'osm:node/new', kind: 'liked', at: new Date('2026-12-06T10:30:00Z') });
    graph.removeInteraction(graph.interactionsOf('t8')[0]!);
    graph.dropTraveller('t9');
    const back = await writeAndRead();
    expect(back.digest()).toBe(graph.digest());
    for (const t of ['t7', 't8', 't9']) expect(back.interactionsOf(t)).toEqual(graph.interactionsOf(t));
    expect(back.interactionsOf('t7').map((i) => i.placeId)).toContain('osm:node/new');
  });

  it('keeps a private traveller private, and makes today’s demo visitors private', async () => {
    const graph = livedGraph();
    const back = TravelGraph.fromInteractionState(catalogue, readGraphSnapshot(await roundTrip(graph)).state, ['t2', 't3']);
    const crowd = (g: TravelGraph) => places.map((p) => g.interactionCount(p.id));
    graph.addPrivateTraveller('t3');
    expect(crowd(back)).toEqual(crowd(graph));
    expect(back.digest()).toBe(graph.digest());
  });

  it('refuses what it cannot use, saying why', async () => {
    const file = await roundTrip(livedGraph());
    const whole = fs.readFileSync(file);
    const refusalOf = (read: (file: string) => unknown) => (bytes: Buffer) => {
      fs.writeFileSync(file, bytes);
      try {
        read(file);
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(SnapshotRefused);
        return (err as Error).message;
      }
    };
    const refusal = refusalOf(readGraphSnapshot);
    const headRefusal = refusalOf(readGraphSnapshotHead);
    expect(refusal(Buffer.from('{"not":"a snapshot"}'))).toBe('not a graph snapshot');
    const otherVersion = Buffer.from(whole);
    otherVersion.writeUInt32LE(SNAPSHOT_VERSION + 1, 8);
    expect(refusal(otherVersion)).toMatch(/another version/);
    expect(refusal(whole.subarray(0, whole.byteLength - 100))).toMatch(/truncated/);
    expect(refusal(whole.subarray(0, 40))).toMatch(/truncated/);
    const badHeader = Buffer.from(whole);
    badHeader.write('!', 16, 'latin1');
    expect(refusal(badHeader)).toBe('its header is not what this version writes');
    expect(refusal(whole)).toBeNull();
    // The header alone refuses what is wrong in the first bytes, and cannot see a body cut short.
    expect(headRefusal(Buffer.from('{"not":"a snapshot"}'))).toBe('not a graph snapshot');
    expect(headRefusal(otherVersion)).toMatch(/another version/);
    expect(headRefusal(whole.subarray(0, 40))).toMatch(/truncated/);
    expect(headRefusal(badHeader)).toBe('its header is not what this version writes');
    expect(headRefusal(whole.subarray(0, whole.byteLength - 100))).toBeNull();
  });

  it('refuses rows that name no known traveller or place, or hold a fact twice', () => {
    const state = livedGraph().interactionState();
    const broken = (change: (s: typeof state) => void) => {
      const copy = structuredClone(state);
      change(copy);
      return () => TravelGraph.fromInteractionState(catalogue, copy);
    };
    expect(
      broken((s) => {
        s.rows.placeOf[3] = s.placeIds.length;
      }),
    ).toThrow(/names no known traveller, place or kind/);
    expect(
      broken((s) => {
        s.rows.travellerOf[3] = -1;
      }),
    ).toThrow(/names no known traveller, place or kind/);
    expect(
      broken((s) => {
        s.rows.travellerOf[4] = s.rows.travellerOf[3]!;
        s.rows.placeOf[4] = s.rows.placeOf[3]!;
        s.rows.kindCode[4] = s.rows.kindCode[3]!;
      }),
    ).toThrow(/holds a fact twice/);
  });
});
