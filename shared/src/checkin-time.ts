/**
 * The instants check-in files write: unix seconds, ISO 8601, or the Foursquare TSMC2014 form
 * ("Sat Apr 07 17:42:00 +0000 2012"). One parser for the evaluation's readers and the next-POI sample
 * contract (nextpoi.ts), so a time a file may hold is a time a sample may hold.
 */

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const TSMC_TIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000 (\d{4})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const UNIX_SECONDS = /^\d{1,11}(\.\d+)?$/;

/** A UTC date from its parts, or null when a part rolled over (31 April, 25:00). */
function utcDate(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month, day, hour, minute, second));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return date;
}

/** "Sat Apr 07 17:42:00 +0000 2012" → the instant, or null when malformed, not a real date, or the weekday disagrees. */
export function parseTsmcTime(text: string): Date | null {
  const m = TSMC_TIME.exec(text);
  if (!m) return null;
  const month = MONTHS[m[2]!];
  if (month === undefined) return null;
  const date = utcDate(Number(m[7]), month, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return date && WEEKDAYS[date.getUTCDay()] === m[1] ? date : null;
}

/**
 * "2012-04-07T17:42:00Z", "2012-04-07 17:42:00+00:00", "2012-04-07T13:42-04:00" → the instant. A time without
 * an offset is read as UTC: the columns this reads are named for UTC (utc, UTC_time, timestamp).
 */
export function parseIsoTime(text: string): Date | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const date = utcDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  if (!date) return null;
  const millis = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  let offset = 0;
  if (m[8] && m[8] !== 'Z') {
    const digits = m[8].replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5) || 0);
    if (hours > 14 || minutes > 59) return null;
    offset = (digits[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return new Date(date.getTime() + millis - offset * 60_000);
}

/** Unix seconds (a number, or its text) → the instant; null for a negative, fractional-garbage or absurd value. */
export function parseUnixSeconds(value: number | string): Date | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (!UNIX_SECONDS.test(text)) return null;
  const seconds = Number(text);
  // Past 2286 (11 digits of seconds) a value is almost surely milliseconds: refuse rather than guess.
  return Number.isFinite(seconds) && seconds < 1e10 ? new Date(Math.round(seconds * 1000)) : null;
}

/** Any of the three forms; null when none fits. */
export function parseCheckinTime(value: number | string): Date | null {
  if (typeof value === 'number') return parseUnixSeconds(value);
  const text = value.trim();
  return parseUnixSeconds(text) ?? parseIsoTime(text) ?? parseTsmcTime(text);
}
