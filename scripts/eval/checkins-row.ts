/**
 * One check-in as the evaluation reads it, whatever the file's form (checkins-reader.ts): the checks each
 * field gets, and the problem a bad row is reported with. Category and time-zone offset are optional, since
 * a header file may have no column for them; the TSMC2014 form always has both.
 */
import { z } from 'zod';
import { describeIssues } from '../../shared/src/validation.ts';

export interface Checkin {
  /** Line in the file, 1-based: what a problem and a tie in time are told by. */
  line: number;
  /** Any string the file uses (Foursquare's are digits, Flickr's "12345678@N00"). */
  userId: string;
  venueId: string;
  categoryId: string | null;
  categoryName: string | null;
  lat: number;
  lon: number;
  /** The local clock's offset from UTC at the check-in, in minutes, when the file says. */
  tzOffsetMinutes: number | null;
  at: Date;
}

export interface RowProblem {
  line: number;
  reason: string;
}

const numeric = (min: number, max: number) =>
  z
    .string()
    .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, 'not a number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const text = (name: string) =>
  z
    .string()
    .min(1, `${name} is empty`)
    .max(200)
    .regex(/^[^\p{Cc}]+$/u, `${name} holds control characters`);

/** An optional text column: empty means absent. */
const optionalText = z
  .string()
  .max(200)
  .transform((s) => (s === '' ? null : s));

/** The fields of a row, as strings from the file; `at` is parsed by the caller's time parser. */
export function checkinFields(parseTime: (s: string) => Date | null, timeHint: string) {
  return z.object({
    userId: text('user id'),
    venueId: text('venue id'),
    categoryId: optionalText,
    categoryName: optionalText,
    lat: numeric(-90, 90),
    lon: numeric(-180, 180),
    tzOffsetMinutes: z.string().transform((s, ctx) => {
      if (s === '') return null;
      const minutes = /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
      if (!(Math.abs(minutes) <= 840)) {
        ctx.addIssue({ code: 'custom', message: `offset must be whole minutes within ±840, not "${s}"` });
        return z.NEVER;
      }
      return minutes;
    }),
    at: z.string().transform((s, ctx) => {
      const d = parseTime(s);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: `bad UTC time "${s}" (${timeHint})` });
        return z.NEVER;
      }
      return d;
    }),
  });
}

export type CheckinFields = ReturnType<typeof checkinFields>;

/** A row's strings checked and typed, or its problem: where (field) and what, in one line. */
export function checkRow(schema: CheckinFields, fields: Record<string, string>, line: number): { checkin: Checkin } | { problem: RowProblem } {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return { problem: { line, reason: describeIssues(parsed.error, '(row)') } };
  return { checkin: { ...parsed.data, line } };
}
