/**
 * The demo's state in its address, so a moment can be shared: which trip, when, at what speed, compared
 * with what, and whether the presenter layout is on. `/demo?trip=lea-paris&t=2026-11-24T19:40&…`
 */
import { DemoVariant } from '@escale/shared';
import { SPEEDS } from './use-trip-player.ts';

export interface DemoUrlState {
  trip: string | null;
  /** Epoch ms; null: the trip's start. */
  t: number | null;
  speed: number;
  compare: DemoVariant | null;
  presenter: boolean;
}

const DEFAULT_SPEED = 60;

export function readDemoUrl(search: string): DemoUrlState {
  const q = new URLSearchParams(search);
  const trip = q.get('trip');
  const t = q.get('t') === null ? NaN : Date.parse(q.get('t')!);
  const speed = Number(q.get('speed'));
  const compare = DemoVariant.safeParse(q.get('compare'));
  return {
    trip: trip && /^[a-z0-9-]{1,80}$/.test(trip) ? trip : null,
    t: Number.isFinite(t) ? t : null,
    speed: (SPEEDS as readonly number[]).includes(speed) ? speed : DEFAULT_SPEED,
    compare: compare.success ? compare.data : null,
    presenter: q.get('presenter') === '1',
  };
}

/** The query string of a state; the moment to the minute, in UTC (the page shows it in the trip's zone). */
export function demoSearch(state: DemoUrlState): string {
  const q = new URLSearchParams();
  if (state.trip) q.set('trip', state.trip);
  if (state.t !== null) q.set('t', new Date(Math.floor(state.t / 60_000) * 60_000).toISOString().replace(':00.000Z', 'Z'));
  if (state.speed !== DEFAULT_SPEED) q.set('speed', String(state.speed));
  if (state.compare) q.set('compare', state.compare);
  if (state.presenter) q.set('presenter', '1');
  return `?${q.toString()}`;
}
