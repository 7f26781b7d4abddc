/**
 * `npm run demo:trips`: compiles every scripted trip (scripts/demo/trips/) into data/personas/<id>.json,
 * routing its walks on the city's committed basemap tiles, and builds the trips' Apple Wallet passes from
 * their pass.json. Deterministic (no clock, no randomness): a rebuild gives the same bytes, which
 * scripts/demo/build-trips.test.ts checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoTrip } from '@escale/shared';
import { buildPass } from '../wallet/build-sample-passes.ts';
import { buildStreetNetwork, tilesDir, type StreetNetwork } from './street-router.ts';
import { compileTrip, type CataloguePlace, type TripScript, type TripSources } from './trip-script.ts';
import { leaParis } from './trips/lea-paris.ts';
import { marcLyon } from './trips/marc-lyon.ts';
import { martinsBarcelonaLyon } from './trips/martins-barcelona-lyon.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PERSONAS_DIR = path.join(ROOT, 'data/personas');

/** In this order, so that consecutive trips share a city and its network is built once. */
export const TRIP_SCRIPTS: readonly TripScript[] = [leaParis, martinsBarcelonaLyon, marcLyon];

/** Places and street networks read from data/, one city kept in memory at a time (Paris's graph is ~0.5 GB). */
export function dataSources(root = ROOT): TripSources {
  const places = new Map<string, Map<string, CataloguePlace>>();
  let network: { city: string; value: StreetNetwork } | null = null;
  return {
    places(city) {
      let byId = places.get(city);
      if (!byId) {
        const list = JSON.parse(fs.readFileSync(path.join(root, 'data', city, 'places.json'), 'utf8')) as CataloguePlace[];
        byId = new Map(list.map((p) => [p.id, p]));
        places.set(city, byId);
      }
      return byId;
    },
    network(city) {
      if (network?.city !== city) network = { city, value: buildStreetNetwork(tilesDir(root, city)) };
      return network.value;
    },
  };
}

/** Pretty JSON with each [lon, lat] pair on one line: readable, and diffs stay a line per point. */
export function tripJson(trip: DemoTrip): string {
  return `${JSON.stringify(trip, null, 2).replace(/\[\n\s+(-?[\d.]+),\n\s+(-?[\d.]+)\n\s+\]/g, '[$1, $2]')}\n`;
}

/** Every file the build writes, by path under data/personas/, in a stable order. */
export function buildTripFiles(root = ROOT): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const dir = path.join(root, 'data/personas');
  for (const tripDir of fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const passDir = path.join(dir, tripDir.name, 'pkpass');
    if (!fs.existsSync(passDir)) continue;
    for (const file of fs
      .readdirSync(passDir)
      .filter((f) => f.endsWith('.pass.json'))
      .sort()) {
      files.set(`${tripDir.name}/${file.replace(/\.pass\.json$/, '.pkpass')}`, buildPass(fs.readFileSync(path.join(passDir, file))));
    }
  }
  const sources = dataSources(root);
  for (const script of TRIP_SCRIPTS) files.set(`${script.id}.json`, new TextEncoder().encode(tripJson(compileTrip(script, sources))));
  return files;
}

if (process.argv[1] === import.meta.filename) {
  for (const [name, bytes] of buildTripFiles()) {
    fs.writeFileSync(path.join(PERSONAS_DIR, name), bytes);
    console.log(`wrote data/personas/${name}`);
  }
}
