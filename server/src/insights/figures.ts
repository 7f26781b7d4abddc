/**
 * The console's answer from the counts the database gave (aggregate.ts): every number becomes a figure,
 * hidden below the threshold (zero included, so "nobody" and "a few" look the same), and the groups are
 * listed, the most travellers shown first, within the answer's bound.
 */
import { type AgencyInsights, INSIGHT_ACTIONS, INSIGHT_LIMITS, type InsightAction, type InsightFigure, type InsightGroup } from '@escale/shared';
import type { Count } from './aggregate.ts';
import type { InsightRange } from './range.ts';

const HIDDEN: InsightFigure = { hidden: true, value: null };

export function figure(n: number | undefined): InsightFigure {
  return n !== undefined && n >= INSIGHT_LIMITS.minTravellers ? { hidden: false, value: n } : HIDDEN;
}

const perAction = <T>(make: (action: InsightAction) => T): Record<InsightAction, T> => Object.fromEntries(INSIGHT_ACTIONS.map((a) => [a, make(a)])) as Record<InsightAction, T>;

const valueOf = (f: InsightFigure) => f.value ?? 0;

export interface InsightCounts {
  /** Per action and group, over the range. */
  groups: Count[];
  /** Per action and bucket (of the chosen group, or of every group). */
  series: Count[];
  /** Per action, over the range (of the chosen group, or of every group). */
  totals: Count[];
}

export function assembleInsights(p: {
  range: InsightRange;
  by: AgencyInsights['by'];
  bucket: AgencyInsights['bucket'];
  group: AgencyInsights['group'];
  counts: InsightCounts;
  labelOf(key: string): string;
}): AgencyInsights {
  const { range, counts } = p;
  const byKey = new Map<string, Partial<Record<InsightAction, number>>>();
  for (const c of counts.groups) {
    const key = c.grp ?? '';
    const entry = byKey.get(key) ?? {};
    entry[c.action as InsightAction] = c.n;
    byKey.set(key, entry);
  }
  const groups: InsightGroup[] = [...byKey].map(([key, n]) => ({ key, label: p.labelOf(key), totals: perAction((a) => figure(n[a])) }));
  // The most shown first; then the most liked and booked; then by name, so that equal groups keep their order.
  groups.sort(
    (a, b) =>
      valueOf(b.totals.shown) - valueOf(a.totals.shown) || valueOf(b.totals.liked) - valueOf(a.totals.liked) || valueOf(b.totals.booked) - valueOf(a.totals.booked) || a.label.localeCompare(b.label),
  );
  const index = new Map(range.buckets.map((b, i) => [b, i]));
  const series = perAction(() => range.buckets.map(() => HIDDEN));
  for (const c of counts.series) {
    const i = c.bucket === undefined ? undefined : index.get(c.bucket);
    if (i !== undefined) series[c.action as InsightAction][i] = figure(c.n);
  }
  const totals = perAction((a) => figure(counts.totals.find((c) => c.action === a)?.n));
  return {
    from: range.from,
    to: range.to,
    by: p.by,
    bucket: p.bucket,
    group: p.group,
    minTravellers: INSIGHT_LIMITS.minTravellers,
    retentionDays: INSIGHT_LIMITS.retentionDays,
    buckets: range.buckets,
    series,
    totals,
    groups: groups.slice(0, INSIGHT_LIMITS.maxGroups),
    groupsOmitted: Math.max(0, groups.length - INSIGHT_LIMITS.maxGroups),
  };
}
