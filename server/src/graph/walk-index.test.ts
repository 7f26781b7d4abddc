import { describe, expect, it } from 'vitest';
import { graphOf, place } from '../test-support/fixtures.ts';
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
  const node = (type: Parameters<typeof nodeKey>[0], id: string) => index.byKey.get(type === 'tag' || type === 'category' ? scopedKey(nodeKey(type, id), 'paris') : nodeKey(type, id))!;

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
    expect(idx.byKey.has(scopedKey(nodeKey('tag', 'wheelchair'), 'paris'))).toBe(false);
    expect(idx.byKey.has(scopedKey(nodeKey('tag', 'kid-friendly'), 'paris'))).toBe(false);
    // Only the tags that say what a place is for connect places.
    expect(idx.degree(idx.byKey.get(nodeKey('place', park.id))!, TAG)).toBe(1);
    expect(idx.degree(idx.byKey.get(scopedKey(nodeKey('tag', 'running'), 'paris'))!, PLACE)).toBe(1);
  });

  it('takes new interactions in an overlay, new travellers included', () => {
    const g = graphOf({ places: [a, b] });
    const idx = g.walkIndex();
    g.addInteraction({ travellerId: 'ana', placeId: b.id, kind: 'liked', at });
    expect(g.walkIndex()).toBe(idx); // patched, not rebuilt
    const ana = idx.byKey.get(nodeKey('traveller', 'ana'))!;
    expect(idx.kind(ana)).toBe(TRAVELLER);
    expect(idx.degree(ana, PLACE)).toBe(2);
    expect(idx.degree(idx.byKey.get(nodeKey('place', b.id))!, TRAVELLER)).toBe(2);
    expect(g.interactionCount(b.id)).toBe(2);
  });

  it('is rebuilt without a traveller who was erased', () => {
    const g = graphOf({ places: [a], interactions: [{ travellerId: 'lea', placeId: a.id, kind: 'liked', at }] });
    g.walkIndex();
    g.dropTraveller('lea');
    expect(g.walkIndex().byKey.has(nodeKey('traveller', 'lea'))).toBe(false);
    expect(g.interactionCount(a.id)).toBe(0);
  });

  it('keeps a tag or category to one city: a walk through "wine" in Paris never lands in Lyon', () => {
    const lyonBar = place({ cityId: 'lyon', category: 'bar', tags: ['wine'], lat: 45.76, lon: 4.83 });
    const both = graphOf({ places: [a, b, lyonBar], interactions: [] }).walkIndex();
    const wineIn = (city: string) => both.byKey.get(scopedKey(nodeKey('tag', 'wine'), city))!;
    const placesOf = (tag: number) => Array.from({ length: both.degree(tag, PLACE) }, (_, i) => both.keys[both.neighbour(tag, PLACE, i)]);
    expect(placesOf(wineIn('paris')).sort()).toEqual([nodeKey('place', a.id), nodeKey('place', b.id)].sort());
    expect(placesOf(wineIn('lyon'))).toEqual([nodeKey('place', lyonBar.id)]);
    expect(idOfWalkKey(both.keys[wineIn('lyon')]!)).toBe('wine');
  });
});
