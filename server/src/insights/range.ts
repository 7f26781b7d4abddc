/**
 * The range an insights request answers: its defaults (the last four weeks to today, in the city), its
 * bounds, and week buckets widened to whole ISO weeks, so that a week's figure is always the same seven days
 * (a week cut short by the range would be another figure of nearly the same travellers, and comparing the
 * two would tell about the days between).
 */
import { addDays, bucketStarts, daysBetween, INSIGHT_LIMITS, type InsightBucket, mondayOf } from '@escale/shared';
import { HttpError } from '../http/errors.ts';

export interface InsightRange {
  from: string;
  to: string;
  /** The first day of each bucket. */
  buckets: string[];
}

export function resolveRange(q: { from?: string; to?: string; bucket: InsightBucket }, today: string): InsightRange {
  // From a day alone: four weeks from it, up to today (or that day alone, if it is in the future).
  const to = q.to ?? (q.from ? latest(q.from, earliest(addDays(q.from, INSIGHT_LIMITS.defaultDays - 1), today)) : today);
  const from = q.from ?? addDays(to, 1 - INSIGHT_LIMITS.defaultDays);
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw new HttpError(400, 'bad_request', 'Invalid query: `to` comes before `from`.');
  if (span > INSIGHT_LIMITS.maxRangeDays) throw new HttpError(400, 'bad_request', `Invalid query: a range spans at most ${INSIGHT_LIMITS.maxRangeDays} days.`);
  if (q.bucket === 'day') return { from, to, buckets: bucketStarts(from, to, 'day') };
  const weekFrom = mondayOf(from);
  const weekTo = addDays(mondayOf(to), 6);
  return { from: weekFrom, to: weekTo, buckets: bucketStarts(weekFrom, weekTo, 'week') };
}

const earliest = (a: string, b: string) => (daysBetween(a, b) < 0 ? b : a);
const latest = (a: string, b: string) => (daysBetween(a, b) < 0 ? a : b);
