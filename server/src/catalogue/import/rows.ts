/** What every format's reader gives the importer: places in one shape, and what it refused or left out. */
import { type CatalogueFormat, importReasonText, type ImportReasonCode } from '@escale/shared';
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

type Values = Record<string, string | number>;

export interface RowProblem {
  /** Where in the file: an OSM id, a feature's id or index, a CSV line. */
  ref: string;
  name: string | null;
  code: ImportReasonCode;
  values: Values;
  /** In English (the command line, API readers); the console words `code` in its reader's language. */
  reason: string;
}

export interface RowWarning {
  ref: string;
  name: string | null;
  code: ImportReasonCode;
  values: Values;
  message: string;
}

export interface RowsRead {
  format: CatalogueFormat;
  rows: ImportRow[];
  rejected: RowProblem[];
  /** Kept with a change (an opening_hours string the evaluator cannot read is dropped). */
  warnings: RowWarning[];
  /** Elements that are not places (a street, a bench): reason → count. */
  ignored: Partial<Record<ImportReasonCode, number>>;
  /** Elements or rows read. */
  read: number;
}

export function emptyRead(format: CatalogueFormat): RowsRead {
  return { format, rows: [], rejected: [], warnings: [], ignored: {}, read: 0 };
}

export function ignore(read: RowsRead, code: ImportReasonCode): void {
  read.ignored[code] = (read.ignored[code] ?? 0) + 1;
}

export function reject(read: RowsRead, ref: string, name: string | null, code: ImportReasonCode, values: Values = {}): void {
  read.rejected.push({ ref, name, code, values, reason: importReasonText(code, values, 'en') });
}

export function warn(read: RowsRead, ref: string, name: string | null, code: ImportReasonCode, values: Values = {}): void {
  read.warnings.push({ ref, name, code, values, message: importReasonText(code, values, 'en') });
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
