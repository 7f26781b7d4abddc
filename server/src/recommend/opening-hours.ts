/**
 * Evaluates OpenStreetMap `opening_hours` strings in the city's time zone. The library reads the local
 * fields of a JS Date, so we hand it a Date whose local fields are the city's wall clock; the server runs
 * with TZ=UTC (set in main.ts and the test config) so such a Date never falls in a process-side DST gap.
 */
import OpeningHours from 'opening_hours';
import { localParts, zonedTimeToUtc } from '@escale/shared';

export type HoursState =
  | { kind: 'unknown' }
  | { kind: 'closed'; opensAt: Date | null }
  | { kind: 'open'; closesAt: Date | null }; // closesAt null: open for the coming week (24/7)

interface Where {
  lat: number;
  lon: number;
  countryCode: string | null;
}

const cache = new Map<string, OpeningHours | null>();

function parse(value: string, where: Where): OpeningHours | null {
  const key = `${where.countryCode ?? ''}|${value}`;
  if (cache.has(key)) return cache.get(key)!;
  let parsed: OpeningHours | null = null;
  try {
    const nominatim = { lat: where.lat, lon: where.lon, address: { country_code: where.countryCode ?? '', state: '' } };
    parsed = new OpeningHours(value, nominatim);
  } catch {
    parsed = null; // an unparsable string means "hours unknown", never "always open"
  }
  cache.set(key, parsed);
  return parsed;
}

function toWallDate(instant: Date, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

function fromWallDate(wall: Date, timeZone: string): Date {
  return zonedTimeToUtc(
    { year: wall.getFullYear(), month: wall.getMonth() + 1, day: wall.getDate(), hour: wall.getHours(), minute: wall.getMinutes() },
    timeZone,
  );
}

const WEEK_MS = 7 * 86_400_000;

export function hoursAt(openingHours: string | null, at: Date, timeZone: string, where: Where): HoursState {
  if (!openingHours) return { kind: 'unknown' };
  const oh = parse(openingHours, where);
  if (!oh) return { kind: 'unknown' };
  const wall = toWallDate(at, timeZone);
  if (oh.getUnknown(wall)) return { kind: 'unknown' };
  const next = oh.getNextChange(wall, new Date(wall.getTime() + WEEK_MS));
  const change = next ? fromWallDate(next, timeZone) : null;
  return oh.getState(wall) ? { kind: 'open', closesAt: change } : { kind: 'closed', opensAt: change };
}

/** True when the string parses; the catalogue builder and imports use it to report bad hours. */
export function isValidOpeningHours(value: string, where: Where): boolean {
  return parse(value, where) !== null;
}
