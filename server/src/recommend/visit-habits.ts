/**
 * Two readings of the traveller's visit log for the taste signal, made once per ranking (history consent):
 * - **habit**: how often they came to a place, counting more the visits made around this hour of the day
 *   ("your usual café in the morning"). Read in favourites mode only: otherwise a visited place is not
 *   suggested at all (hard-rules.ts).
 * - **next place**: where travellers went next from the place the traveller was last at, within the day:
 *   "after the Louvre, people went to this café". Counts over every traveller who shares their history,
 *   never who; the traveller's own last visit is the personal datum read.
 */
import type { TravelGraph } from '../graph/travel-graph.ts';
import { TRAJECTORY_GAP_MS, type Visit } from '../graph/visit-log.ts';
import type { RankingContext } from './context.ts';
import { localHour } from './local-clock.ts';

/** Hours either side of now within which a past visit counts as "around this time" (linearly less). */
const HOUR_SPAN = 3;
/**
 * A visit at another hour still says most of it: its weight, against 3 + 1 for a visit at this very hour
 * (chosen on NYC's validation check-ins, `npm run eval:nextpoi`: counting only visits near this hour, or
 * counting the hour twice, ranked the next place worse).
 */
const ANY_HOUR_WEIGHT = 3;
/** Transitions from the last place at which "what comes next" is fully trusted. */
const FULL_CONFIDENCE_TRANSITIONS = 4;

export interface HabitReading {
  /** Value in [0, 1] per place: its hour-weighted visits relative to the traveller's most visited place. */
  value: Map<string, number>;
  count: Map<string, number>;
  /** Visits within HOUR_SPAN of the current hour, per place. */
  aroundNow: Map<string, number>;
  /** The latest visit per place, for the panel. */
  last: Map<string, number>;
}

export interface NextReading {
  /** The place the traveller was last at, within the day. */
  from: Visit;
  /** Value in [0, 1] per next place. */
  value: Map<string, number>;
  count: Map<string, number>;
}

function hourDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return Math.min(d, 24 - d);
}

export function readHabits(visits: readonly Visit[], ctx: RankingContext): HabitReading | null {
  if (visits.length === 0) return null;
  const nowHour = localHour(ctx.now, ctx.city.timezone);
  const now = ctx.now.getTime();
  const weight = new Map<string, number>();
  const count = new Map<string, number>();
  const aroundNow = new Map<string, number>();
  const last = new Map<string, number>();
  for (const v of visits) {
    if (v.at > now) continue; // a visit after the moment ranked is not known yet (the evaluations replay the past)
    const near = Math.max(0, 1 - hourDistance(localHour(new Date(v.at), ctx.city.timezone), nowHour) / HOUR_SPAN);
    weight.set(v.placeId, (weight.get(v.placeId) ?? 0) + ANY_HOUR_WEIGHT + near);
    count.set(v.placeId, (count.get(v.placeId) ?? 0) + 1);
    if (near > 0) aroundNow.set(v.placeId, (aroundNow.get(v.placeId) ?? 0) + 1);
    last.set(v.placeId, Math.max(last.get(v.placeId) ?? 0, v.at));
  }
  let max = 0;
  for (const w of weight.values()) max = Math.max(max, w);
  if (max === 0) return null;
  const value = new Map<string, number>();
  for (const [place, w] of weight) value.set(place, w / max);
  return { value, count, aroundNow, last };
}

export function readNextPlace(visits: readonly Visit[], ctx: RankingContext, graph: TravelGraph): NextReading | null {
  const now = ctx.now.getTime();
  let from: Visit | undefined;
  for (let i = visits.length - 1; i >= 0; i--) {
    if (visits[i]!.at <= now) {
      from = visits[i];
      break;
    }
  }
  if (!from || now - from.at > TRAJECTORY_GAP_MS) return null;
  const next = graph.visitLog().nextFrom(from.placeId);
  if (next.size === 0) return null;
  let max = 0;
  let total = 0;
  for (const n of next.values()) {
    max = Math.max(max, n);
    total += n;
  }
  const confidence = Math.min(1, total / FULL_CONFIDENCE_TRANSITIONS);
  const value = new Map<string, number>();
  for (const [place, n] of next) value.set(place, (n / max) * confidence);
  return { from, value, count: new Map(next) };
}
