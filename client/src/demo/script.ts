/**
 * Reading a demo trip's script at a moment: where the persona is (along a walk's streets, at a stay, at
 * the start of a ride until it arrives), what they are doing, and which one-off steps (wallet imports,
 * feedback) fall between two moments. Pure: the player (use-trip-player.ts) turns it into server calls.
 */
import { distanceMeters, stepEndsAt, stepStartsAt, type DemoStep, type DemoTrip, type LatLon } from '@escale/shared';

const ms = (iso: string) => Date.parse(iso);

/** A point `fraction` (0..1) of the way along a path of [lon, lat] pairs, by distance walked. */
export function alongPath(path: readonly (readonly [number, number])[], fraction: number): LatLon {
  const points = path.map(([lon, lat]) => ({ lat, lon }));
  if (points.length === 1 || fraction <= 0) return points[0]!;
  const legs = points.slice(1).map((p, i) => distanceMeters(points[i]!, p));
  const total = legs.reduce((a, b) => a + b, 0);
  let left = Math.min(1, fraction) * total;
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i]!;
    if (left <= leg && leg > 0) {
      const f = left / leg;
      const [a, b] = [points[i]!, points[i + 1]!];
      return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f };
    }
    left -= leg;
  }
  return points[points.length - 1]!;
}

const MOVES = new Set(['walk', 'ride', 'stay']);

/** The step under way at `t` (a walk, ride or stay), else the last one that ended before it. */
export function activityAt(trip: DemoTrip, t: number): { step: DemoStep; index: number; ongoing: boolean } | null {
  let last: { step: DemoStep; index: number; ongoing: boolean } | null = null;
  trip.steps.forEach((step, index) => {
    if (!MOVES.has(step.kind)) return;
    const [start, end] = [ms(stepStartsAt(step)), ms(stepEndsAt(step))];
    if (start <= t && t < end) last = { step, index, ongoing: true };
    else if (end <= t && !(last as { ongoing: boolean } | null)?.ongoing) last = { step, index, ongoing: false };
  });
  return last;
}

/** Where the persona is at `t`; before the first move, where it starts. */
export function positionAt(trip: DemoTrip, t: number): LatLon {
  const now = activityAt(trip, t);
  const first = trip.steps.find((s) => MOVES.has(s.kind));
  if (!now) return first ? startOf(first) : { lat: 0, lon: 0 };
  const { step, ongoing } = now;
  if (step.kind === 'walk') {
    if (!ongoing) return step.to;
    return alongPath(step.path, (t - ms(step.departAt)) / (ms(step.arriveAt) - ms(step.departAt)));
  }
  // A train or a plane: no signal on board; the position is where it left until it arrives.
  if (step.kind === 'ride') return ongoing ? step.from : step.to;
  if (step.kind === 'stay') return step.at;
  return { lat: 0, lon: 0 };
}

function startOf(step: DemoStep): LatLon {
  if (step.kind === 'walk' || step.kind === 'ride') return step.from;
  if (step.kind === 'stay') return step.at;
  return { lat: 0, lon: 0 };
}

/** The imports and feedback due in (from, to]: what the player does when the clock passes them. */
export function dueBetween(trip: DemoTrip, from: number, to: number): Array<{ step: Extract<DemoStep, { kind: 'import' | 'feedback' }>; index: number }> {
  const out: Array<{ step: Extract<DemoStep, { kind: 'import' | 'feedback' }>; index: number }> = [];
  trip.steps.forEach((step, index) => {
    if ((step.kind === 'import' || step.kind === 'feedback') && ms(step.at) > from && ms(step.at) <= to) out.push({ step, index });
  });
  return out;
}

/**
 * The moments the arrow keys step between: each time the persona sets off (a walk, a run, a ride), and the
 * trip's start and end. What falls in between (arrivals, imports, feedback) is done on the way.
 */
export function stepMoments(trip: DemoTrip): number[] {
  const departures = trip.steps.filter((s) => s.kind === 'walk' || s.kind === 'ride').map((s) => ms(stepStartsAt(s)));
  return [...new Set([ms(trip.startsAt), ...departures, ms(trip.endsAt)])].sort((a, b) => a - b);
}

/** The next (+1) or previous (-1) step moment from `t`, within the trip. */
export function stepFrom(trip: DemoTrip, t: number, direction: 1 | -1): number {
  const moments = stepMoments(trip);
  if (direction === 1) return moments.find((m) => m > t + 500) ?? ms(trip.endsAt);
  return [...moments].reverse().find((m) => m < t - 500) ?? ms(trip.startsAt);
}

/** Clamps a moment into the trip. */
export function withinTrip(trip: DemoTrip, t: number): number {
  return Math.min(ms(trip.endsAt), Math.max(ms(trip.startsAt), t));
}
