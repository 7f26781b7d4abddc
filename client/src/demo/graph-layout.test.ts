import { describe, expect, it } from 'vitest';
import type { DemoGraphNode } from '@escale/shared';
import { LABEL_SPACE, layoutGraph, VIEW_HEIGHT, VIEW_WIDTH, type GraphLayout } from './graph-layout.ts';

type Node = Pick<DemoGraphNode, 'id' | 'kind'>;

/** A neighbourhood shaped like server/src/demo/graph-around.ts builds it, for a visitor with `own` places. */
function neighbourhood({ own = 6, tags = 4, area = true, city = true }: { own?: number; tags?: number; area?: boolean; city?: boolean } = {}): Node[] {
  return [
    { id: 'place:osm:node/1', kind: 'suggestion' },
    { id: 'category:bar', kind: 'category' },
    ...Array.from({ length: tags }, (_, i): Node => ({ id: `tag:t${i}`, kind: 'tag' })),
    ...(area ? [{ id: 'area', kind: 'area' } as const] : []),
    ...(city ? [{ id: 'city:paris', kind: 'city' } as const] : []),
    { id: 'you', kind: 'you' },
    ...Array.from({ length: own }, (_, i): Node => ({ id: `place:osm:node/${100 + i}`, kind: 'your_place' })),
    { id: 'travellers', kind: 'travellers' },
  ];
}

const CASES: [string, Node[]][] = [
  ['the largest graph the server sends', neighbourhood()],
  ['a visitor whose history is not read', neighbourhood({ own: 0 })],
  ['a place with one tag and no area', neighbourhood({ own: 1, tags: 1, area: false })],
  ['a suggestion alone', [{ id: 'place:x', kind: 'suggestion' }]],
  ['twice what the server sends', neighbourhood({ own: 12, tags: 8 })],
];

function overlaps(layout: GraphLayout): string[] {
  const entries = Object.entries(layout.nodes);
  const found: string[] = [];
  entries.forEach(([a, p], i) => {
    for (const [b, q] of entries.slice(i + 1)) if (Math.hypot(p.x - q.x, p.y - q.y) < p.r + q.r + 4) found.push(`${a} × ${b}`);
  });
  return found;
}

describe('layoutGraph', () => {
  it.each(CASES)('places every node of %s', (_, nodes) => {
    const layout = layoutGraph(nodes);
    expect(Object.keys(layout.nodes).sort()).toEqual(nodes.map((n) => n.id).sort());
  });

  it.each(CASES)('keeps every shape and its label inside the frame for %s', (_, nodes) => {
    const layout = layoutGraph(nodes);
    expect(layout).toMatchObject({ width: VIEW_WIDTH, height: VIEW_HEIGHT });
    for (const { x, y, r } of Object.values(layout.nodes)) {
      expect(x - r).toBeGreaterThanOrEqual(0);
      expect(x + r).toBeLessThanOrEqual(VIEW_WIDTH);
      expect(y - r).toBeGreaterThanOrEqual(0);
      expect(y + r + LABEL_SPACE).toBeLessThanOrEqual(VIEW_HEIGHT);
    }
  });

  it.each(CASES)('never puts two shapes on top of each other for %s', (_, nodes) => {
    expect(overlaps(layoutGraph(nodes))).toEqual([]);
  });

  it('draws the same graph the same way every time, whatever else was drawn before', () => {
    const first = layoutGraph(neighbourhood());
    layoutGraph(neighbourhood({ own: 12, tags: 8 }));
    expect(layoutGraph(neighbourhood())).toEqual(first);
  });

  it('puts the visitor left, their places between them and the suggestion, the facts right, the travellers below', () => {
    const { nodes } = layoutGraph(neighbourhood());
    const at = (id: string) => nodes[id] as { x: number; y: number };
    const centre = at('place:osm:node/1');
    expect(at('you').x).toBeLessThan(centre.x);
    for (let i = 0; i < 6; i += 1) {
      const own = at(`place:osm:node/${100 + i}`);
      expect(own.x).toBeGreaterThan(at('you').x);
      expect(own.x).toBeLessThan(centre.x);
    }
    for (const id of ['category:bar', 'tag:t0', 'tag:t3', 'area', 'city:paris']) expect(at(id).x).toBeGreaterThan(centre.x);
    expect(at('travellers').y).toBeGreaterThan(centre.y);
    expect(Math.abs(at('travellers').x - centre.x)).toBeLessThan(1);
  });

  it('orders the facts from what the place is to where it is', () => {
    const { nodes } = layoutGraph(neighbourhood().reverse());
    const y = (id: string) => (nodes[id] as { y: number }).y;
    expect(y('category:bar')).toBeLessThan(y('tag:t0'));
    expect(y('tag:t3')).toBeLessThan(y('area'));
  });

  it('keeps the first place of a repeated id', () => {
    const { nodes } = layoutGraph([
      { id: 'a', kind: 'suggestion' },
      { id: 'a', kind: 'city' },
    ]);
    expect(Object.keys(nodes)).toEqual(['a']);
    expect(nodes.a?.r).toBe(36);
  });
});
