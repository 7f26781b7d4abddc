/**
 * Two readings of the traveller's visit log for the taste signal, made once per ranking (history consent):
 * - **habit** (favourites mode): how much the place is one of the traveller's own places. Five parts, each
 *   in [0, 1], added with fixed shares (HABIT_SHARES): how often they came; how often on this kind of day
 *   (working day or weekend); how often lately; whether they were already there on this outing; and how often
 *   they themselves went there next from where they are. Read in favourites mode only: otherwise a visited
 *   place is not suggested at all (hard-rules.ts).
 * - **next place**: where travellers went next from the place the traveller was last at, within the day:
 *   "after the Louvre, people went to this café". Counts over every traveller who shares their history,
 *   never who; the traveller's own last visit is the personal datum read.
 *
 * Counts enter on a log scale, `log(1 + n) / log(1 + max n)`: the tenth visit to a place says less than the
 * second, and one place visited 200 times must not flatten every other habit to nothing.
 */
import type { TravelGraph } from '../graph/travel-graph.ts';
import { TRAJECTORY_GAP_MS, type Visit } from '../graph/visit-log.ts';
import type { RankingContext } from './context.ts';
import { localWeekend } from './local-clock.ts';

/**
 * The habit's parts and their shares of it. Chosen on NYC's validation check-ins (`npm run eval:nextpoi`,
 * next place); the hour of day, read the same way, added nothing there and is not a part.
 */
export const HABIT_SHARES = { visits: 4, sameDay: 1, lately: 0.5, thisOuting: 0.5, ownNext: 0.5 } as const;
export type HabitPart = keyof typeof HABIT_SHARES;
const HABIT_TOTAL = Object.values(HABIT_SHARES).reduce((a, b) => a + b, 0);
/** A visit's weight in "lately" halves every 30 days. */
const LATELY_HALF_LIFE_MS = 30 * 24 * 3_600_000;
/** Transitions from the last place at which "what comes next" is fully trusted. */
const FULL_CONFIDENCE_TRANSITIONS = 4;

export interface PlaceHabit {
  /** In [0, 1]: Σ share × part / Σ shares. */
  value: number;
  /** Each part's share of the value (share × part / Σ shares), for the evidence. */
  parts: Record<HabitPart, number>;
  /** Visits to the place. */
  count: number;
  /** Of which on the same kind of day as now. */
  sameDay: number;
  /** The traveller's own transitions from their last place to this one. */
  ownNext: number;
  /** The latest visit, for the panel. */
  last: number;
}

export interface HabitReading {
  places: Map<string, PlaceHabit>;
  weekend: boolean;
  /** The place the traveller was last at, when within the day (the outing's and own-next parts' origin). */
  from: Visit | null;
}

export interface NextReading {
  /** The place the traveller was last at, within the day. */
  from: Visit;
  /** Value in [0, 1] per next place. */
  value: Map<string, number>;
  count: Map<string, number>;
}

/** The visit log up to now (the evaluations replay the past: a later visit is not known yet). */
function pastVisits(visits: readonly Visit[], now: number): readonly Visit[] {
  let end = visits.length;
  while (end > 0 && visits[end - 1]!.at > now) end--;
  return end === visits.length ? visits : visits.slice(0, end);
}

/** The traveller's last visit, if within the day. */
function lastWithinDay(past: readonly Visit[], now: number): Visit | null {
  const last = past[past.length - 1];
  return last && now - last.at <= TRAJECTORY_GAP_MS ? last : null;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** `log(1 + n) / log(1 + max)` for each entry. */
function logScaled(counts: ReadonlyMap<string, number>): (place: string) => number {
  let max = 0;
  for (const n of counts.values()) max = Math.max(max, n);
  const norm = Math.log1p(max);
  return (place) => (norm > 0 ? Math.log1p(counts.get(place) ?? 0) / norm : 0);
}

export function readHabits(visits: readonly Visit[], ctx: RankingContext): HabitReading | null {
  const now = ctx.now.getTime();
  const past = pastVisits(visits, now);
  if (past.length === 0) return null;
  const tz = ctx.city.timezone;
  const weekend = localWeekend(ctx.now, tz);
  const from = lastWithinDay(past, now);
  const count = new Map<string, number>();
  const sameDay = new Map<string, number>();
  const lately = new Map<string, number>();
  const ownNext = new Map<string, number>();
  const last = new Map<string, number>();
  const thisOuting = new Set<string>();
  for (let i = 0; i < past.length; i++) {
    const v = past[i]!;
    bump(count, v.placeId);
    if (localWeekend(new Date(v.at), tz) === weekend) bump(sameDay, v.placeId);
    bump(lately, v.placeId, Math.pow(0.5, (now - v.at) / LATELY_HALF_LIFE_MS));
    last.set(v.placeId, v.at);
    const next = past[i + 1];
    if (from && next && v.placeId === from.placeId && next.placeId !== from.placeId && next.at - v.at <= TRAJECTORY_GAP_MS) bump(ownNext, next.placeId);
  }
  // This outing: the visits chained to the last one by gaps within the day, the last place itself aside
  // (being somewhere is not a reason to go there).
  if (from) {
    for (let i = past.length - 2; i >= 0 && past[i + 1]!.at - past[i]!.at <= TRAJECTORY_GAP_MS; i--) {
      if (past[i]!.placeId !== from.placeId) thisOuting.add(past[i]!.placeId);
    }
  }
  const read = { visits: logScaled(count), sameDay: logScaled(sameDay), lately: logScaled(lately), thisOuting: (p: string) => (thisOuting.has(p) ? 1 : 0), ownNext: logScaled(ownNext) };
  const places = new Map<string, PlaceHabit>();
  for (const place of count.keys()) {
    const parts = {} as Record<HabitPart, number>;
    let value = 0;
    for (const part of Object.keys(HABIT_SHARES) as HabitPart[]) {
      parts[part] = (HABIT_SHARES[part] * read[part](place)) / HABIT_TOTAL;
      value += parts[part];
    }
    places.set(place, { value, parts, count: count.get(place)!, sameDay: sameDay.get(place) ?? 0, ownNext: ownNext.get(place) ?? 0, last: last.get(place)! });
  }
  return { places, weekend, from };
}

export function readNextPlace(visits: readonly Visit[], ctx: RankingContext, graph: TravelGraph): NextReading | null {
  const now = ctx.now.getTime();
  const from = lastWithinDay(pastVisits(visits, now), now);
  if (!from) return null;
  const next = graph.visitLog().nextFrom(from.placeId);
  if (next.size === 0) return null;
  let total = 0;
  for (const n of next.values()) total += n;
  const confidence = Math.min(1, total / FULL_CONFIDENCE_TRANSITIONS);
  const scaled = logScaled(next);
  const value = new Map<string, number>();
  for (const place of next.keys()) value.set(place, scaled(place) * confidence);
  return { from, value, count: new Map(next) };
}
