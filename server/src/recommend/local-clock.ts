/**
 * The city's local hour for an instant, cached by minute: every candidate of a ranking asks it (arrival
 * times differ by the walk), and Intl's formatting costs microseconds a call, a quarter of a ranking's time
 * before this cache.
 */
import { formatLocalTime, localParts, offsetMinutes } from '@escale/shared';

const MAX_ENTRIES = 4096;

/** Per time zone, minute number → value; numeric keys, so a lookup builds no string. */
type Cache<T> = Map<string, Map<number, T>>;
const hours: Cache<number> = new Map();
const clocks: Cache<string> = new Map();
const dates: Cache<string> = new Map();

function remember<T>(cache: Cache<T>, timeZone: string, minute: number, compute: () => T): T {
  let zone = cache.get(timeZone);
  if (!zone) cache.set(timeZone, (zone = new Map()));
  let value = zone.get(minute);
  if (value === undefined) {
    if (zone.size >= MAX_ENTRIES) zone.clear();
    value = compute();
    zone.set(minute, value);
  }
  return value;
}

/** Local time of day as a fractional hour (18.5 = 18:30). */
export function localHour(at: Date, timeZone: string): number {
  const minute = Math.floor(at.getTime() / 60_000);
  return remember(hours, timeZone, minute, () => {
    const p = localParts(new Date(minute * 60_000), timeZone);
    return p.hour + p.minute / 60;
  });
}

/** "HH:MM" in the city's zone. */
export function localClock(at: Date, timeZone: string): string {
  const minute = Math.floor(at.getTime() / 60_000);
  return remember(clocks, timeZone, minute, () => formatLocalTime(new Date(minute * 60_000), timeZone));
}

/** "YYYY-MM-DD" of the city's calendar. */
export function localDate(at: Date, timeZone: string): string {
  const minute = Math.floor(at.getTime() / 60_000);
  return remember(dates, timeZone, minute, () => {
    const p = localParts(new Date(minute * 60_000), timeZone);
    return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  });
}

const offsets: Cache<number> = new Map();
/** Every offset change of the tz database's present-day rules falls on a quarter hour (UTC). */
const QUARTER_HOUR = 15;

/** The zone's offset from UTC, in minutes, at a minute since the epoch; cached by quarter hour. */
function zoneOffset(minute: number, timeZone: string): number {
  const quarter = Math.floor(minute / QUARTER_HOUR);
  return remember(offsets, timeZone, quarter, () => offsetMinutes(new Date(quarter * QUARTER_HOUR * 60_000), timeZone));
}

/**
 * The local hour after each whole number of minutes from `from`, as localHour would give it, for a ranking
 * that asks it of hundreds of places at once. Within a window where the zone's offset does not change (every
 * window but the few hours around a daylight-saving switch) it is arithmetic on the offset; across a
 * switch each answer is localHour's own.
 */
export function localHoursFrom(from: Date, timeZone: string, windowMinutes: number): (minutesLater: number) => number {
  const fromMinute = Math.floor(from.getTime() / 60_000);
  const offset = zoneOffset(fromMinute, timeZone);
  if (zoneOffset(fromMinute + windowMinutes, timeZone) !== offset) {
    return (later) => localHour(new Date((fromMinute + later) * 60_000), timeZone);
  }
  return (later) => {
    const ofDay = (((fromMinute + later + offset) % 1440) + 1440) % 1440;
    // The same sum as localHour's (hour + minute / 60), so both give the very same number.
    return Math.floor(ofDay / 60) + (ofDay % 60) / 60;
  };
}
