/**
 * Wall-clock time in a city's time zone, computed with Intl so it is right whatever zone the process runs
 * in, for every instant a Date can hold. Meal windows, quiet hours, opening hours and event schedules are all local times of the city.
 */
import { z } from 'zod';

/** Whether this runtime's Intl knows `name` as a time zone (an IANA name such as "Europe/Paris", or "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone, checked against Intl where it is read: a zone Intl does not know would otherwise pass
 * the catalogue's validation and throw a bare RangeError at the first local time computed in it.
 */
export const TimeZone = z.string().refine(isTimeZone, { error: (issue) => `unknown time zone ${JSON.stringify(issue.input)}; expected an IANA name such as "Europe/Paris"` });

export interface LocalParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

/**
 * One formatter per zone that names the offset ("GMT+01:00"): the offset is read straight from Intl, so it
 * is right for any instant a Date can hold, where reading the local date back from Intl's parts would
 * stumble on eras (years BC) and on Date.UTC's mapping of years 0–99 to 1900–1999.
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** The UTC instant of a wall-clock date and time read as UTC, for any year (Date.UTC turns 0–99 into 19xx). */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** Offset of `timeZone` from UTC at `date`, in minutes (Paris in winter: +60). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const name =
    offsetFormatterFor(timeZone)
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/.exec(name);
  if (!m) throw new RangeError(`Unreadable offset "${name}" for ${timeZone}`);
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0) + Math.round(Number(m[4] ?? 0) / 60);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The zone's offset at `date`, unless the wall clock would fall outside what a Date can hold (the last hours
 * at either end of its range): there, UTC, so that a time is still written for the right instant.
 */
function usableOffset(date: Date, timeZone: string): number {
  const offset = offsetMinutes(date, timeZone);
  return Math.abs(date.getTime() + offset * 60_000) <= 8.64e15 ? offset : 0;
}

export function localParts(date: Date, timeZone: string): LocalParts {
  // The wall clock is the instant shifted by the zone's offset, read as UTC.
  const wall = new Date(date.getTime() + usableOffset(date, timeZone) * 60_000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
  };
}

/** An ISO 8601 year: four digits from 0000 to 9999, else the expanded form with a sign and six digits. */
export function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}

/** "+01:00" for 60 minutes, "-05:00" for -300. */
export function isoOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes >= 0 ? '+' : '-'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant at which the city's clock reads the given wall time. In a DST gap (02:30 on the spring-forward
 * night) it returns the instant one hour later, which is what a calendar does.
 */
export function zonedTimeToUtc(wall: { year: number; month: number; day: number; hour: number; minute: number }, timeZone: string): Date {
  const guess = utcMillis(wall.year, wall.month, wall.day, wall.hour, wall.minute);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const second = guess - offsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(second);
}

export function formatLocalTime(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** ISO 8601 with the city's offset ("2026-11-23T20:30:00+01:00"), so a reader sees the local time. */
export function toZonedIso(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoYear(p.year)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${isoOffset(usableOffset(date, timeZone))}`;
}
