// Reads the French open-data CSVs, which come with a BOM, `;` separators and CRLF line ends.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type CsvRow = Record<string, string>;

export function parseCsv(text: string, delimiter = ';'): CsvRow[] {
  const rows: unknown = parse(text, {
    bom: true,
    delimiter,
    columns: true,
    skip_empty_lines: true,
    relax_column_count: false,
    trim: false,
  });
  if (!Array.isArray(rows)) throw new Error('CSV parser returned no rows');
  return rows.map((row) => {
    const out: CsvRow = {};
    for (const [k, v] of Object.entries(row as Record<string, unknown>)) out[k.trim()] = typeof v === 'string' ? v : '';
    return out;
  });
}

export function readCsv(file: string, delimiter = ';'): CsvRow[] {
  return parseCsv(readFileSync(file, 'utf8'), delimiter);
}
