// Puts a way's or relation's point inside its outline: an average of vertices can fall outside a concave shape.
import polylabel from 'polylabel';

/** A ring as [lon, lat] pairs; first and last may or may not repeat. */
export type Ring = Array<[number, number]>;
/** A polygon: outer ring first, then holes (GeoJSON order). */
export type Polygon = Ring[];

const METERS_PER_DEGREE_LAT = 111_320;

// polylabel measures distances in the units it is given; degrees of longitude are shorter than degrees of
// latitude at 48.86°N, so project to local metres first to find the truly most inland point.
function projector(lat0: number) {
  const kx = METERS_PER_DEGREE_LAT * Math.cos((lat0 * Math.PI) / 180);
  return {
    forward: ([lon, lat]: [number, number]): [number, number] => [lon * kx, lat * METERS_PER_DEGREE_LAT],
    inverse: ([x, y]: [number, number]): [number, number] => [x / kx, y / METERS_PER_DEGREE_LAT],
  };
}

function refLat(polygon: Polygon): number {
  const outer = polygon[0] ?? [];
  let min = Infinity;
  let max = -Infinity;
  for (const [, lat] of outer) {
    min = Math.min(min, lat);
    max = Math.max(max, lat);
  }
  return Number.isFinite(min) ? (min + max) / 2 : 0;
}

/** Area in square metres of a ring (shoelace on the local projection). */
export function ringAreaM2(ring: Ring, lat0 = refLat([ring])): number {
  const p = projector(lat0);
  const pts = ring.map(p.forward);
  let sum = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) / 2;
}

/** Outer area minus holes, in square metres. */
export function polygonAreaM2(polygon: Polygon): number {
  const lat0 = refLat(polygon);
  const [outer, ...holes] = polygon;
  if (!outer) return 0;
  return Math.max(0, ringAreaM2(outer, lat0) - holes.reduce((s, h) => s + ringAreaM2(h, lat0), 0));
}

/** Even-odd test, holes included. */
export function pointInPolygon([x, y]: [number, number], polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The pole of inaccessibility of the polygon (to about 0.5 m), as [lon, lat]. */
export function insidePoint(polygon: Polygon): [number, number] {
  const p = projector(refLat(polygon));
  const projected = polygon.map((ring) => ring.map(p.forward));
  const best = polylabel(projected, 0.5);
  return p.inverse([best[0]!, best[1]!]);
}

/** The largest polygon of several (a relation's outer rings, a market's MultiPolygon). */
export function largestPolygon(polygons: Polygon[]): Polygon | null {
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = polygonAreaM2(polygon);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
