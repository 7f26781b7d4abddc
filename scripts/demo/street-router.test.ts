/**
 * The street router on the committed Paris tiles: routes follow the graph, stay close to the crow-flies
 * distance, join across tile edges, and cross the Seine on a bridge. Skipped without the Paris basemap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { distanceMeters } from '@escale/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStreetNetwork, NoRouteError, routeWalk, tilesDir, type StreetNetwork } from './street-router.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = tilesDir(ROOT, 'paris');
const hasTiles = fs.existsSync(DIR);
if (!hasTiles) console.warn(`street-router tests skipped: ${DIR} is absent (npm run basemap:build)`);

// Real catalogue places (data/paris/places.json), left and right of the Seine.
const KODAWARI_MAZARINE = { lat: 48.854628, lon: 2.338114 }; // 29 Rue Mazarine, 6e (Left Bank)
const WILLIS_WINE_BAR = { lat: 48.866345, lon: 2.33829 }; // Rue des Petits-Champs, 1er (Right Bank)
const CLIMBING_DISTRICT_BASTILLE = { lat: 48.847796, lon: 2.370589 };
const ARKOSE_MONTMARTRE = { lat: 48.886872, lon: 2.333085 };
// Midpoints of the bridges between the two: Pont des Arts, Pont Neuf (its western arm), Pont du Carrousel.
const BRIDGES = [
  { lat: 48.85834, lon: 2.33752 },
  { lat: 48.85708, lon: 2.34116 },
  { lat: 48.85952, lon: 2.33347 },
];
// The Seine between the Pont du Carrousel and the Pont Neuf runs east–west at about this latitude.
const SEINE_LAT = 48.8582;

describe.skipIf(!hasTiles)('street router on the Paris tiles', () => {
  let network: StreetNetwork;
  beforeAll(() => {
    network = buildStreetNetwork(DIR);
  }, 60_000);

  it('gives a continuous walk: every consecutive pair of vertices is a street of the graph', () => {
    const route = routeWalk(network, KODAWARI_MAZARINE, WILLIS_WINE_BAR);
    expect(route.nodes.length).toBeGreaterThan(10);
    for (let i = 0; i + 1 < route.nodes.length; i++) expect(network.graph.hasEdge(route.nodes[i]!, route.nodes[i + 1]!)).toBe(true);
    // The simplified path keeps graph vertices only, in walking order.
    const coords = route.nodes.map((n) => {
      const { lon, lat } = network.graph.getNodeAttributes(n);
      return `${lon},${lat}`;
    });
    let cursor = 0;
    for (const [lon, lat] of route.path) {
      cursor = coords.indexOf(`${lon},${lat}`, cursor);
      expect(cursor).toBeGreaterThanOrEqual(0);
    }
    expect(route.path[0]).toEqual(coords[0]!.split(',').map(Number));
  });

  it('walks between 1.0× and 1.8× the straight line, and starts and ends within a few metres of the places', () => {
    for (const [from, to] of [
      [KODAWARI_MAZARINE, WILLIS_WINE_BAR],
      [CLIMBING_DISTRICT_BASTILLE, ARKOSE_MONTMARTRE],
    ] as const) {
      const route = routeWalk(network, from, to);
      const straight = distanceMeters(from, to);
      expect(route.lengthMeters / straight).toBeGreaterThanOrEqual(0.97);
      expect(route.lengthMeters / straight).toBeLessThan(1.8);
      const [first, last] = [route.path[0]!, route.path[route.path.length - 1]!];
      expect(distanceMeters(from, { lon: first[0], lat: first[1] })).toBeLessThan(60);
      expect(distanceMeters(to, { lon: last[0], lat: last[1] })).toBeLessThan(60);
    }
  });

  it('crosses the Seine on a bridge, not through the water', () => {
    const route = routeWalk(network, KODAWARI_MAZARINE, WILLIS_WINE_BAR);
    const crossing = route.nodes.findIndex((n, i) => {
      const next = route.nodes[i + 1];
      if (!next) return false;
      const [a, b] = [network.graph.getNodeAttributes(n), network.graph.getNodeAttributes(next)];
      return (a.lat - SEINE_LAT) * (b.lat - SEINE_LAT) <= 0;
    });
    expect(crossing).toBeGreaterThanOrEqual(0);
    const edge = network.graph.getEdgeAttributes(route.nodes[crossing]!, route.nodes[crossing + 1]!);
    expect(edge.bridge).toBe(true);
    // Where that street meets the river's latitude, it is on one of the known bridges.
    const [a, b] = [network.graph.getNodeAttributes(route.nodes[crossing]!), network.graph.getNodeAttributes(route.nodes[crossing + 1]!)];
    const t = (SEINE_LAT - a.lat) / (b.lat - a.lat);
    const onRiver = { lat: SEINE_LAT, lon: a.lon + t * (b.lon - a.lon) };
    const nearestBridge = Math.min(...BRIDGES.map((bridge) => distanceMeters(bridge, onRiver)));
    expect(nearestBridge).toBeLessThan(40);
  });

  it('joins streets across tile edges (one component holds almost the whole network)', () => {
    // Paris z14 tiles are ~1.6 km wide: a 4 km walk crosses several edges, which is impossible unless joined.
    const route = routeWalk(network, CLIMBING_DISTRICT_BASTILLE, ARKOSE_MONTMARTRE);
    expect(route.lengthMeters).toBeGreaterThan(4000);
  });

  it('refuses a point far from any street', () => {
    expect(() => routeWalk(network, { lat: 48.0, lon: 2.0 }, WILLIS_WINE_BAR)).toThrow(NoRouteError);
  });
});

const BARCELONA = tilesDir(ROOT, 'barcelona');

describe.skipIf(!fs.existsSync(BARCELONA))('street router on the Barcelona tiles (OpenMapTiles 3.3, 2016)', () => {
  it('joins side streets that end on a square or a through street without sharing a vertex (T-junctions)', () => {
    const network = buildStreetNetwork(BARCELONA);
    // Rossini on the Plaça Reial, Rocambolesc across La Rambla: 175 m apart. Without the T-junction joins the
    // square's streets are dead ends and the walk goes round by the port (1.3 km).
    const rossini = { lat: 41.3799, lon: 2.17585 };
    const rocambolesc = { lat: 41.38025, lon: 2.17381 };
    const route = routeWalk(network, rossini, rocambolesc);
    expect(route.lengthMeters).toBeLessThan(2 * distanceMeters(rossini, rocambolesc));
  }, 60_000);
});
