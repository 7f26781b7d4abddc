/**
 * `npm run basemap:build`: derives the offline basemap served at /basemap/ from ../shared/data/basemap/ (OpenMapTiles
 * vector tiles, OSM Bright style and sprite, Noto Sans glyphs) into data/basemap/, which is committed:
 * per city a style and its tiles as files (slimmed: see slim-tile.ts), the glyph ranges the labels use, the
 * sprite and the licences. Deterministic (same inputs, byte-identical outputs: gzip without a timestamp,
 * stable order). Options: --city paris,lyon (default: the cities with a catalogue); ESCALE_DATA_DIR for
 * another raw data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { StyleSpecification } from 'maplibre-gl';
import { fontsOfStyle } from '../../shared/src/index.ts';
import { REPO_ROOT } from '../../server/src/config.ts';
import { formatTable } from '../bench/table.ts';
import { readHeader, readTiles } from './archive.ts';
import { BASEMAP_CITIES, DEFAULT_CITIES, type BasemapCity } from './cities.ts';
import { rangesOf } from './glyph-ranges.ts';
import { offlineStyle } from './offline-style.ts';
import { slimTile } from './slim-tile.ts';

const RAW = path.join(path.resolve(process.env.ESCALE_DATA_DIR ?? path.join(REPO_ROOT, '../shared/data')), 'basemap');
export const OUT = path.join(REPO_ROOT, 'data/basemap');
const SPRITE_FILES = ['sprite.json', 'sprite.png', 'sprite@2x.json', 'sprite@2x.png'];

/** Vector tiles and glyphs are stored gzip-compressed, as the server sends them (Content-Encoding: gzip). */
function writeGzip(file: string, data: Uint8Array): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const gz = zlib.gzipSync(data, { level: 9 });
  fs.writeFileSync(file, gz);
  return gz.length;
}

interface CityReport {
  city: string;
  tiles: number;
  tileBytes: number;
  buildingTiles: number;
  buildingBytes: number;
  labels: Set<string>;
  fonts: string[];
}

async function buildCity(city: BasemapCity, original: StyleSpecification): Promise<CityReport> {
  const archive = path.join(RAW, city.archive);
  const out = path.join(OUT, city.id);
  fs.rmSync(out, { recursive: true, force: true });
  const header = await readHeader(archive);
  const report: CityReport = { city: city.id, tiles: 0, tileBytes: 0, buildingTiles: 0, buildingBytes: 0, labels: new Set(), fonts: [] };
  for await (const tile of readTiles(archive)) {
    const slim = slimTile(tile.data, (text) => report.labels.add(text));
    const name = `${tile.z}/${tile.x}/${tile.y}.pbf`;
    if (slim.base) {
      report.tiles++;
      report.tileBytes += writeGzip(path.join(out, 'tiles', name), slim.base);
    }
    // Buildings are drawn from the deepest zoom only (overzoomed beyond it).
    if (slim.buildings && tile.z === header.maxZoom) {
      report.buildingTiles++;
      report.buildingBytes += writeGzip(path.join(out, 'buildings', name), slim.buildings);
    }
  }
  const style = offlineStyle(original, {
    id: city.id,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    maxzoom: header.maxZoom,
    center: [header.centerLon, header.centerLat],
  });
  fs.writeFileSync(path.join(out, 'style.json'), `${JSON.stringify(style, null, 1)}\n`);
  report.fonts = fontsOfStyle(style);
  return report;
}

/** The glyph files of every font for every range in use, kept from earlier builds of other cities too. */
function copyGlyphs(fonts: string[], ranges: string[]): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const font of fonts) {
    for (const range of ranges) {
      const from = path.join(RAW, 'fonts', font, `${range}.pbf`);
      if (!fs.existsSync(from)) throw new Error(`glyphs missing: ${from}`);
      bytes += writeGzip(path.join(OUT, 'fonts', font, `${range}.pbf`), fs.readFileSync(from));
      files++;
    }
  }
  return { files, bytes };
}

function copyFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function existingRanges(): string[] {
  const fontsDir = path.join(OUT, 'fonts');
  if (!fs.existsSync(fontsDir)) return [];
  return fs
    .readdirSync(fontsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((font) => fs.readdirSync(path.join(fontsDir, font.name)).map((f) => f.replace(/\.pbf$/, '')));
}

function selectedCities(): BasemapCity[] {
  const i = process.argv.indexOf('--city');
  const ids = i >= 0 ? (process.argv[i + 1] ?? '').split(',') : DEFAULT_CITIES;
  return ids.map((id) => {
    const city = BASEMAP_CITIES.find((c) => c.id === id);
    if (!city) throw new Error(`unknown city "${id}"; known: ${BASEMAP_CITIES.map((c) => c.id).join(', ')}`);
    return city;
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(RAW)) {
    console.log(`The raw basemap files are not here (${RAW}): nothing to build. data/basemap/ stays as committed.`);
    return;
  }
  const original = JSON.parse(fs.readFileSync(path.join(RAW, 'styles/osm-bright-offline.json'), 'utf8')) as StyleSpecification;
  const reports: CityReport[] = [];
  for (const city of selectedCities()) reports.push(await buildCity(city, original));

  const labels = reports.flatMap((r) => [...r.labels]);
  const ranges = [...new Set([...rangesOf(labels), ...existingRanges()])].sort((a, b) => parseInt(a) - parseInt(b));
  const fonts = [...new Set(reports.flatMap((r) => r.fonts))].sort();
  const glyphs = copyGlyphs(fonts, ranges);
  for (const file of SPRITE_FILES) copyFile(path.join(RAW, 'sprites/osm-bright', file), path.join(OUT, 'sprites/osm-bright', file));
  copyFile(path.join(RAW, 'styles/LICENSE-osm-bright.md'), path.join(OUT, 'LICENSE-osm-bright.md'));
  copyFile(path.join(RAW, 'fonts/LICENSE-noto-sans.txt'), path.join(OUT, 'fonts/LICENSE-noto-sans.txt'));

  const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  console.log(
    formatTable(
      ['city', 'tiles', 'tile bytes', 'building tiles', 'building bytes'],
      reports.map((r) => [r.city, r.tiles, kb(r.tileBytes), r.buildingTiles, kb(r.buildingBytes)]),
    ),
  );
  console.log(`\nglyphs: ${fonts.length} fonts × ${ranges.length} ranges (${ranges.join(', ')}) = ${glyphs.files} files, ${kb(glyphs.bytes)}`);
  console.log(`written to ${path.relative(REPO_ROOT, OUT)}/`);
}

await main();
