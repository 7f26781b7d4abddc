/**
 * `npm run catalogue:generate-osm -- [--places 100000] [--out FILE] [--seed 1]`: writes a synthetic OSM PBF
 * for the importer's throughput and memory check: named leisure POIs (restaurants, cafés, bars, museums,
 * parks, cinemas… with cuisines, addresses and opening hours in OSM syntax) spread over Paris's extent,
 * plus a fifth as many nodes that are not places (unnamed, or shops). Every name says it is generated.
 * The file follows the OSM PBF format (BlobHeader, zlib Blobs, PrimitiveBlocks of plain nodes, at most
 * 8,000 per block), written with `pbf` so that the importer reads it through the same parser as real files.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import Pbf from 'pbf';

const { values } = parseArgs({ options: { places: { type: 'string', default: '100000' }, out: { type: 'string', default: 'tmp/generated-100k.osm.pbf' }, seed: { type: 'string', default: '1' } } });
const PLACES = Number(values.places);
const NOISE = Math.round(PLACES / 5);
const BLOCK = 8_000;

/** Mulberry32: the same file for the same seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const KINDS: readonly Record<string, string>[] = [
  { amenity: 'restaurant' },
  { amenity: 'restaurant' },
  { amenity: 'restaurant' },
  { amenity: 'cafe' },
  { amenity: 'cafe' },
  { amenity: 'bar' },
  { amenity: 'pub' },
  { amenity: 'cinema' },
  { amenity: 'theatre' },
  { tourism: 'museum' },
  { leisure: 'park' },
  { leisure: 'sports_centre', sport: 'swimming' },
];
const CUISINES = ['french', 'italian', 'japanese', 'lebanese', 'vietnamese', 'indian', 'pizza', 'vegan'];
const HOURS = ['Mo-Su 12:00-14:30,19:00-23:00', 'Tu-Sa 08:00-19:00', 'Mo-Fr 10:00-18:00; Sa 10:00-20:00', '24/7', 'We-Mo 10:00-18:00; PH off'];
const STREETS = ['Rue de Rivoli', 'Boulevard Voltaire', 'Rue Oberkampf', 'Avenue de Clichy', 'Rue de la Roquette', 'Rue du Faubourg Saint-Antoine'];

interface Node {
  id: number;
  lat: number;
  lon: number;
  tags: Record<string, string>;
}

function node(i: number): Node {
  const lat = 48.815 + random() * 0.087;
  const lon = 2.224 + random() * 0.246;
  if (i >= PLACES) return { id: i + 1, lat, lon, tags: random() < 0.5 ? {} : { shop: 'convenience', name: `Generated shop ${i}` } };
  const kind = pick(KINDS);
  const tags: Record<string, string> = { ...kind, name: `Generated ${kind.amenity ?? kind.tourism ?? kind.leisure} ${i}` };
  if (kind.amenity === 'restaurant') tags.cuisine = pick(CUISINES);
  if (random() < 0.4) tags.opening_hours = pick(HOURS);
  if (random() < 0.5)
    Object.assign(tags, { 'addr:housenumber': String(1 + Math.floor(random() * 200)), 'addr:street': pick(STREETS), 'addr:postcode': `750${String(1 + Math.floor(random() * 20)).padStart(2, '0')}` });
  return { id: i + 1, lat, lon, tags };
}

function blob(type: string, payload: Uint8Array): Buffer {
  const zipped = zlib.deflateSync(payload);
  const b = new Pbf();
  b.writeVarintField(2, payload.length); // raw_size
  b.writeBytesField(3, zipped); // zlib_data
  const blobBytes = b.finish();
  const h = new Pbf();
  h.writeStringField(1, type);
  h.writeVarintField(3, blobBytes.length);
  const header = h.finish();
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, blobBytes]);
}

function headerBlock(): Uint8Array {
  const p = new Pbf();
  p.writeStringField(4, 'OsmSchema-V0.6');
  p.writeStringField(16, 'escale generate-osm-pbf');
  return p.finish();
}

function primitiveBlock(nodes: Node[]): Uint8Array {
  const strings = new Map<string, number>([['', 0]]);
  const index = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const encoded = nodes.map((n) => ({ n, keys: Object.keys(n.tags).map(index), vals: Object.values(n.tags).map(index) }));
  const p = new Pbf();
  p.writeMessage(
    1,
    (table: string[], pbf: Pbf) => {
      for (const s of table) pbf.writeBytesField(1, Buffer.from(s, 'utf8'));
    },
    [...strings.keys()],
  );
  p.writeMessage(
    2,
    (list: typeof encoded, pbf: Pbf) => {
      for (const { n, keys, vals } of list) {
        pbf.writeMessage(
          1,
          (_: unknown, w: Pbf) => {
            w.writeSVarintField(1, n.id);
            w.writePackedVarint(2, keys);
            w.writePackedVarint(3, vals);
            w.writeSVarintField(8, Math.round(n.lat * 1e7)); // granularity 100 nanodegrees
            w.writeSVarintField(9, Math.round(n.lon * 1e7));
          },
          null,
        );
      }
    },
    encoded,
  );
  return p.finish();
}

const out = values.out;
fs.mkdirSync(new URL('.', `file://${fs.realpathSync('.')}/${out}`).pathname, { recursive: true });
const fd = fs.openSync(out, 'w');
fs.writeSync(fd, blob('OSMHeader', headerBlock()));
const total = PLACES + NOISE;
for (let first = 0; first < total; first += BLOCK) {
  const nodes = Array.from({ length: Math.min(BLOCK, total - first) }, (_, k) => node(first + k));
  fs.writeSync(fd, blob('OSMData', primitiveBlock(nodes)));
}
fs.closeSync(fd);
console.log(`${out}: ${PLACES} places and ${NOISE} other nodes, ${(fs.statSync(out).size / 1048576).toFixed(1)} MiB`);
