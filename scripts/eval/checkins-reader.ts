/**
 * Reads check-ins in the Foursquare TSMC2014 text format (tab-separated, no header: user id, venue id,
 * venue category id, category name, latitude, longitude, timezone offset in minutes, UTC time such as
 * "Sat Apr 07 17:42:00 +0000 2012"). Streams the file line by line, validates each row, and reports a bad
 * row by its line number instead of stopping: one broken line must not hide 70,000 good ones.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { z } from 'zod';
import { describeIssues } from '../../shared/src/validation.ts';

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const UTC_TIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000 (\d{4})$/;

/** "Sat Apr 07 17:42:00 +0000 2012" → the instant, or null when malformed or not a real date. */
export function parseUtcTime(text: string): Date | null {
  const m = UTC_TIME.exec(text);
  if (!m) return null;
  const month = MONTHS[m[2]!];
  if (month === undefined) return null;
  const [year, day, hour, minute, second] = [m[7], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month, day, hour, minute, second));
  // Reject dates that rolled over (Feb 31) and weekdays that disagree with the date.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) return null;
  if (['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()] !== m[1]) return null;
  return date;
}

const numeric = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'not a number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

export const CheckinRow = z.object({
  userId: z.string().regex(/^\d+$/, 'user id must be digits'),
  venueId: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'bad venue id'),
  categoryId: z.string().min(1).max(64),
  categoryName: z.string().min(1).max(100),
  lat: numeric(-90, 90),
  lon: numeric(-180, 180),
  tzOffsetMinutes: z
    .string()
    .regex(/^-?\d+$/, 'offset must be whole minutes')
    .transform(Number)
    .pipe(z.number().min(-840).max(840)),
  at: z.string().transform((s, ctx) => {
    const d = parseUtcTime(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: `bad UTC time "${s}"` });
      return z.NEVER;
    }
    return d;
  }),
});
export type Checkin = z.infer<typeof CheckinRow> & { line: number };

export interface RowProblem {
  line: number;
  reason: string;
}

const FIELDS = ['userId', 'venueId', 'categoryId', 'categoryName', 'lat', 'lon', 'tzOffsetMinutes', 'at'] as const;

export function parseCheckinLine(text: string, line: number): { checkin: Checkin } | { problem: RowProblem } {
  const cols = text.split('\t');
  if (cols.length !== FIELDS.length) return { problem: { line, reason: `expected ${FIELDS.length} tab-separated fields, got ${cols.length}` } };
  const parsed = CheckinRow.safeParse(Object.fromEntries(FIELDS.map((f, i) => [f, cols[i]!.trim()])));
  if (!parsed.success) return { problem: { line, reason: describeIssues(parsed.error, '(row)') } };
  return { checkin: { ...parsed.data, line } };
}

export interface ReadResult {
  checkins: Checkin[];
  problems: RowProblem[];
  lines: number;
}

export async function readCheckins(file: string): Promise<ReadResult> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const checkins: Checkin[] = [];
  const problems: RowProblem[] = [];
  let lines = 0;
  for await (const text of rl) {
    lines++;
    if (text.trim() === '') continue;
    const r = parseCheckinLine(text.replace(/\r$/, ''), lines);
    if ('checkin' in r) checkins.push(r.checkin);
    else problems.push(r.problem);
  }
  return { checkins, problems, lines };
}
