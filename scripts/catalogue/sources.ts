// A city's raw files (in ../shared/data), with the dates and licences data/README.md repeats.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceFile {
  /** The name a city definition reads the file by (`restaurants`, `foodDrink`…). */
  key: string;
  path: string;
  /** Data date (Overpass date, export date or snapshot date), used to let the newest copy of an OSM object win. */
  date: string;
  licence: string;
}

export const OSM_LICENCE = 'ODbL 1.0 (© OpenStreetMap contributors)';

export function sourceFile(sources: readonly SourceFile[], key: string): SourceFile {
  const file = sources.find((s) => s.key === key);
  if (!file) throw new Error(`unknown source ${key}`);
  return file;
}

/** The files missing from dataDir (empty when the build can run). */
export function missingSources(dataDir: string, sources: readonly SourceFile[]): string[] {
  return sources.map((s) => join(dataDir, s.path)).filter((p) => !existsSync(p));
}

/** A city's access to its own files: where each is and its data date. */
export function sourcesIn(dataDir: string, sources: readonly SourceFile[]) {
  return {
    path: (key: string) => join(dataDir, sourceFile(sources, key).path),
    date: (key: string) => sourceFile(sources, key).date,
  };
}
export type Sources = ReturnType<typeof sourcesIn>;
