import { describe, expect, it } from 'vitest';
import { nodeKey } from '../graph/travel-graph.ts';
import { graphOf, place } from '../test-support/fixtures.ts';
import { coVisitors, tasteWalk } from './taste-walk.ts';

/**
 * A small world: Léa liked a wine bar. Three travellers who liked it also went to a second wine bar; one
 * went to a ramen place. A climbing gym shares nothing with her history.
 */
const at = new Date('2026-11-01T12:00:00Z');
const baratin = place({ name: 'Le Baratin', category: 'bar', tags: ['wine'] });
const otherWine = place({ name: 'Other wine bar', category: 'bar', tags: ['wine'] });
const ramen = place({ name: 'Ramen', category: 'restaurant', tags: ['cuisine:ramen'] });
const gym = place({ name: 'Gym', category: 'climbing', tags: ['indoor'] });
const interactions = [
  { travellerId: 'lea', placeId: baratin.id, kind: 'liked' as const, at },
  ...['t1', 't2', 't3'].flatMap((t) => [
    { travellerId: t, placeId: baratin.id, kind: 'liked' as const, at },
    { travellerId: t, placeId: otherWine.id, kind: 'visited' as const, at },
  ]),
  { travellerId: 't4', placeId: baratin.id, kind: 'visited' as const, at },
  { travellerId: 't4', placeId: ramen.id, kind: 'visited' as const, at },
  { travellerId: 't5', placeId: gym.id, kind: 'visited' as const, at },
];
const graph = graphOf({ places: [baratin, otherWine, ramen, gym], interactions });
const index = graph.walkIndex();
const n = (id: string) => index.nodeOf(nodeKey('place', id))!;
const lea = index.nodeOf(nodeKey('traveller', 'lea'));
const input = { index, queries: [{ node: n(baratin.id), weight: 1 }], self: lea, candidates: [n(otherWine.id), n(ramen.id), n(gym.id)], seed: 42 };

describe('taste walk', () => {
  it('reaches what co-visitors went to far more than what is unconnected', () => {
    const { score } = tasteWalk(input);
    expect(score[0]).toBeGreaterThan(score[1]!);
    expect(score[1]).toBeGreaterThan(score[2]!);
  });

  it('names the start that contributed and the connector it went through most', () => {
    const { bestQuery, connector, lookalikes } = tasteWalk(input);
    expect(bestQuery[0]).toBe(0);
    expect(index.kind(connector[0]!)).toBe(1); // a traveller
    expect(lookalikes.map((l) => index.keyOf(l.node))).not.toContain(nodeKey('traveller', 'lea'));
    expect(lookalikes[0]!.visits).toBeGreaterThan(0);
  });

  it('is deterministic for a seed, and stays within its step budget', () => {
    const a = tasteWalk({ ...input, budget: 500 });
    const b = tasteWalk({ ...input, budget: 500 });
    expect(Array.from(a.score)).toEqual(Array.from(b.score));
    expect(a.steps).toBeLessThanOrEqual(500);
  });

  it('counts co-visitors without the traveller herself', () => {
    expect(coVisitors(index, n(baratin.id), n(otherWine.id), lea)).toBe(3);
    expect(coVisitors(index, n(baratin.id), n(gym.id), lea)).toBe(0);
  });
});
