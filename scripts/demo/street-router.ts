/**
 * Walking routes along real streets for the scripted demo trips: a graph built from a city's committed z14
 * vector tiles (OpenMapTiles `transportation` layer), and the shortest walk between two points on it.
 * Only the demo-trip build uses it; the server never routes (suggestions give crow-flies distances).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { distanceMeters, type LatLon } from '@escale/shared';
import { UndirectedGraph } from 'graphology';
import { bidirectional as astar } from 'graphology-shortest-path/astar.js';
import KDBush from 'kdbush';
import Pbf from 'pbf';

export const TILE_ZOOM = 14;
/** A walk's ends are snapped to the network within this distance; farther, the place is off the map. */
export const SNAP_RADIUS_METERS = 150;
/** Two cut points of one street on a shared tile edge, computed from each side, are this close or closer. */
const EDGE_JOIN_METERS = 1.5;
/** A vertex is dropped from the output when it lies this close to the line through its neighbours. */
const COLLINEAR_METERS = 0.3;

/**
 * OpenMapTiles classes a pedestrian may use. Motorways, trunks (the Périphérique, the riverside expressways),
 * rail, ferries and construction are out; so are tunnels (a walk drawn underground looks like a teleport,
 * and most foot tunnels in the tiles are metro corridors).
 */
export const WALKABLE_CLASSES = new Set(['minor', 'service', 'path', 'pedestrian', 'track', 'tertiary', 'secondary', 'primary', 'pier']);

export interface StreetNode {
  lon: number;
  lat: number;
}
export interface StreetEdge {
  meters: number;
  bridge: boolean;
}
export type StreetGraph = UndirectedGraph<StreetNode, StreetEdge>;

export interface StreetNetwork {
  graph: StreetGraph;
  /** Nearest-node lookups over the largest connected component only, so every snapped pair has a route. */
  nearest(point: LatLon, radiusMeters?: number): string | null;
}

export interface WalkRoute {
  /** [lon, lat] pairs, graph vertices only, collinear ones dropped; first and last are the snapped ends. */
  path: [number, number][];
  /** Every graph vertex walked through, in order: consecutive ones are edges of the graph. */
  nodes: string[];
  lengthMeters: number;
}

export function tilesDir(root: string, city: string): string {
  return path.join(root, 'data/basemap', city, 'tiles', String(TILE_ZOOM));
}

/** World size in tile units at TILE_ZOOM for a tile extent, so that every tile shares one integer grid. */
const worldSize = (extent: number) => extent * 2 ** TILE_ZOOM;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function toLonLat(gx: number, gy: number, world: number): StreetNode {
  const lon = (gx / world) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * gy) / world))) * 180) / Math.PI;
  return { lon: round6(lon), lat: round6(lat) };
}

interface RawVertex {
  gx: number;
  gy: number;
  /** On a tile edge, interpolated: its twin from the neighbouring tile is merged with it later. */
  cut: boolean;
}

/** Liang–Barsky: the part of segment a→b inside [0, extent]², as parameters t0 ≤ t1, or null. */
function clipSegment(ax: number, ay: number, bx: number, by: number, extent: number): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const checks: [number, number][] = [
    [-dx, ax],
    [dx, extent - ax],
    [-dy, ay],
    [dy, extent - ay],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return t0 <= t1 ? [t0, t1] : null;
}

/** The walkable lines of one tile, clipped to the tile's own square (its buffer belongs to the neighbours). */
function tileLines(data: Uint8Array, tx: number, ty: number): { lines: { vertices: RawVertex[]; bridge: boolean }[]; extent: number } {
  const layer = new VectorTile(new Pbf(data)).layers.transportation;
  if (!layer) return { lines: [], extent: 4096 };
  const extent = layer.extent;
  const lines: { vertices: RawVertex[]; bridge: boolean }[] = [];
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const { class: cls, brunnel } = feature.properties;
    // Polygons are pedestrian areas (squares such as Barcelona's Plaça Reial in OMT 3.3 tiles): their outline
    // is walked like a street, which joins the streets that open onto the square.
    if (feature.type === 1 || typeof cls !== 'string' || !WALKABLE_CLASSES.has(cls) || brunnel === 'tunnel') continue;
    const bridge = brunnel === 'bridge';
    for (const ring of feature.loadGeometry()) {
      let current: RawVertex[] = [];
      const vertex = (x: number, y: number, cut: boolean): RawVertex => ({ gx: tx * extent + x, gy: ty * extent + y, cut });
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[k]!;
        const b = ring[k + 1]!;
        const clipped = clipSegment(a.x, a.y, b.x, b.y, extent);
        if (!clipped) {
          if (current.length > 1) lines.push({ vertices: current, bridge });
          current = [];
          continue;
        }
        const [t0, t1] = clipped;
        const start = t0 === 0 ? vertex(a.x, a.y, false) : vertex(a.x + t0 * (b.x - a.x), a.y + t0 * (b.y - a.y), true);
        const end = t1 === 1 ? vertex(b.x, b.y, false) : vertex(a.x + t1 * (b.x - a.x), a.y + t1 * (b.y - a.y), true);
        if (t0 > 0 && current.length > 1) lines.push({ vertices: current, bridge });
        if (t0 > 0 || current.length === 0) current = [start];
        current.push(end);
        if (t1 < 1) {
          if (current.length > 1) lines.push({ vertices: current, bridge });
          current = [];
        }
      }
      if (current.length > 1) lines.push({ vertices: current, bridge });
    }
  }
  return { lines, extent };
}

