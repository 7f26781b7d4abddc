/**
 * The readable source of a demo trip (scripts/demo/trips/<id>.ts) and its compilation into a DemoTrip:
 * places named by catalogue id, times as the persona's wall clock, and every walk routed along the streets
 * with its arrival computed from the walking pace. The order of the script is the order of the trip.
 */
import { DemoTrip, distanceMeters, type BookingKind, type DemoPoint, type DemoStep, type DemoText, type FeedbackKind, localParts, toZonedIso, zonedTimeToUtc } from '@escale/shared';
import type { RIDE_MODES } from '@escale/shared';
import { routeWalk, type StreetNetwork } from './street-router.ts';

/** 4.5 km/h: a traveller's stroll with stops at shop windows, slower than the server's 4.8 km/h estimate. */
export const WALK_METERS_PER_MINUTE = 75;
/** 10 km/h: an easy morning run. */
export const RUN_METERS_PER_MINUTE = 167;
/** Quiet hours of the push policy: no walk is scripted in them, so a replay never shows a silent map. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

/** A catalogue place id of the current city, or a named point (a hotel, a station, an airport). */
export type Ref = string | { name: string; lat: number; lon: number };

/** Times are "HH:MM" on the current `day`, or "YYYY-MM-DD HH:MM", both on the current city's clock. */
export type ScriptStep =
  | { day: string }
  | { walk: Ref; depart?: string; run?: boolean }
  | { stay: Ref | 'here'; until: string; label: DemoText }
  | { ride: Ref; depart: string; arrive: string; mode: (typeof RIDE_MODES)[number]; label: DemoText; city?: string }
  | { import: string; at: string; bookings: BookingKind[]; holds: DemoText }
  | { feedback: string; kind: FeedbackKind; at: string; reason: DemoText };

export interface TripScript {
  id: string;
  personaId: string;
  title: DemoText;
  summary: DemoText;
  cities: { id: string; timeZone: string }[];
  /** Where and when the replay begins ("YYYY-MM-DD HH:MM" in the first city). */
  start: { at: string; where: Ref };
  end: string;
  steps: ScriptStep[];
}

export interface CataloguePlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export interface TripSources {
  places(city: string): ReadonlyMap<string, CataloguePlace>;
  network(city: string): StreetNetwork;
}

export class ScriptError extends Error {}

export function compileTrip(script: TripScript, sources: TripSources): DemoTrip {
  let city = script.cities[0]!;
  let day = '';
  const instant = (time: string): Date => {
    const full = /^\d{4}-\d{2}-\d{2} /.test(time) ? time : `${day} ${time}`;
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(full);
    if (!m) throw new ScriptError(`${script.id}: bad time "${time}" (expected HH:MM after a day, or YYYY-MM-DD HH:MM)`);
    const [year, month, dayOfMonth, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
    return zonedTimeToUtc({ year, month, day: dayOfMonth, hour, minute }, city.timeZone);
  };
  const iso = (date: Date) => toZonedIso(date, city.timeZone);
  const point = (ref: Ref): DemoPoint => {
    if (typeof ref !== 'string') return { name: ref.name, lat: ref.lat, lon: ref.lon };
    const place = sources.places(city.id).get(ref);
    if (!place) throw new ScriptError(`${script.id}: ${ref} is not in data/${city.id}/places.json`);
    return { placeId: place.id, name: place.name, lat: place.lat, lon: place.lon };
  };

  let here = point(script.start.where);
  const startedAt = instant(script.start.at);
  let clock = startedAt;
  const notBefore = (t: Date, what: string) => {
    if (t < clock) throw new ScriptError(`${script.id}: ${what} at ${iso(t)} begins before the previous step ends (${iso(clock)})`);
  };
  const steps: DemoStep[] = [];
  for (const step of script.steps) {
    if ('day' in step) {
      day = step.day;
    } else if ('walk' in step) {
      const to = point(step.walk);
      const departAt = step.depart ? instant(step.depart) : clock;
      notBefore(departAt, `the walk to ${to.name}`);
      const route = routeWalk(sources.network(city.id), here, to);
      const pace = step.run ? RUN_METERS_PER_MINUTE : WALK_METERS_PER_MINUTE;
      const arriveAt = new Date(departAt.getTime() + Math.max(1, Math.ceil(route.lengthMeters / pace)) * 60_000);
      for (const t of [departAt, arriveAt]) {
        const { hour, minute } = localParts(t, city.timeZone);
        const inQuiet = hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
        if (inQuiet && !(hour === QUIET_FROM_HOUR && minute === 0 && t === arriveAt)) {
          throw new ScriptError(`${script.id}: the walk to ${to.name} at ${iso(t)} falls in quiet hours (22:00–08:00)`);
        }
      }
      steps.push({ kind: 'walk', departAt: iso(departAt), arriveAt: iso(arriveAt), from: here, to, path: route.path, lengthMeters: route.lengthMeters, pace: step.run ? 'run' : 'walk' });
      [here, clock] = [to, arriveAt];
    } else if ('stay' in step) {
      const at = step.stay === 'here' ? here : point(step.stay);
      if (distanceMeters(at, here) > 200) throw new ScriptError(`${script.id}: a stay at ${at.name} is ${Math.round(distanceMeters(at, here))} m from where the persona is`);
      const until = instant(step.until);
      steps.push({ kind: 'stay', from: iso(clock), until: iso(until), at, label: step.label });
      clock = until;
    } else if ('ride' in step) {
      const departAt = instant(step.depart);
      notBefore(departAt, 'a ride');
      const departIso = iso(departAt);
      if (step.city) {
        const next = script.cities.find((c) => c.id === step.city);
        if (!next) throw new ScriptError(`${script.id}: a ride to ${step.city}, which is not among the trip's cities`);
        city = next;
      }
      const to = point(step.ride);
      const arriveAt = instant(step.arrive);
      steps.push({ kind: 'ride', departAt: departIso, arriveAt: iso(arriveAt), from: here, to, mode: step.mode, label: step.label });
      [here, clock] = [to, arriveAt];
    } else if ('import' in step) {
      steps.push({ kind: 'import', at: iso(instant(step.at)), file: step.import, bookings: step.bookings, holds: step.holds });
    } else {
      if (!sources.places(city.id).has(step.feedback)) throw new ScriptError(`${script.id}: feedback on ${step.feedback}, not in data/${city.id}/places.json`);
      steps.push({ kind: 'feedback', at: iso(instant(step.at)), placeId: step.feedback, feedback: step.kind, reason: step.reason });
    }
  }

  const first = script.cities[0]!;
  const parsed = DemoTrip.safeParse({
    id: script.id,
    personaId: script.personaId,
    title: script.title,
    summary: script.summary,
    cities: script.cities,
    timeZone: first.timeZone,
    startsAt: toZonedIso(startedAt, first.timeZone),
    endsAt: iso(instant(script.end)),
    steps,
  });
  if (!parsed.success) throw new ScriptError(`${script.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
