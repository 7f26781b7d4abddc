// The point of a way or relation must lie inside its outline, even when the outline is concave.
import { describe, expect, it } from 'vitest';
import type { Polygon, Ring } from './inside-point.ts';
import { insidePoint, pointInPolygon, polygonAreaM2 } from './inside-point.ts';
import type { OsmExtract, OsmNode } from './read-osm-pbf.ts';
import { outlinePolygons, stitchRings } from './osm-outlines.ts';

// An L whose two arms are thin: the average of its vertices falls in the empty corner.
const L_SHAPE: Ring = [
  [2.3, 48.85],
  [2.31, 48.85],
  [2.31, 48.851],
  [2.301, 48.851],
  [2.301, 48.86],
  [2.3, 48.86],
  [2.3, 48.85],
];

function average(ring: Ring): [number, number] {
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

describe('insidePoint', () => {
  it('puts the point of a concave L-shape inside it, where the vertex average is outside', () => {
    const polygon: Polygon = [L_SHAPE];
    expect(pointInPolygon(average(L_SHAPE), polygon)).toBe(false);
    const p = insidePoint(polygon);
    expect(pointInPolygon(p, polygon)).toBe(true);
  });

  it('avoids holes', () => {
    const outer: Ring = [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0],
    ];
    const hole: Ring = [
      [0.003, 0.003],
      [0.007, 0.003],
      [0.007, 0.007],
      [0.003, 0.007],
      [0.003, 0.003],
    ];
    const p = insidePoint([outer, hole]);
    expect(pointInPolygon(p, [outer, hole])).toBe(true);
  });

  it('measures areas in square metres', () => {
    // About 100 m × 100 m at the latitude of Paris.
    const dLat = 100 / 111_320;
    const dLon = 100 / (111_320 * Math.cos((48.85 * Math.PI) / 180));
    const square: Ring = [
      [2.3, 48.85],
      [2.3 + dLon, 48.85],
      [2.3 + dLon, 48.85 + dLat],
      [2.3, 48.85 + dLat],
      [2.3, 48.85],
    ];
    expect(polygonAreaM2([square])).toBeCloseTo(10_000, -1);
  });
});

describe('relation outlines', () => {
  it('stitches outer ways given in any direction into one ring', () => {
    expect(
      stitchRings([
        [1, 2, 3],
        [5, 4, 3],
        [5, 1],
      ]),
    ).toEqual([[1, 2, 3, 4, 5, 1]]);
  });

  it('builds a multipolygon from split outer ways and keeps the inner ring as a hole', () => {
    const coords: Record<number, [number, number]> = {
      1: [0, 0],
      2: [0.01, 0],
      3: [0.01, 0.01],
      4: [0, 0.01],
      5: [0.004, 0.004],
      6: [0.006, 0.004],
      7: [0.006, 0.006],
      8: [0.004, 0.006],
    };
    const nodes = new Map<number, OsmNode>(Object.entries(coords).map(([id, [lon, lat]]) => [Number(id), { type: 'node', id: Number(id), lat, lon, tags: {} }]));
    const extract: OsmExtract = {
      timestamp: null,
      nodes,
      ways: new Map([
        [10, { type: 'way', id: 10, refs: [1, 2, 3], tags: {} }],
        [11, { type: 'way', id: 11, refs: [3, 4, 1], tags: {} }],
        [12, { type: 'way', id: 12, refs: [5, 6, 7, 8, 5], tags: {} }],
      ]),
      relations: new Map(),
    };
    const polygons = outlinePolygons(extract, {
      type: 'relation',
      id: 99,
      tags: { type: 'multipolygon', leisure: 'park' },
      members: [
        { type: 'way', ref: 10, role: 'outer' },
        { type: 'way', ref: 11, role: 'outer' },
        { type: 'way', ref: 12, role: 'inner' },
      ],
    });
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expect(pointInPolygon(insidePoint(polygons[0]!), polygons[0]!)).toBe(true);
  });
});
