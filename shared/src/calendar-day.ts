/**
 * Calendar days as "YYYY-MM-DD" strings, with the little arithmetic the insights need (a range's days, the
 * Monday of a day's week). A day has no time zone of its own: whoever makes one says whose day it is.
 */
import { z } from 'zod';

const DAY_MS = 86_400_000;

/** Milliseconds of the day's midnight in UTC, or NaN for a string that is not a real day ("2026-02-30"). */
function utcOf(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : Number.NaN;
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function isCalendarDay(value: string): boolean {
  return !Number.isNaN(utcOf(value));
}

/** A calendar day, "2026-12-08"; "2026-02-30" is refused. */
export const CalendarDay = z.string().refine(isCalendarDay, { error: 'a day is written YYYY-MM-DD, and must exist' });
export type CalendarDay = z.infer<typeof CalendarDay>;

/** The day `n` days after `day` (before it for a negative `n`). */
export function addDays(day: string, n: number): string {
  return dayOf(utcOf(day) + n * DAY_MS);
}

/** Days from `from` to `to`: 0 for the same day, negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** The Monday of the ISO week `day` is in (a Monday is its own). */
export function mondayOf(day: string): string {
  const weekday = (new Date(utcOf(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}
