// Turns OSM ways and multipolygon relations into polygons; relation outers are often split across several ways.
import type { OsmElement, OsmExtract } from './read-osm-pbf.ts';
import type { Polygon, Ring } from './inside-point.ts';
import { pointInPolygon, polygonAreaM2 } from './inside-point.ts';

function wayCoords(extract: OsmExtract, refs: number[]): Ring | null {
  const ring: Ring = [];
  for (const ref of refs) {
    const n = extract.nodes.get(ref);
    if (!n) return null;
    ring.push([n.lon, n.lat]);
  }
  return ring;
}

/** Joins way segments end to end into closed rings; segments that never close are dropped. */
export function stitchRings(segments: number[][]): number[][] {
  const open = segments.filter((s) => s.length >= 2).map((s) => [...s]);
  const rings: number[][] = [];
  while (open.length > 0) {
    let current = open.shift()!;
    let grew = true;
    while (current[0] !== current[current.length - 1] && grew) {
      grew = false;
      const end = current[current.length - 1];
      for (let i = 0; i < open.length; i++) {
        const seg = open[i]!;
        if (seg[0] === end) current = current.concat(seg.slice(1));
        else if (seg[seg.length - 1] === end) current = current.concat([...seg].reverse().slice(1));
        else continue;
        open.splice(i, 1);
        grew = true;
        break;
      }
    }
    if (current.length >= 4 && current[0] === current[current.length - 1]) rings.push(current);
  }
  return rings;
}

/**
 * The polygons of a way (one, if closed) or a multipolygon relation (one per outer ring, with the inner
 * rings that lie inside it). Nodes only have no outline: returns [].
 */
export function outlinePolygons(extract: OsmExtract, el: OsmElement): Polygon[] {
  if (el.type === 'node') return [];
  if (el.type === 'way') {
    if (el.refs.length < 4 || el.refs[0] !== el.refs[el.refs.length - 1]) return [];
    const ring = wayCoords(extract, el.refs);
    return ring ? [[ring]] : [];
  }
  const outerSegs: number[][] = [];
  const innerSegs: number[][] = [];
  for (const m of el.members) {
    if (m.type !== 'way') continue;
    const way = extract.ways.get(m.ref);
    if (!way) continue;
    (m.role === 'inner' ? innerSegs : outerSegs).push(way.refs);
  }
  const toRing = (refs: number[]) => wayCoords(extract, refs);
  const outers = stitchRings(outerSegs)
    .map(toRing)
    .filter((r): r is Ring => r !== null);
  const inners = stitchRings(innerSegs)
    .map(toRing)
    .filter((r): r is Ring => r !== null);
  return outers.map((outer) => {
    const polygon: Polygon = [outer];
    for (const inner of inners) if (inner[0] && pointInPolygon(inner[0], [outer])) polygon.push(inner);
    return polygon;
  });
}

export function outlineAreaM2(polygons: Polygon[]): number {
  return polygons.reduce((s, p) => s + polygonAreaM2(p), 0);
}
