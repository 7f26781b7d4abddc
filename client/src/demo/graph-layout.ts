/**
 * Where each node of the demo's "look inside" graph goes: a fixed, readable arrangement rather than a
 * force layout, so the same graph always draws the same way on stage and the eye knows where to look —
 * the suggestion in the centre, the visitor on the left with their places on an arc towards it, what the
 * place is (category, tags, area, city) on the right, and the count of travellers below.
 */
import type { DemoGraphNode } from '@escale/shared';

type Kind = DemoGraphNode['kind'];

export const VIEW_WIDTH = 960;
export const VIEW_HEIGHT = 560;

/** Shapes' radii in viewBox units: the suggestion largest, then the visitor; tags are the lightest facts. */
export const NODE_RADIUS: Record<Kind, number> = {
  suggestion: 36,
  you: 28,
  your_place: 20,
  travellers: 26,
  category: 22,
  tag: 18,
  area: 22,
  city: 24,
};

/** The one line of label written under each shape. */
export const LABEL_SPACE = 24;
/** Air between two neighbours on an arc, on top of their shapes and the label under the upper one. */
const ARC_AIR = 10;

export interface PlacedNode {
  x: number;
  y: number;
  r: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** By node id; a repeated id keeps its first place. */
  nodes: Record<string, PlacedNode>;
}

interface Point {
  x: number;
  y: number;
}

/** An arc of slots: angles in degrees, 0 pointing right and 90 down (SVG's y grows downwards). */
interface Ring {
  centre: Point;
  radius: number;
  from: number;
  to: number;
}

const SUGGESTION: Point = { x: 480, y: 250 };
const YOU: Point = { x: 90, y: 250 };
const FAR_LEFT: Point = { x: -200, y: 250 };

/**
 * Each group's rings, filled in order; the last one takes whatever is left. The first ring holds what the
 * server sends at most (6 of the visitor's places, a category, 4 tags and an area: graph-around.ts); the
 * outer rings only keep a larger graph inside the frame. Radii keep the groups apart: the visitor's places
 * stay well left of the suggestion, the facts' arc starts well right of it, the travellers sit under it.
 */
const RINGS: Record<'suggestion' | 'you' | 'your_place' | 'facts' | 'city' | 'travellers', Ring[]> = {
  suggestion: [
    { centre: SUGGESTION, radius: 0, from: 0, to: 0 },
    { centre: SUGGESTION, radius: 100, from: -125, to: -55 },
  ],
  you: [
    { centre: YOU, radius: 0, from: 0, to: 0 },
    { centre: YOU, radius: 95, from: -90, to: 90 },
  ],
  // A gentle arc (its centre far to the left) rather than a circle round the visitor: the places then
  // stack almost vertically, and each one's label has the width between the visitor and the suggestion.
  your_place: [
    { centre: FAR_LEFT, radius: 480, from: -27, to: 27 },
    { centre: FAR_LEFT, radius: 390, from: -30, to: 30 },
  ],
  facts: [
    { centre: SUGGESTION, radius: 230, from: -62, to: 62 },
    { centre: SUGGESTION, radius: 310, from: -48, to: 48 },
  ],
  city: [{ centre: SUGGESTION, radius: 400, from: 5, to: 40 }],
  travellers: [
    { centre: SUGGESTION, radius: 230, from: 90, to: 90 },
    { centre: SUGGESTION, radius: 290, from: 78, to: 102 },
  ],
};

const GROUP_OF: Record<Kind, keyof typeof RINGS> = {
  suggestion: 'suggestion',
  you: 'you',
  your_place: 'your_place',
  category: 'facts',
  tag: 'facts',
  area: 'facts',
  city: 'city',
  travellers: 'travellers',
};

/** Top to bottom on the facts' arc: what it is, then its tags, then where it is (next to the city). */
const FACT_ORDER: Partial<Record<Kind, number>> = { category: 0, tag: 1, area: 2 };

const rad = (degrees: number) => (degrees * Math.PI) / 180;

function ringCapacity(ring: Ring, spacing: number): number {
  if (ring.radius === 0) return 1;
  return Math.floor((ring.radius * rad(ring.to - ring.from)) / spacing) + 1;
}

/** `count` points centred on the ring's middle, a comfortable step apart, squeezed only if the arc is short. */
function spread(ring: Ring, count: number, spacing: number): Point[] {
  const middle = (ring.from + ring.to) / 2;
  const comfortable = ring.radius === 0 ? 0 : (spacing * 1.5) / ring.radius / (Math.PI / 180);
  const step = count > 1 ? Math.min(comfortable, (ring.to - ring.from) / (count - 1)) : 0;
  return Array.from({ length: count }, (_, i) => {
    const angle = rad(middle + (i - (count - 1) / 2) * step);
    return { x: ring.centre.x + ring.radius * Math.cos(angle), y: ring.centre.y + ring.radius * Math.sin(angle) };
  });
}

function slots(rings: Ring[], count: number, spacing: number): Point[] {
  const points: Point[] = [];
  rings.forEach((ring, index) => {
    const left = count - points.length;
    if (left === 0) return;
    const here = index === rings.length - 1 ? left : Math.min(left, ringCapacity(ring, spacing));
    points.push(...spread(ring, here, spacing));
  });
  return points;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function layoutGraph(nodes: readonly Pick<DemoGraphNode, 'id' | 'kind'>[]): GraphLayout {
  const seen = new Set<string>();
  const groups = new Map<keyof typeof RINGS, Pick<DemoGraphNode, 'id' | 'kind'>[]>();
  for (const node of nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const group = GROUP_OF[node.kind];
    groups.set(group, [...(groups.get(group) ?? []), node]);
  }
  const placed: Record<string, PlacedNode> = {};
  for (const [group, members] of groups) {
    // A stable sort: within a kind, the server's order (its most relevant first) is kept.
    const ordered = group === 'facts' ? [...members].sort((a, b) => (FACT_ORDER[a.kind] ?? 0) - (FACT_ORDER[b.kind] ?? 0)) : members;
    const largest = Math.max(...ordered.map((n) => NODE_RADIUS[n.kind]));
    const points = slots(RINGS[group], ordered.length, 2 * largest + LABEL_SPACE + ARC_AIR);
    ordered.forEach((node, i) => {
      const point = points[i] as Point;
      placed[node.id] = { x: round(point.x), y: round(point.y), r: NODE_RADIUS[node.kind] };
    });
  }
  return { width: VIEW_WIDTH, height: VIEW_HEIGHT, nodes: placed };
}