function readTile(file: string): Uint8Array {
  const bytes = fs.readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
}

/** Builds the walking network of every z14 tile under `dir` (data/basemap/<city>/tiles/14). */
export function buildStreetNetwork(dir: string): StreetNetwork {
  const lines: { vertices: RawVertex[]; bridge: boolean }[] = [];
  let extent = 4096;
  for (const x of fs.readdirSync(dir).sort()) {
    for (const file of fs.readdirSync(path.join(dir, x)).sort()) {
      const y = Number.parseInt(file, 10);
      if (!file.endsWith('.pbf') || !Number.isFinite(y)) continue;
      const tile = tileLines(readTile(path.join(dir, x, file)), Number(x), y);
      extent = tile.extent;
      for (const line of tile.lines) lines.push(line);
    }
  }
  const world = worldSize(extent);

  // Cut points: each tile interpolates its own, a fraction of a unit apart from the neighbour's twin. They are
  // clustered with a kd-tree and each cluster becomes one node, which is what joins the network across tiles.
  const cuts = lines.flatMap((l) => l.vertices.filter((v) => v.cut));
  const cutKey = new Map<RawVertex, string>();
  if (cuts.length > 0) {
    const index = new KDBush(cuts.length);
    for (const c of cuts) index.add(c.gx, c.gy);
    index.finish();
    const metresPerUnit = (40_075_016.686 / world) * Math.cos((toLonLat(cuts[0]!.gx, cuts[0]!.gy, world).lat * Math.PI) / 180);
    const radius = EDGE_JOIN_METERS / metresPerUnit;
    cuts.forEach((c, i) => {
      if (cutKey.has(c)) return;
      const key = `c${i}`;
      for (const j of index.within(c.gx, c.gy, radius)) if (!cutKey.has(cuts[j]!)) cutKey.set(cuts[j]!, key);
    });
  }

  const graph: StreetGraph = new UndirectedGraph<StreetNode, StreetEdge>();
  const keyOf = (v: RawVertex) => cutKey.get(v) ?? `${v.gx},${v.gy}`;
  for (const line of lines) {
    for (let k = 0; k + 1 < line.vertices.length; k++) {
      const a = line.vertices[k]!;
      const b = line.vertices[k + 1]!;
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka === kb) continue;
      if (!graph.hasNode(ka)) graph.addNode(ka, toLonLat(a.gx, a.gy, world));
      if (!graph.hasNode(kb)) graph.addNode(kb, toLonLat(b.gx, b.gy, world));
      if (graph.hasEdge(ka, kb)) continue;
      graph.addEdge(ka, kb, { meters: distanceMeters(graph.getNodeAttributes(ka), graph.getNodeAttributes(kb)), bridge: line.bridge });
    }
  }
  joinDanglingEnds(graph);
  return { graph, nearest: nearestInLargestComponent(graph) };
}

/** A dead end this close to another street's line is taken to meet it (a T-junction). */
const T_JUNCTION_METERS = 8;
const METERS_PER_DEGREE = 111_195;

/**
 * T-junctions: older tiles (Barcelona's, OMT 3.3) simplify a through street so that a side street ends on
 * its line but not on one of its vertices, and the two would not meet in the graph. Each dead end within
 * T_JUNCTION_METERS of another street's segment is joined to both ends of that segment; the new edges lie
 * along the segment, so a walk still follows the street. Genuine dead ends are farther from any other line.
 */
