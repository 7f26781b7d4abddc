/**
 * The city's local hour, clock and date for an instant, by arithmetic on the zone's offset: every candidate
 * of a ranking asks for them (arrival times differ by the walk, evidence quotes dates of past visits), and
 * Intl's formatting costs microseconds a call. The offset itself comes from Intl once per UTC day, and per
 * quarter hour on the day of a daylight-saving switch.
 */
import { isoOffset, isoYear, offsetMinutes } from '@escale/shared';

const MAX_ENTRIES = 4096;
const MINUTES_PER_DAY = 1440;
/** Every offset change of the tz database's present-day rules falls on a quarter hour (UTC). */
const QUARTER_HOUR = 15;

/** Per time zone, a day or quarter-hour number → offset; numeric keys, so a lookup builds no string. */
type Cache = Map<string, Map<number, number>>;
const byDay: Cache = new Map();
const byQuarter: Cache = new Map();

function remember(cache: Cache, timeZone: string, key: number, compute: () => number): number {
  let zone = cache.get(timeZone);
  if (!zone) cache.set(timeZone, (zone = new Map()));
  let value = zone.get(key);
  if (value === undefined) {
    if (zone.size >= MAX_ENTRIES) zone.clear();
    value = compute();
    zone.set(key, value);
  }
  return value;
}

/** The last minute a Date can hold, either way: a day's first or last minute may lie beyond it. */
const EDGE_MINUTE = 8.64e15 / 60_000;
const offsetAt = (minute: number, timeZone: string) => offsetMinutes(new Date(Math.max(-EDGE_MINUTE, Math.min(EDGE_MINUTE, minute)) * 60_000), timeZone);

/** The zone's offset from UTC, in minutes, at a minute since the epoch. */
function zoneOffset(minute: number, timeZone: string): number {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  // NaN marks a day whose offset changes (its first and last minutes disagree): asked by quarter hour.
  const wholeDay = remember(byDay, timeZone, day, () => {
    const first = offsetAt(day * MINUTES_PER_DAY, timeZone);
    return offsetAt(day * MINUTES_PER_DAY + MINUTES_PER_DAY - 1, timeZone) === first ? first : Number.NaN;
  });
  if (!Number.isNaN(wholeDay)) return wholeDay;
  const quarter = Math.floor(minute / QUARTER_HOUR);
  return remember(byQuarter, timeZone, quarter, () => offsetAt(quarter * QUARTER_HOUR, timeZone));
}

/** Minutes since the epoch of the local wall clock at `minute` (UTC): its date and time, read as UTC. */
function wallMinute(minute: number, timeZone: string): number {
  return minute + zoneOffset(minute, timeZone);
}

function hourOfWall(wall: number): number {
  const ofDay = ((wall % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return Math.floor(ofDay / 60) + (ofDay % 60) / 60;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time of day as a fractional hour (18.5 = 18:30). */
export function localHour(at: Date, timeZone: string): number {
  return hourOfWall(wallMinute(Math.floor(at.getTime() / 60_000), timeZone));
}

/** "HH:MM" of each wall-clock minute of the day, built once: evidence quotes closing times by the hundred. */
const CLOCKS = Array.from({ length: MINUTES_PER_DAY }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

/** "HH:MM" in the city's zone. */
export function localClock(at: Date, timeZone: string): string {
  const wall = wallMinute(Math.floor(at.getTime() / 60_000), timeZone);
  return CLOCKS[((wall % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY]!;
}

/** "YYYY-MM-DD" of the city's calendar. */
export function localDate(at: Date, timeZone: string): string {
  const wall = new Date(wallMinute(Math.floor(at.getTime() / 60_000), timeZone) * 60_000);
  return `${isoYear(wall.getUTCFullYear())}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** ISO 8601 with the city's offset, as toZonedIso writes it ("2026-11-24T16:30:05+01:00"): once per push. */
export function localIso(at: Date, timeZone: string): string {
  const ms = at.getTime();
  const zone = zoneOffset(Math.floor(ms / 60_000), timeZone);
  // At the very ends of a Date's range the wall clock cannot be held: written in UTC, for the same instant.
  const offset = Math.abs(ms + zone * 60_000) <= 8.64e15 ? zone : 0;
  const wall = new Date(ms + offset * 60_000);
  return (
    `${isoYear(wall.getUTCFullYear())}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    isoOffset(offset)
  );
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
  return (later) => hourOfWall(fromMinute + later + offset);
}

/** Saturday or Sunday on the city's calendar: habits differ between working days and the weekend. */
export function localWeekend(at: Date, timeZone: string): boolean {
  const day = Math.floor(wallMinute(Math.floor(at.getTime() / 60_000), timeZone) / MINUTES_PER_DAY);
  // Day 0 of the epoch (1970-01-01) was a Thursday: (day + 4) mod 7 is 0 on Sundays, 6 on Saturdays.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}
