/**
 * Reads check-in files in two forms, told apart by the first line: the Foursquare TSMC2014 text format
 * (tab-separated, no header: user id, venue id, venue category id, category name, latitude, longitude,
 * timezone offset in minutes, UTC time such as "Sat Apr 07 17:42:00 +0000 2012"), or a file with a header
 * row whose columns are recognised by name (checkins-header.ts). Streams the file line by line, validates
 * each row, and reports a bad row by its line number instead of stopping: one broken line must not hide
 * 70,000 good ones.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseTsmcTime } from '../../shared/src/checkin-time.ts';
import { headerLayout, missingColumns, parseHeaderRow, type HeaderLayout } from './checkins-header.ts';
import { checkinFields, checkRow, type Checkin, type RowProblem } from './checkins-row.ts';

export type { Checkin, RowProblem } from './checkins-row.ts';
/** "Sat Apr 07 17:42:00 +0000 2012" → the instant (the TSMC2014 form only). */
export const parseUtcTime = parseTsmcTime;

const FIELDS = ['userId', 'venueId', 'categoryId', 'categoryName', 'lat', 'lon', 'tzOffsetMinutes', 'at'] as const;
const tsmcRow = checkinFields(parseTsmcTime, 'expected "Sat Apr 07 17:42:00 +0000 2012"');

export function parseCheckinLine(text: string, line: number): { checkin: Checkin } | { problem: RowProblem } {
  const cols = text.split('\t');
  if (cols.length !== FIELDS.length) return { problem: { line, reason: `expected ${FIELDS.length} tab-separated fields, got ${cols.length}` } };
  return checkRow(tsmcRow, Object.fromEntries(FIELDS.map((f, i) => [f, cols[i]!.trim()])), line);
}

export interface ReadResult {
  checkins: Checkin[];
  problems: RowProblem[];
  /** Lines in the file, the header included. */
  lines: number;
  /** `tsmc`: the headerless TSMC2014 form; `header`: columns named by a header row (their names in `columns`). */
  format: 'tsmc' | 'header';
  columns: HeaderLayout['names'] | null;
}

export class CheckinFileError extends Error {}

export async function readCheckins(file: string): Promise<ReadResult> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const checkins: Checkin[] = [];
  const problems: RowProblem[] = [];
  let lines = 0;
  // Decided by the first non-blank line: a header names at least two known columns, a TSMC row names none.
  let layout: HeaderLayout | null | undefined;
  for await (const raw of rl) {
    lines++;
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '') continue;
    if (layout === undefined) {
      layout = headerLayout(text);
      if (layout) {
        const missing = missingColumns(layout);
        if (missing.length) {
          rl.close();
          throw new CheckinFileError(`${file}: the header (line ${lines}) has no column for ${missing.join(', ')}`);
        }
        continue;
      }
    }
    const r = layout ? parseHeaderRow(text, lines, layout) : parseCheckinLine(text, lines);
    if ('checkin' in r) checkins.push(r.checkin);
    else problems.push(r.problem);
  }
  return { checkins, problems, lines, format: layout ? 'header' : 'tsmc', columns: layout ? layout.names : null };
}
