/** What every format's reader gives the importer: places in one shape, and what it refused or left out. */
import type { CatalogueFormat } from '@escale/shared';
import type { Candidate } from '../osm/candidate.ts';

/** A place as the importer writes it: a source candidate's facts, under the id a re-import finds it by. */
export interface ImportRow extends Pick<Candidate, 'dataset' | 'ref' | 'name' | 'category' | 'tags' | 'lat' | 'lon' | 'website'> {
  /** The place's stable id in its source (`osm:node/123`, `csv:H-042`). */
  externalId: string;
  /** The street part for OSM places, ended with the city's name once the importer knows the city. */
  address: string | null;
  /** Checked with the evaluator the server uses; null when the source has none or it cannot be read. */
  openingHours: string | null;
}

export interface RowProblem {
  /** Where in the file: an OSM id, a feature's id or index, a CSV line. */
  ref: string;
  name: string | null;
  reason: string;
}

export interface RowWarning {
  ref: string;
  name: string | null;
  message: string;
}

export interface RowsRead {
  format: CatalogueFormat;
  rows: ImportRow[];
  rejected: RowProblem[];
  /** Kept with a change (an opening_hours string the evaluator cannot read is dropped). */
  warnings: RowWarning[];
  /** Elements that are not places (a street, a bench): reason → count. */
  ignored: Record<string, number>;
  /** Elements or rows read. */
  read: number;
}

export function emptyRead(format: CatalogueFormat): RowsRead {
  return { format, rows: [], rejected: [], warnings: [], ignored: {}, read: 0 };
}

export function ignore(read: RowsRead, reason: string): void {
  read.ignored[reason] = (read.ignored[reason] ?? 0) + 1;
}

/** A source reference as a place id allows it (letters, digits, / _ . -), or null when nothing is left. */
export function refPart(value: string): string | null {
  const cleaned = value
    .trim()
    .replace(/[^A-Za-z0-9/_.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return cleaned.length > 0 ? cleaned : null;
}
