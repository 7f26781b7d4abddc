// The raw files the Paris catalogue is built from, with the dates and licences data/README.md repeats.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceFile {
  key: 'restaurants' | 'operaArea' | 'cafes' | 'parksSports' | 'cinemas' | 'museums' | 'markets';
  path: string;
  /** Data date (Overpass date, export date or snapshot date), used to let the newest copy of an OSM object win. */
  date: string;
  licence: string;
}

export const PARIS_SOURCES: readonly SourceFile[] = [
  { key: 'restaurants', path: 'osm/paris-restaurants-2024-12-19.osm.pbf', date: '2024-12-19', licence: 'ODbL 1.0 (© OpenStreetMap contributors)' },
  { key: 'operaArea', path: 'osm/paris-opera-area-pois-2023-12-09.osm.pbf', date: '2023-12-09', licence: 'ODbL 1.0 (© OpenStreetMap contributors)' },
  { key: 'cafes', path: 'osm/paris-central-cafes-bakeries-2026-05.geojson', date: '2026-05-25', licence: 'ODbL 1.0 (© OpenStreetMap contributors)' },
  { key: 'parksSports', path: 'osm/paris-parks-sports-centres-2025-05-29.osm.pbf', date: '2025-05-29', licence: 'ODbL 1.0 (© OpenStreetMap contributors)' },
  { key: 'cinemas', path: 'opendata/paris-lyon-cinemas-2022.csv', date: '2022-12-31', licence: 'Licence Ouverte 2.0 (Ministère de la Culture – CNC)' },
  { key: 'museums', path: 'opendata/paris-lyon-museums-museofile-2021-06.csv', date: '2021-06-14', licence: 'Licence Ouverte (Ministère de la Culture – Muséofile)' },
  { key: 'markets', path: 'opendata/paris-markets-2022-04.csv', date: '2022-04-03', licence: 'ODbL 1.0 (Ville de Paris)' },
];

export function sourcePath(dataDir: string, key: SourceFile['key']): string {
  const file = PARIS_SOURCES.find((s) => s.key === key);
  if (!file) throw new Error(`unknown source ${key}`);
  return join(dataDir, file.path);
}

export function sourceDate(key: SourceFile['key']): string {
  return PARIS_SOURCES.find((s) => s.key === key)!.date;
}

/** The files missing from dataDir (empty when the build can run). */
export function missingSources(dataDir: string): string[] {
  return PARIS_SOURCES.map((s) => join(dataDir, s.path)).filter((p) => !existsSync(p));
}
