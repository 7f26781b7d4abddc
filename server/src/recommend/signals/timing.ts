/**
 * timing: is this a good moment? Reads only the clock, opening hours and event times (no personal data).
 * Combines whether the place will still be open a while after arrival with how well the category fits the
 * hour (category-hours.ts: dinner at 20:00, a museum at 15:00, a club after 23:00).
 */
import type { CategoryId, Evidence } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import { categoryFit, mealAt } from '../category-hours.ts';
import { localClock, localHour } from '../local-clock.ts';
import { clamp01, type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

/** At mealtimes, places to eat come first: anything else keeps this share of its timing value. */
const NOT_EATING_AT_MEALTIME = 0.6;
const EATING = new Set<CategoryId>(['restaurant', 'cafe']);
/** A place open round the clock has no timing urgency: this share of the hour's fit. */
const ALWAYS_OPEN = 0.5;

function eventTiming(c: Extract<Candidate, { kind: 'event' }>, now: Date, tz: string) {
  const minutes = Math.round((c.event.startsAt.getTime() - now.getTime()) / 60_000);
  const time = localClock(c.event.startsAt, tz);
  const value = minutes <= 120 ? 1 : minutes <= 240 ? 0.7 : 0.4;
  const evidence: Evidence = minutes <= 120 ? { key: 'timing.event_starts_in', params: { minutes, time } } : { key: 'timing.event_later', params: { time } };
  return { value, evidence, personalData: NO_DATA };
}

export const timing: Signal = {
  id: 'timing',
  compute(c, ctx): SignalResult {
    const tz = ctx.city.timezone;
    if (c.kind === 'event') return eventTiming(c, ctx.now, tz);
    const hour = localHour(c.arrival, tz);
    const meal = mealAt(hour);
    const fit = categoryFit(c.place.category, hour) * (meal && !EATING.has(c.place.category) ? NOT_EATING_AT_MEALTIME : 1);
    if (c.hours.kind === 'unknown') {
      return { value: clamp01(0.5 * fit), evidence: fixedEvidence('timing.hours_unknown'), personalData: NO_DATA };
    }
    if (c.hours.kind === 'closed') {
      return { value: 0, evidence: fixedEvidence('timing.hours_unknown'), personalData: NO_DATA };
    }
    if (c.hours.closesAt === null) {
      // Always open: a fine time to go, never a reason to go *now*. Half the value keeps "open 24 hours"
      // from driving a suggestion over what the traveller actually cares about.
      return { value: clamp01(ALWAYS_OPEN * fit), evidence: fixedEvidence('timing.open_24_7'), personalData: NO_DATA };
    }
    const until = localClock(c.hours.closesAt, tz);
    const openMinutesLeft = (c.hours.closesAt.getTime() - c.arrival.getTime()) / 60_000;
    const staying = clamp01(openMinutesLeft / 90); // 90 min of opening left after arrival is plenty
    if (meal && c.place.category === 'restaurant' && staying >= 0.5) {
      return { value: clamp01(staying * fit), evidence: { key: 'timing.meal_time', params: { meal, until } }, personalData: NO_DATA };
    }
    const key = openMinutesLeft < 60 ? 'timing.open_closes_soon' : 'timing.open_until';
    return { value: clamp01(staying * fit), evidence: { key, params: { until } }, personalData: NO_DATA };
  },
};
