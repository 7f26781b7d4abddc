/**
 * Times as sources write them, read into an instant and the zone it is shown in. A time with an offset is
 * exact; a time without one ("floating") and a date alone are read in the trip's zone, and say so: the
 * preview shows the warning, the traveller corrects it if the place is elsewhere.
 */
import { offsetMinutes, toZonedIso, zonedTimeToUtc, type Evidence } from '@escale/shared';

export interface ReadInstant {
  /** ISO 8601 with its offset, as the contract stores it. */
  iso: string;
  /** The IANA zone to show it in. */
  zone: string;
  warning: Evidence | null;
  /** A date without a time of day. */
  dateOnly: boolean;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The zone an offset is shown in: the trip's zone when it has that offset at that instant, else a fixed
 * offset zone (Etc/GMT±N, whole hours; IANA's sign is inverted), else UTC.
 */
export function zoneForOffset(instant: Date, offset: number, tripZone: string): string {
  if (offsetMinutes(instant, tripZone) === offset) return tripZone;
  if (offset === 0) return 'UTC';
  if (offset % 60 === 0 && Math.abs(offset) <= 14 * 60) return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset) / 60}`;
  return 'UTC';
}

/** Reads a schema.org / ISO date or date-time; null when it is not one. `zone`: the zone the source names, if any. */
export function readInstant(value: unknown, tripZone: string, zone?: string | null): ReadInstant | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, off] = m;
  const wall = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0) };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59) return null;
  const seconds = Number(s ?? 0) * 1000;
  if (off !== undefined) {
    const offset = off === 'Z' ? 0 : (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(-2)));
    const instant = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) + seconds - offset * 60_000);
    const shown = zone && offsetMinutes(instant, zone) === offset ? zone : zoneForOffset(instant, offset, tripZone);
    return { iso: toZonedIso(instant, shown), zone: shown, warning: null, dateOnly: false };
  }
  const readIn = zone ?? tripZone;
  const instant = new Date(zonedTimeToUtc(wall, readIn).getTime() + seconds);
  const dateOnly = h === undefined;
  // A date alone is always said; a time is said when the zone it is read in was assumed.
  const warning: Evidence | null = dateOnly ? { key: 'wallet.import.date_only', params: { zone: readIn } } : zone ? null : { key: 'wallet.import.no_zone', params: { zone: readIn } };
  return { iso: toZonedIso(instant, readIn), zone: readIn, warning, dateOnly };
}