function joinDanglingEnds(graph: StreetGraph): void {
  let lat0 = 0;
  graph.forEachNode((_, a) => void (lat0 = a.lat));
  const kx = Math.cos((lat0 * Math.PI) / 180) * METERS_PER_DEGREE;
  const cell = 25;
  const cellOf = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  const xy = (n: string): [number, number] => {
    const { lon, lat } = graph.getNodeAttributes(n);
    return [lon * kx, lat * METERS_PER_DEGREE];
  };
  const grid = new Map<string, string[]>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const [[ax, ay], [bx, by]] = [xy(source), xy(target)];
    for (let cx = Math.floor((Math.min(ax, bx) - T_JUNCTION_METERS) / cell); cx <= Math.floor((Math.max(ax, bx) + T_JUNCTION_METERS) / cell); cx++) {
      for (let cy = Math.floor((Math.min(ay, by) - T_JUNCTION_METERS) / cell); cy <= Math.floor((Math.max(ay, by) + T_JUNCTION_METERS) / cell); cy++) {
        const key = `${cx},${cy}`;
        const list = grid.get(key);
        if (list) list.push(edge);
        else grid.set(key, [edge]);
      }
    }
  });
  const ends = graph.filterNodes((n) => graph.degree(n) === 1);
  for (const end of ends) {
    const [px, py] = xy(end);
    let best: { edge: string; meters: number } | null = null;
    for (const edge of grid.get(cellOf(px, py)) ?? []) {
      const [source, target] = graph.extremities(edge);
      if (source === end || target === end) continue;
      const [[ax, ay], [bx, by]] = [xy(source), xy(target)];
      const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2));
      const meters = Math.hypot(ax + t * (bx - ax) - px, ay + t * (by - ay) - py);
      if (meters <= T_JUNCTION_METERS && (!best || meters < best.meters)) best = { edge, meters };
    }
    if (!best) continue;
    const bridge = graph.getEdgeAttribute(best.edge, 'bridge');
    for (const n of graph.extremities(best.edge)) {
      if (!graph.hasEdge(end, n)) graph.addEdge(end, n, { meters: distanceMeters(graph.getNodeAttributes(end), graph.getNodeAttributes(n)), bridge });
    }
  }
}

function largestComponent(graph: StreetGraph): string[] {
  const seen = new Set<string>();
  let best: string[] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const component = [start];
    seen.add(start);
    for (let i = 0; i < component.length; i++) {
      graph.forEachNeighbor(component[i]!, (n) => {
        if (!seen.has(n)) {
          seen.add(n);
          component.push(n);
        }
      });
    }
    if (component.length > best.length) best = component;
  });
  return best;
}

function nearestInLargestComponent(graph: StreetGraph): StreetNetwork['nearest'] {
  const nodes = largestComponent(graph);
  const index = new KDBush(Math.max(1, nodes.length));
  for (const n of nodes) {
    const { lon, lat } = graph.getNodeAttributes(n);
    index.add(lon, lat);
  }
  index.finish();
  return (point, radiusMeters = SNAP_RADIUS_METERS) => {
    const dLat = radiusMeters / 111_195;
    const dLon = dLat / Math.cos((point.lat * Math.PI) / 180);
    let best: string | null = null;
    let bestMeters = radiusMeters;
    for (const i of index.range(point.lon - dLon, point.lat - dLat, point.lon + dLon, point.lat + dLat)) {
      const meters = distanceMeters(point, graph.getNodeAttributes(nodes[i]!));
      if (meters <= bestMeters) {
        bestMeters = meters;
        best = nodes[i]!;
      }
    }
    return best;
  };
}

/** Distance of p from the line through a and c, in metres (local flat approximation, fine under a few km). */
function offLineMeters(a: StreetNode, p: StreetNode, c: StreetNode): number {
  const k = Math.cos((a.lat * Math.PI) / 180);
  const [ax, ay, px, py, cx, cy] = [a.lon * k, a.lat, p.lon * k, p.lat, c.lon * k, c.lat];
  const len = Math.hypot(cx - ax, cy - ay);
  if (len === 0) return distanceMeters(a, p);
  return (Math.abs((cx - ax) * (ay - py) - (ax - px) * (cy - ay)) / len) * 111_195;
}

/** Keeps every vertex where the walk turns; only points on a straight run between their neighbours go. */
function dropCollinear(points: StreetNode[]): StreetNode[] {
  if (points.length <= 2) return points;
  const kept = [points[0]!];
  for (let i = 1; i + 1 < points.length; i++) {
    if (offLineMeters(kept[kept.length - 1]!, points[i]!, points[i + 1]!) > COLLINEAR_METERS) kept.push(points[i]!);
  }
  kept.push(points[points.length - 1]!);
  return kept;
}

export class NoRouteError extends Error {}

/** The shortest walk between two points, each snapped to the network; throws NoRouteError when off the map. */
export function routeWalk(network: StreetNetwork, from: LatLon, to: LatLon): WalkRoute {
  const { graph } = network;
  const source = network.nearest(from);
  const target = network.nearest(to);
  if (!source || !target) throw new NoRouteError(`no street within ${SNAP_RADIUS_METERS} m of ${JSON.stringify(source ? to : from)}`);
  const heuristic = (a: string, b: string) => distanceMeters(graph.getNodeAttributes(a), graph.getNodeAttributes(b));
  const nodes = source === target ? [source] : astar(graph, source, target, 'meters', heuristic);
  if (!nodes || nodes.length === 0) throw new NoRouteError(`no walk between ${source} and ${target}`);
  let lengthMeters = 0;
  for (let i = 0; i + 1 < nodes.length; i++) lengthMeters += graph.getEdgeAttribute(nodes[i]!, nodes[i + 1]!, 'meters');
  const path = dropCollinear(nodes.map((n) => graph.getNodeAttributes(n))).map((p): [number, number] => [p.lon, p.lat]);
  return { path, nodes, lengthMeters: Math.round(lengthMeters) };
}
