/**
 * "Meal window": one of the traveller's meal times (12:00 and 19:30 by default, city time) has begun. It
 * stays "begun" for an hour and a half, so a push held back by politeness can still go out a little later;
 * each window is announced once.
 */
import { minutesOfDay, type PushSettings } from '@escale/shared';
import type { PushState } from '../state.ts';
import type { Firing } from './firing.ts';

export const MEAL_WINDOW_MINUTES = 90;

export function mealWindowTrigger(settings: PushSettings, state: PushState, localDate: string, localMinutes: number): Firing | null {
  if (!settings.triggers.meal_window) return null;
  for (const time of settings.mealTimes) {
    const start = minutesOfDay(time);
    if (localMinutes < start || localMinutes >= start + MEAL_WINDOW_MINUTES) continue;
    const key = `${localDate} ${time}`;
    if (state.lastMeal === key) return null;
    const meal = start < 16 * 60 ? 'lunch' : 'dinner';
    return { kind: 'meal_window', evidence: { key: 'trigger.meal_window', params: { meal, time } }, remember: { lastMeal: key } };
  }
  return null;
}
