/**
 * Evaluates OpenStreetMap `opening_hours` strings in the city's time zone, fast enough for the ranking hot
 * path. Parsing a string costs about a millisecond and evaluating it tens of microseconds, so each distinct
 * string is parsed once and expanded into its open intervals over a nine-day window; a query is then a
 * binary search. The library reads the local fields of a JS Date, so it is handed Dates whose local fields
 * are the city's wall clock; the server runs with TZ=UTC (main.ts, test config) so such a Date never falls
 * in a DST gap of the process's own zone.
 */
import OpeningHours from 'opening_hours';
import { localParts, zonedTimeToUtc } from '@escale/shared';

export type HoursState = { kind: 'unknown' } | { kind: 'closed'; opensAt: Date | null } | { kind: 'open'; closesAt: Date | null }; // closesAt null: open for the whole coming week (24/7)

export interface Where {
  lat: number;
  lon: number;
  countryCode: string | null;
}

interface Interval {
  from: number; // instants (ms), already converted back from wall-clock time
  to: number;
  unknown: boolean;
  /** The answers inside the interval and before it, made once: a ranking asks hundreds of times a second. */
  during?: HoursState;
  before?: HoursState;
}

interface Schedule {
  windowStart: number;
  windowEnd: number;
  intervals: Interval[];
}

const DAY_MS = 86_400_000;
const parsed = new Map<string, OpeningHours | null>();
/**
 * Expanded schedules by zone, country, then the opening-hours string itself: the ranking asks for every
 * nearby place, and a key built by concatenation would be a new string to hash on every call.
 */
const schedules = new Map<string, Map<string, Map<string, Schedule>>>();

function parse(value: string, where: Where): OpeningHours | null {
  const key = `${where.countryCode ?? ''}|${value}`;
  if (parsed.has(key)) return parsed.get(key)!;
  let oh: OpeningHours | null = null;
  try {
    const nominatim = { lat: where.lat, lon: where.lon, address: { country_code: where.countryCode ?? '', state: '' } };
    oh = new OpeningHours(value, nominatim);
  } catch {
    oh = null; // an unparsable string means "hours unknown", never "always open"
  }
  parsed.set(key, oh);
  return oh;
}

function toWallDate(instant: number, timeZone: string): Date {
  const p = localParts(new Date(instant), timeZone);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

function fromWallDate(wall: Date, timeZone: string): number {
  return zonedTimeToUtc({ year: wall.getFullYear(), month: wall.getMonth() + 1, day: wall.getDate(), hour: wall.getHours(), minute: wall.getMinutes() }, timeZone).getTime();
}

function expand(oh: OpeningHours, at: number, timeZone: string): Schedule | null {
  // Whole minutes: the window's ends go through wall-clock Dates and back at minute precision, and an
  // interval running to the end of the window must come back equal to it, or a place open 24/7 would read
  // "closes in eight days", shown as "open until" the current minute.
  const minute = Math.floor(at / 60_000) * 60_000;
  const windowStart = minute - DAY_MS;
  const windowEnd = minute + 8 * DAY_MS;
  let raw: [Date, Date, boolean, string | undefined][];
  try {
    raw = oh.getOpenIntervals(toWallDate(windowStart, timeZone), toWallDate(windowEnd, timeZone));
  } catch {
    return null; // e.g. public holidays asked for a country the library does not know
  }
  const intervals: Interval[] = [];
  for (const [from, to, unknown] of raw) {
    const interval = { from: fromWallDate(from, timeZone), to: fromWallDate(to, timeZone), unknown };
    const last = intervals.at(-1);
    if (last && last.to === interval.from && last.unknown === interval.unknown) last.to = interval.to;
    else intervals.push(interval);
  }
  return { windowStart, windowEnd, intervals };
}

function scheduleFor(value: string, at: number, timeZone: string, where: Where): Schedule | null {
  let byCountry = schedules.get(timeZone);
  if (!byCountry) schedules.set(timeZone, (byCountry = new Map()));
  let zone = byCountry.get(where.countryCode ?? '');
  if (!zone) byCountry.set(where.countryCode ?? '', (zone = new Map()));
  const cached = zone.get(value);
  // Keep at least a week of lookahead, so "closes at" is always known within the coming week.
  if (cached && at >= cached.windowStart && at <= cached.windowEnd - 7 * DAY_MS) return cached;
  const oh = parse(value, where);
  const schedule = oh ? expand(oh, at, timeZone) : null;
  if (schedule) zone.set(value, schedule);
  return schedule;
}

/** Index of the first interval that ends after `t`. */
function firstEndingAfter(intervals: Interval[], t: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (intervals[mid]!.to <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function hoursAt(openingHours: string | null, at: Date, timeZone: string, where: Where): HoursState {
  if (!openingHours) return UNKNOWN;
  const t = at.getTime();
  const schedule = scheduleFor(openingHours, t, timeZone, where);
  if (!schedule) return UNKNOWN;
  const i = firstEndingAfter(schedule.intervals, t);
  const interval = schedule.intervals[i];
  if (!interval) return NEVER_OPENS;
  if (interval.from <= t) {
    return (interval.during ??= interval.unknown ? UNKNOWN : Object.freeze({ kind: 'open', closesAt: interval.to >= schedule.windowEnd ? null : new Date(interval.to) }));
  }
  return (interval.before ??= Object.freeze({ kind: 'closed', opensAt: new Date(interval.from) }));
}

const UNKNOWN: HoursState = Object.freeze({ kind: 'unknown' });
const NEVER_OPENS: HoursState = Object.freeze({ kind: 'closed', opensAt: null });

/**
 * Parses and expands every place's hours in small slices between other work, right after start, so the
 * first traveller's ranking does not pay for hundreds of parses (≈1 ms each) while start-up stays short.
 */
export function warmOpeningHours(places: readonly ({ openingHours: string | null } & Where)[], at: Date, timeZone: string): Promise<void> {
  const SLICE = 25;
  return new Promise((resolve) => {
    let i = 0;
    const step = () => {
      for (const end = Math.min(i + SLICE, places.length); i < end; i++) {
        const p = places[i]!;
        hoursAt(p.openingHours, at, timeZone, p);
      }
      if (i < places.length) setImmediate(step);
      else resolve();
    };
    setImmediate(step);
  });
}

/**
 * The hours as people read them, one line per rule, in English and in French ("lun.-ven. 10:00-18:00",
 * « dim. fermé »): the library's own prettifier. Null when the value cannot be parsed.
 */
export function readableHours(openingHours: string | null, where: Where): { en: string[]; fr: string[] } | null {
  if (!openingHours) return null;
  const oh = parse(openingHours, where);
  if (!oh) return null;
  // The library reads its options under `conf` (its type definitions say otherwise; flat options are ignored).
  const prettify = oh.prettifyValue.bind(oh) as unknown as (options: { conf: { locale: string; rule_sep_string: string; print_semicolon: boolean } }) => string;
  const lines = (locale: 'en' | 'fr') =>
    prettify({ conf: { locale, rule_sep_string: '\n', print_semicolon: false } })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  try {
    return { en: lines('en'), fr: lines('fr') };
  } catch {
    return null;
  }
}
