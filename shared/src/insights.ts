/**
 * The agency's insights (issue 22): how many of its travellers were shown, liked, dismissed and booked
 * suggestions, by category, place or the signal that drove them, over time. Every figure counts distinct
 * travellers, and one built from fewer than `minTravellers` is hidden: the console gets `{hidden: true}`,
 * never the number, and no total includes it (docs/DECISIONS.md, "Insights without personal data").
 */
import { z } from 'zod';
import { addDays, CalendarDay, daysBetween } from './calendar-day.ts';
import { CategoryId } from './categories.ts';
import { SignalId } from './signals.ts';

export const INSIGHT_ACTIONS = ['shown', 'liked', 'dismissed', 'booked'] as const;
export const InsightAction = z.enum(INSIGHT_ACTIONS);
export type InsightAction = z.infer<typeof InsightAction>;

/** What the figures are counted by: the place's category, the place, or the signal that drove the suggestion. */
export const InsightGrouping = z.enum(['category', 'place', 'signal']);
export type InsightGrouping = z.infer<typeof InsightGrouping>;

/** The grain of the series: a day of the city, or an ISO week (Monday to Sunday). */
export const InsightBucket = z.enum(['day', 'week']);
export type InsightBucket = z.infer<typeof InsightBucket>;

export const INSIGHT_LIMITS = {
  /** A figure counting fewer distinct travellers than this is hidden. */
  minTravellers: 5,
  /** The longest range one request may ask for, from and to included. */
  maxRangeDays: 366,
  /** Events are kept this long, then purged: as far back as the longest range can reach. */
  retentionDays: 366,
  /** A like, a dismissal or a booking counts for a suggestion shown to that traveller within this many days. */
  attributionDays: 7,
  /** Groups listed in one answer (the most travellers shown first); the others are counted in `groupsOmitted`. */
  maxGroups: 50,
  /** The range when none is asked for: the last four weeks, today included. */
  defaultDays: 28,
} as const;

/**
 * `GET /api/agency/insights`. `to` defaults to today in the agency's city, `from` to 27 days before `to`;
 * week buckets widen the range to whole weeks. `group`: the series of one group (a category, a place id, a
 * signal) instead of all of them.
 */
export const AgencyInsightsQuery = z
  .object({
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    by: InsightGrouping.default('category'),
    bucket: InsightBucket.default('day'),
    group: z.string().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from && q.to && daysBetween(q.from, q.to) < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` comes before `from`' });
    else if (q.from && q.to && daysBetween(q.from, q.to) + 1 > INSIGHT_LIMITS.maxRangeDays)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a range spans at most ${INSIGHT_LIMITS.maxRangeDays} days` });
    if (q.group && q.by === 'category' && !CategoryId.safeParse(q.group).success) ctx.addIssue({ code: 'custom', path: ['group'], message: 'not a category' });
    if (q.group && q.by === 'signal' && !SignalId.safeParse(q.group).success) ctx.addIssue({ code: 'custom', path: ['group'], message: 'not a signal' });
  });
export type AgencyInsightsQuery = z.infer<typeof AgencyInsightsQuery>;

/** A count of distinct travellers, or hidden: fewer than `minTravellers` (zero included) are never told apart. */
export const InsightFigure = z.union([
  z.object({ hidden: z.literal(false), value: z.number().int().min(INSIGHT_LIMITS.minTravellers) }).strict(),
  z.object({ hidden: z.literal(true), value: z.null() }).strict(),
]);
export type InsightFigure = z.infer<typeof InsightFigure>;

const perAction = <T extends z.ZodType>(t: T) => z.object({ shown: t, liked: t, dismissed: t, booked: t }).strict();

export const InsightGroup = z
  .object({
    /** A category id, a place id or a signal id. */
    key: z.string(),
    /** The place's name; the id for a category or a signal (the console words those itself). */
    label: z.string(),
    /** Travellers over the range, counting only the group's figures that are shown. */
    totals: perAction(InsightFigure),
  })
  .strict();
export type InsightGroup = z.infer<typeof InsightGroup>;

export const AgencyInsights = z
  .object({
    /** The range answered, from and to included (widened to whole weeks for week buckets). */
    from: CalendarDay,
    to: CalendarDay,
    by: InsightGrouping,
    bucket: InsightBucket,
    /** The group whose series these are, or null for every group's. */
    group: z.object({ key: z.string(), label: z.string() }).nullable(),
    minTravellers: z.number().int(),
    retentionDays: z.number().int(),
    /** The first day of each bucket, in order. */
    buckets: z.array(CalendarDay),
    /**
     * Per bucket: travellers in the group's figure (`group`), or, for every group, the distinct travellers of
     * the bucket's shown figures; a bucket whose figures are all hidden is hidden.
     */
    series: perAction(z.array(InsightFigure)),
    /** Over the range: the distinct travellers of every figure shown (of `group` only, when given). */
    totals: perAction(InsightFigure),
    /** Groups with at least one figure shown, the most travellers shown first, at most `maxGroups`. */
    groups: z.array(InsightGroup),
    /** Groups with a figure shown that did not fit in `groups`. */
    groupsOmitted: z.number().int().min(0),
  })
  .strict();
export type AgencyInsights = z.infer<typeof AgencyInsights>;

/**
 * One row the insights hold of a traveller, as My data and the export show it to them (staff never see a
 * row: only counts of at least `minTravellers`). Kept `retentionDays`.
 */
export const HeldInsightEvent = z.object({
  day: CalendarDay,
  action: InsightAction,
  placeId: z.string(),
  placeName: z.string().nullable(),
  category: z.string(),
  /** The signal that drove the suggestion. */
  signal: z.string(),
});
export type HeldInsightEvent = z.infer<typeof HeldInsightEvent>;

/** The days of a range as buckets: each day, or the Monday of each week (the range starting on a Monday). */
export function bucketStarts(from: string, to: string, bucket: InsightBucket): string[] {
  const step = bucket === 'day' ? 1 : 7;
  const starts: string[] = [];
  for (let d = from; daysBetween(d, to) >= 0; d = addDays(d, step)) starts.push(d);
  return starts;
}
