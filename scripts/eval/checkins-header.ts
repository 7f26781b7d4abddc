/**
 * Check-in files with a header row ("Flickr-style": the Flickr photo-visit sets, GETNext's preprocessed
 * CSVs): columns recognised by name, separated by tabs, commas or semicolons, fields optionally in double
 * quotes. Recognised names are compared without case, spaces or punctuation ("User ID" = "user_id" = "userID").
 */
import { parseCheckinTime } from '../../shared/src/checkin-time.ts';
import { checkinFields, checkRow, type Checkin, type RowProblem } from './checkins-row.ts';

export type Column = 'userId' | 'venueId' | 'lat' | 'lon' | 'at' | 'categoryName' | 'categoryId' | 'tzOffsetMinutes';

/** Accepted names per column, the preferred first: when a file has two, the earlier name wins. */
export const COLUMN_NAMES: Record<Column, readonly string[]> = {
  userId: ['user', 'userid', 'uid'],
  venueId: ['venue', 'venueid', 'poiid', 'poi', 'photopoi', 'placeid'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  at: ['utc', 'utctime', 'timestamp', 'datetaken', 'time'],
  categoryName: ['cat', 'category', 'categoryname', 'catname', 'poicatname', 'venuecategory', 'poitheme', 'theme'],
  categoryId: ['catid', 'categoryid', 'poicatid', 'venuecategoryid'],
  tzOffsetMinutes: ['tzmin', 'offset', 'tzoffset', 'timezone', 'timezoneoffset', 'utcoffset'],
};
const REQUIRED: readonly Column[] = ['userId', 'venueId', 'lat', 'lon', 'at'];
const DELIMITERS = ['\t', ',', ';'] as const;

export const normaliseName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface HeaderLayout {
  delimiter: (typeof DELIMITERS)[number];
  /** Field index of each recognised column. */
  index: Partial<Record<Column, number>>;
  /** The file's own name of each recognised column, for the report. */
  names: Partial<Record<Column, string>>;
  width: number;
}

/** Splits one line on `delimiter`, honouring double quotes ("a, b" is one field; "" inside is a quote). */
export function splitFields(text: string, delimiter: string): string[] {
  if (!text.includes('"')) return text.split(delimiter);
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function layoutFor(names: string[], delimiter: HeaderLayout['delimiter']): HeaderLayout {
  const index: HeaderLayout['index'] = {};
  const own: HeaderLayout['names'] = {};
  const normalised = names.map((n) => normaliseName(n.replace(/^\uFEFF/, '')));
  for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
    for (const accepted of COLUMN_NAMES[column]) {
      const i = normalised.indexOf(accepted);
      if (i >= 0) {
        index[column] = i;
        own[column] = names[i]!.trim();
        break;
      }
    }
  }
  return { delimiter, index, names: own, width: names.length };
}

/**
 * The layout of a header line: the delimiter under which the most columns are recognised. Null when the
 * line is not a header (fewer than two recognised names: a data row of a headerless file).
 */
export function headerLayout(line: string): HeaderLayout | null {
  const layouts = DELIMITERS.map((d) => layoutFor(splitFields(line, d), d));
  const best = layouts.reduce((a, b) => (Object.keys(b.index).length > Object.keys(a.index).length ? b : a));
  return Object.keys(best.index).length >= 2 ? best : null;
}

/** The required columns a layout lacks, by the names that would be accepted. */
export function missingColumns(layout: HeaderLayout): string[] {
  return REQUIRED.filter((c) => layout.index[c] === undefined).map((c) => `${c} (${COLUMN_NAMES[c].join('|')})`);
}

const schema = checkinFields(parseCheckinTime, 'unix seconds, ISO 8601 or "Sat Apr 07 17:42:00 +0000 2012"');

export function parseHeaderRow(text: string, line: number, layout: HeaderLayout): { checkin: Checkin } | { problem: RowProblem } {
  const cols = splitFields(text, layout.delimiter);
  if (cols.length < layout.width) return { problem: { line, reason: `expected ${layout.width} fields as in the header, got ${cols.length}` } };
  const value = (c: Column) => {
    const i = layout.index[c];
    return i === undefined ? '' : cols[i]!.trim();
  };
  const fields = Object.fromEntries((Object.keys(COLUMN_NAMES) as Column[]).map((c) => [c, value(c)]));
  return checkRow(schema, fields, line);
}
