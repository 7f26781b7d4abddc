/**
 * timing: is this a good moment? Reads only the clock, opening hours and event times (no personal data).
 * Combines whether the place will still be open a while after arrival with how well the category fits the
 * hour (dinner at 20:00, a museum at 15:00, a club after 23:00).
 */
import { formatLocalTime, localParts, type CategoryId, type Evidence } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import { clamp01, type Signal, type SignalResult } from './signal.ts';

/** Local hours (half-open, may wrap past midnight) when a category is most relevant. */
const GOOD_HOURS: Record<CategoryId, [number, number][]> = {
  restaurant: [[12, 14.5], [19.5, 22.5]],
  cafe: [[8, 18.5]],
  bar: [[17, 26]],
  nightlife: [[21, 29]],
  museum: [[10, 18]],
  gallery: [[11, 19]],
  cinema: [[13, 23.5]],
  music_venue: [[19, 24]],
  theatre: [[19, 23]],
  climbing: [[9, 22.5]],
  swimming: [[7, 21]],
  sports_centre: [[7, 21.5]],
  park: [[8, 19]],
  market: [[7.5, 13.5]],
};

export const MEALS = { lunch: [12, 14.5], dinner: [19.5, 22.5] } as const;

function inWindow(hour: number, [from, to]: [number, number]): boolean {
  return (hour >= from && hour < to) || (hour + 24 >= from && hour + 24 < to);
}

export function categoryFit(category: CategoryId, localHour: number): number {
  return GOOD_HOURS[category].some((w) => inWindow(localHour, w)) ? 1 : 0.3;
}

export function mealAt(localHour: number): 'lunch' | 'dinner' | null {
  if (inWindow(localHour, [...MEALS.lunch])) return 'lunch';
  if (inWindow(localHour, [...MEALS.dinner])) return 'dinner';
  return null;
}

function eventTiming(c: Extract<Candidate, { kind: 'event' }>, now: Date, tz: string) {
  const minutes = Math.round((c.event.startsAt.getTime() - now.getTime()) / 60_000);
  const time = formatLocalTime(c.event.startsAt, tz);
  const value = minutes <= 120 ? 1 : minutes <= 240 ? 0.7 : 0.4;
  const evidence: Evidence =
    minutes <= 120 ? { key: 'timing.event_starts_in', params: { minutes, time } } : { key: 'timing.event_later', params: { time } };
  return { value, evidence, personalData: [] };
}

export const timing: Signal = {
  id: 'timing',
  compute(c, ctx): SignalResult {
    const tz = ctx.city.timezone;
    if (c.kind === 'event') return eventTiming(c, ctx.now, tz);
    const local = localParts(c.arrival, tz);
    const fit = categoryFit(c.place.category, local.hour + local.minute / 60);
    if (c.hours.kind === 'unknown') {
      return { value: clamp01(0.5 * fit), evidence: { key: 'timing.hours_unknown', params: {} }, personalData: [] };
    }
    if (c.hours.kind === 'closed') {
      return { value: 0, evidence: { key: 'timing.hours_unknown', params: {} }, personalData: [] };
    }
    if (c.hours.closesAt === null) {
      return { value: fit, evidence: { key: 'timing.open_24_7', params: {} }, personalData: [] };
    }
    const until = formatLocalTime(c.hours.closesAt, tz);
    const openMinutesLeft = (c.hours.closesAt.getTime() - c.arrival.getTime()) / 60_000;
    const staying = clamp01(openMinutesLeft / 90); // 90 min of opening left after arrival is plenty
    const meal = mealAt(local.hour + local.minute / 60);
    if (meal && c.place.category === 'restaurant' && staying >= 0.5) {
      return { value: clamp01(staying * fit), evidence: { key: 'timing.meal_time', params: { meal, until } }, personalData: [] };
    }
    const key = openMinutesLeft < 60 ? 'timing.open_closes_soon' : 'timing.open_until';
    return { value: clamp01(staying * fit), evidence: { key, params: { until } }, personalData: [] };
  },
};
