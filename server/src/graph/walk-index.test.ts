import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { PRACTICAL_TAGS } from '@escale/shared';
import { mulberry32 } from '../recommend/seeded-random.ts';
import { graphOf, place } from '../test-support/fixtures.ts';
import { orderedNeighbours } from '../test-support/walk-lists.ts';
import type { Interaction } from '../travellers/model.ts';
import { INTERACTION_KINDS } from './interaction-index.ts';
import { TravelGraph } from './travel-graph.ts';
import { nodeKey } from './travel-graph.ts';
import { CATEGORY, idOfWalkKey, PLACE, scopedKey, TAG, TRAVELLER } from './walk-index.ts';

describe('walk index', () => {
  const a = place({ category: 'bar', tags: ['wine'] });
  const b = place({ category: 'bar', tags: ['wine', 'jazz'] });
  const at = new Date('2026-11-01T12:00:00Z');
  const graph = graphOf({
    places: [a, b],
    interactions: [
      { travellerId: 'lea', placeId: a.id, kind: 'liked', at },
      { travellerId: 'tom', placeId: a.id, kind: 'visited', at },
      { travellerId: 'tom', placeId: b.id, kind: 'visited', at },
      { travellerId: 'tom', placeId: b.id, kind: 'dismissed', at },
    ],
  });
  const index = graph.walkIndex();
  const node = (type: Parameters<typeof nodeKey>[0], id: string) => index.nodeOf(type === 'tag' || type === 'category' ? scopedKey(nodeKey(type, id), 'paris') : nodeKey(type, id))!;

  it('groups each place’s neighbours by kind, a like weighing twice a visit, dismissals not at all', () => {
    expect(index.degree(node('place', a.id), TRAVELLER)).toBe(3); // lea liked (2) + tom visited (1)
    expect(index.degree(node('place', b.id), TRAVELLER)).toBe(1);
    expect(index.degree(node('place', b.id), TAG)).toBe(2);
    expect(index.degree(node('place', a.id), CATEGORY)).toBe(1);
    expect(index.degree(node('tag', 'wine'), PLACE)).toBe(2);
    const tomPlaces = Array.from({ length: index.degree(node('traveller', 'tom'), PLACE) }, (_, i) => index.neighbour(node('traveller', 'tom'), PLACE, i));
    expect(tomPlaces.sort()).toEqual([node('place', a.id), node('place', b.id)].sort());
  });

  it('never walks through a practical tag: access and setting are not taste', () => {
    const park = place({ category: 'park', tags: ['wheelchair', 'kid-friendly', 'running'] });
    const bar = place({ category: 'bar', tags: ['wheelchair', 'wine'] });
    const idx = graphOf({ places: [park, bar] }).walkIndex();
    expect(idx.nodeOf(scopedKey(nodeKey('tag', 'wheelchair'), 'paris'))).toBeUndefined();
    expect(idx.nodeOf(scopedKey(nodeKey('tag', 'kid-friendly'), 'paris'))).toBeUndefined();
    // Only the tags that say what a place is for connect places.
    expect(idx.degree(idx.nodeOf(nodeKey('place', park.id))!, TAG)).toBe(1);
    expect(idx.degree(idx.nodeOf(scopedKey(nodeKey('tag', 'running'), 'paris'))!, PLACE)).toBe(1);
  });

  it('takes new interactions in an overlay, new travellers included', () => {
    const g = graphOf({ places: [a, b] });
    const idx = g.walkIndex();
    g.addInteraction({ travellerId: 'ana', placeId: b.id, kind: 'liked', at });
    expect(g.walkIndex()).toBe(idx); // patched, not rebuilt
    const ana = idx.nodeOf(nodeKey('traveller', 'ana'))!;
    expect(idx.kind(ana)).toBe(TRAVELLER);
    expect(idx.degree(ana, PLACE)).toBe(2);
    expect(idx.degree(idx.nodeOf(nodeKey('place', b.id))!, TRAVELLER)).toBe(2);
    expect(g.interactionCount(b.id)).toBe(2);
  });

  it('takes an erased traveller out in place: no entry and no key of theirs is left', () => {
    const g = graphOf({ places: [a], interactions: [{ travellerId: 'lea', placeId: a.id, kind: 'liked', at }] });
    const idx = g.walkIndex();
    const lea = idx.nodeOf(nodeKey('traveller', 'lea'))!;
    g.dropTraveller('lea');
    expect(g.walkIndex()).toBe(idx);
    expect(idx.nodeOf(nodeKey('traveller', 'lea'))).toBeUndefined();
    expect(idx.keyOf(lea)).not.toContain('lea');
    expect(g.interactionCount(a.id)).toBe(0);
  });

  it('keeps a tag or category to one city: a walk through "wine" in Paris never lands in Lyon', () => {
    const lyonBar = place({ cityId: 'lyon', category: 'bar', tags: ['wine'], lat: 45.76, lon: 4.83 });
    const both = graphOf({ places: [a, b, lyonBar], interactions: [] }).walkIndex();
    const wineIn = (city: string) => both.nodeOf(scopedKey(nodeKey('tag', 'wine'), city))!;
    const placesOf = (tag: number) => Array.from({ length: both.degree(tag, PLACE) }, (_, i) => both.keyOf(both.neighbour(tag, PLACE, i)));
    expect(placesOf(wineIn('paris')).sort()).toEqual([nodeKey('place', a.id), nodeKey('place', b.id)].sort());
    expect(placesOf(wineIn('lyon'))).toEqual([nodeKey('place', lyonBar.id)]);
    expect(idOfWalkKey(both.keyOf(wineIn('lyon')))).toBe('wine');
  });

  describe('against a plain graph of the same seeded data', () => {
    // The reference: every relation an edge of a graphology graph, as the index was built before it had
    // columns of its own; the compact index must hold the very same neighbours, kind by kind, node by node.
    const rand = mulberry32(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const tags = ['wine', 'jazz', 'terrace', 'wheelchair', 'cuisine:ramen', 'running'];
    const places = Array.from({ length: 80 }, (_v, i) =>
      place({ cityId: i % 5 === 0 ? 'lyon' : 'paris', category: pick(['bar', 'museum', 'restaurant', 'park'] as const), tags: [...new Set([pick(tags), pick(tags)])] }),
    );
    const interactions: Interaction[] = Array.from({ length: 900 }, (_v, k) => ({
      travellerId: `t${Math.floor(rand() * 50)}`,
      placeId: pick(places).id,
      kind: pick(INTERACTION_KINDS),
      at: new Date(Date.UTC(2026, 9, 1) + k * 60_000),
    }));
    const weight: Record<string, number> = { liked: 2, visited: 1 };

    function plainNeighbours(facts: readonly Interaction[]): Map<string, string[]> {
      const g = new MultiDirectedGraph();
      const node = (key: string) => void (g.hasNode(key) || g.addNode(key));
      for (const p of places) {
        node(`place:${p.id}`);
        node(`category:${p.category}@${p.cityId}`);
        g.addEdge(`place:${p.id}`, `category:${p.category}@${p.cityId}`);
        for (const tag of p.tags) {
          if (PRACTICAL_TAGS.has(tag)) continue;
          node(`tag:${tag}@${p.cityId}`);
          g.addEdge(`place:${p.id}`, `tag:${tag}@${p.cityId}`);
        }
      }
      const seen = new Set<string>();
      for (const i of facts) {
        const fact = `${i.travellerId}|${i.placeId}|${i.kind}`;
        if (seen.has(fact)) continue;
        seen.add(fact);
        node(`traveller:${i.travellerId}`);
        for (let w = 0; w < (weight[i.kind] ?? 0); w++) g.addEdge(`traveller:${i.travellerId}`, `place:${i.placeId}`);
      }
      const out = new Map<string, string[]>();
      g.forEachNode((key) => out.set(key, []));
      g.forEachEdge((_e, _a, source, target) => {
        out.get(source)!.push(target);
        out.get(target)!.push(source);
      });
      for (const list of out.values()) list.sort();
      return out;
    }

    function compactNeighbours(index: ReturnType<typeof graphOf>['walkIndex'] extends () => infer W ? W : never, keys: Iterable<string>): Map<string, string[]> {
      const out = new Map<string, string[]>();
      for (const key of keys) {
        const n = index.nodeOf(key);
        if (n === undefined) continue;
        const all: string[] = [];
        for (const kind of [PLACE, TRAVELLER, TAG, CATEGORY] as const) for (let i = 0; i < index.degree(n, kind); i++) all.push(index.keyOf(index.neighbour(n, kind, i)));
        out.set(key, all.sort());
      }
      return out;
    }

    it('holds the same neighbours when built at once', () => {
      const plain = plainNeighbours(interactions);
      const g = graphOf({ places, interactions });
      expect(compactNeighbours(g.walkIndex(), plain.keys())).toEqual(plain);
    });

    it('holds the same neighbours when the interactions arrive after the build (overlay), and after a rebuild', () => {
      const g = graphOf({ places, interactions: interactions.slice(0, 300) });
      const built = g.walkIndex();
      for (const i of interactions.slice(300)) g.addInteraction(i);
      expect(g.walkIndex()).toBe(built);
      const plain = plainNeighbours(interactions);
      expect(compactNeighbours(built, plain.keys())).toEqual(plain);
      g.dropTraveller('t3');
      expect(g.walkIndex()).toBe(built);
      const withoutT3 = plainNeighbours(interactions.filter((i) => i.travellerId !== 't3'));
      expect(compactNeighbours(built, withoutT3.keys())).toEqual(withoutT3);
      g.upsertPlace(places[0]!); // a catalogue change: rebuilt
      const rebuilt = g.walkIndex();
      expect(rebuilt).not.toBe(built);
      expect(compactNeighbours(rebuilt, withoutT3.keys())).toEqual(withoutT3);
    });

    it('compacts in the background once the overlay is full, keeping every append visible meanwhile', async () => {
      const g = graphOf({ places, interactions: interactions.slice(0, 300) });
      const built = g.walkIndex();
      // Enough distinct likes to pass the overlay's limit (a like is two entries).
      const many: Interaction[] = [];
      for (let k = 0; many.length * 2 <= TravelGraph.WALK_OVERLAY_LIMIT; k++) {
        many.push({ travellerId: `bulk${Math.floor(k / places.length)}`, placeId: places[k % places.length]!.id, kind: 'liked', at: new Date(Date.UTC(2026, 10, 1) + k) });
      }
      const all = [...interactions.slice(0, 300), ...many];
      for (const i of many) g.addInteraction(i);
      // Not yet swapped: the same index, with everything in its overlay.
      expect(g.walkIndex()).toBe(built);
      expect(g.compactions).toBe(0);
      const late = interactions.slice(300, 320);
      for (const i of late) g.addInteraction(i);
      while (g.compactions === 0) await new Promise((resolve) => setImmediate(resolve));
      const compacted = g.walkIndex();
      expect(compacted).not.toBe(built);
      // What arrived while it was built is in its overlay, not lost.
      expect(compacted.overlaySize).toBeLessThan(TravelGraph.WALK_OVERLAY_LIMIT);
      const plain = plainNeighbours([...all, ...late]);
      expect(compactNeighbours(compacted, plain.keys())).toEqual(plain);
    });

    it('voids a compaction that a removal made stale, and compacts afresh without the removed row', async () => {
      const g = graphOf({ places, interactions });
      const built = g.walkIndex();
      const bulk: Interaction[] = [];
      for (let k = 0; k * 2 <= TravelGraph.WALK_OVERLAY_LIMIT; k++)
        bulk.push({ travellerId: `bulk${Math.floor(k / places.length)}`, placeId: places[k % places.length]!.id, kind: 'liked', at: new Date(k) });
      for (const i of bulk) g.addInteraction(i);
      const gone = interactions.find((i) => i.kind === 'liked')!;
      g.removeInteraction(gone);
      // Taken out in place at once: the next ranking reads the index without it.
      expect(g.walkIndex()).toBe(built);
      const left = [...interactions.filter((i) => !(i.travellerId === gone.travellerId && i.placeId === gone.placeId && i.kind === gone.kind)), ...bulk];
      const plain = plainNeighbours(left);
      expect(compactNeighbours(built, plain.keys())).toEqual(plain);
      // The compaction started before the removal read rows of which one died: only a new one is swapped in.
      while (g.compactions === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(g.compactions).toBe(1);
      const compacted = g.walkIndex();
      expect(compacted).not.toBe(built);
      expect(compacted.overlaySize).toBe(0);
      expect(compactNeighbours(compacted, plain.keys())).toEqual(plain);
    });

    it('takes undos and erasures in place, leaving every list as a rebuild makes it, in the same order', () => {
      const g = graphOf({ places, interactions: interactions.slice(0, 500) });
      const inPlace = g.walkIndex();
      const held: Interaction[] = interactions.slice(0, 500).filter((i) => i.kind === 'liked' || i.kind === 'visited');
      const r = mulberry32(21);
      for (let op = 0; op < 600; op++) {
        const x = r();
        if (x < 0.45) {
          const i = interactions[500 + Math.floor(r() * 400)]!;
          g.addInteraction({ ...i, travellerId: r() < 0.1 ? `late${op % 7}` : i.travellerId });
          held.push(i);
        } else if (x < 0.95 && held.length > 0) {
          const [i] = held.splice(Math.floor(r() * held.length), 1);
          g.removeInteraction(i!);
        } else {
          g.dropTraveller(`t${Math.floor(r() * 50)}`);
        }
      }
      expect(g.walkIndex()).toBe(inPlace);
      expect(inPlace.overlaySize).toBeGreaterThan(0);
      g.upsertPlace(places[0]!); // a catalogue change: the next read rebuilds from the rows
      const rebuilt = g.walkIndex();
      expect(rebuilt).not.toBe(inPlace);
      const expected = orderedNeighbours(rebuilt);
      expect(expected.size).toBeGreaterThan(100);
      expect(orderedNeighbours(inPlace)).toEqual(expected);
    });
  });
});
