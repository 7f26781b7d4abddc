/**
 * When each kind of place makes sense, in the city's local time. "Usual" hours are when such a place is a
 * natural idea (dinner from 19:00, a museum at 15:00, a club after 23:00); "possible" hours are when it can
 * still be a good idea if it is known to be open (coffee at a bar at 07:30, a late museum opening, a
 * restaurant serving until 01:00). Outside the possible hours it is not suggested at all, whatever its
 * opening hours say (a theatre tagged "24/7" at 07:00, a park at 23:00). Windows may run past midnight
 * (26 = 02:00 the next morning).
 */
import type { CategoryId } from '@escale/shared';

type Window = [number, number];

export const USUAL_HOURS: Record<CategoryId, Window[]> = {
  restaurant: [
    [12, 14.5],
    [19, 22.5],
  ],
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
  park: [[7, 20]],
  market: [[7.5, 13.5]],
  // Nothing is known of the kind: daytime is the safe guess, and the rules on unknown hours still apply.
  other: [[9, 20]],
};

export const POSSIBLE_HOURS: Record<CategoryId, Window[]> = {
  restaurant: [[11.5, 25.5]],
  cafe: [[6.5, 24]],
  bar: [[7, 28]],
  nightlife: [[18, 30]],
  museum: [[9, 22]],
  gallery: [[10, 22]],
  cinema: [[10, 25.5]],
  music_venue: [[12, 27]],
  theatre: [[14, 24.5]],
  climbing: [[7, 23.5]],
  swimming: [[6.5, 23]],
  sports_centre: [[6.5, 23]],
  park: [[7, 21]],
  market: [[7, 20]],
  other: [[7, 23]],
};

function inWindow(hour: number, window: Window): boolean {
  // Indexes, not destructuring: destructuring goes through the array iterator, an allocation per call
  // on a path asked for every place near every ranking.
  const from = window[0];
  const to = window[1];
  return (hour >= from && hour < to) || (hour + 24 >= from && hour + 24 < to);
}

function inAnyWindow(windows: readonly Window[], hour: number): boolean {
  // A plain loop: asked for every place near the traveller, a closure per call shows in the profile.
  for (let i = 0; i < windows.length; i++) if (inWindow(hour, windows[i]!)) return true;
  return false;
}

export function inUsualHours(category: CategoryId, localHour: number): boolean {
  return inAnyWindow(USUAL_HOURS[category], localHour);
}

export function inPossibleHours(category: CategoryId, localHour: number): boolean {
  return inAnyWindow(POSSIBLE_HOURS[category], localHour);
}

/** 1 in usual hours, 0.3 in possible hours, 0 outside. */
export function categoryFit(category: CategoryId, localHour: number): number {
  if (inUsualHours(category, localHour)) return 1;
  return inPossibleHours(category, localHour) ? 0.3 : 0;
}

export const MEALS = { lunch: [12, 14.5] as Window, dinner: [19, 22.5] as Window };

export function mealAt(localHour: number): 'lunch' | 'dinner' | null {
  if (inWindow(localHour, MEALS.lunch)) return 'lunch';
  if (inWindow(localHour, MEALS.dinner)) return 'dinner';
  return null;
}
