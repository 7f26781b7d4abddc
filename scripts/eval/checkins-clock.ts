/**
 * The city's clock for a check-in file: the ranker reads local hours through an IANA time zone, and a file
 * gives, at best, each check-in's offset from UTC. The zone chosen is the one that reproduces the most
 * offsets (daylight saving included); a file without offsets gets a fixed zone from its longitude, reported
 * as estimated.
 */
import { offsetMinutes } from '../../shared/src/time.ts';
import type { Checkin } from './checkins-row.ts';

export interface CityClock {
  /** IANA name; any zone with the same offsets on the file's days gives the same clock. */
  timezone: string;
  /** The most common offset, in minutes (or the estimated one). */
  offsetMinutes: number;
  /** True when the file has no offsets and the zone comes from the longitude. */
  estimated: boolean;
  /** Rows with an offset, and the share of them the zone reproduces. */
  rowsWithOffset: number;
  agreement: number;
}

/** Among zones that fit equally, the one a reader expects to see named (the datasets' usual cities). */
const PREFERRED = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'Europe/London',
  'Europe/Paris',
  'Europe/Budapest',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Australia/Melbourne',
  'Australia/Sydney',
];

/** Etc/GMT zones count the other way: Etc/GMT+5 is five hours behind UTC. */
export function fixedZone(hours: number): string {
  if (hours === 0) return 'UTC';
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

/** A zone's offset on each distinct (UTC day, offset) of the file, weighed by rows: cheap for 100k rows. */
function dayOffsets(checkins: readonly Checkin[]): { at: Date; offset: number; rows: number }[] {
  const byKey = new Map<string, { at: Date; offset: number; rows: number }>();
  for (const c of checkins) {
    if (c.tzOffsetMinutes === null) continue;
    const key = `${Math.floor(c.at.getTime() / 86_400_000)}|${c.tzOffsetMinutes}`;
    const entry = byKey.get(key);
    if (entry) entry.rows++;
    else byKey.set(key, { at: c.at, offset: c.tzOffsetMinutes, rows: 1 });
  }
  return [...byKey.values()];
}

export function cityClock(checkins: readonly Checkin[], zones: readonly string[] = Intl.supportedValuesOf('timeZone')): CityClock {
  const days = dayOffsets(checkins);
  const rowsWithOffset = days.reduce((n, d) => n + d.rows, 0);
  if (rowsWithOffset === 0) {
    const hours = Math.round(median(checkins.map((c) => c.lon)) / 15);
    return { timezone: fixedZone(hours), offsetMinutes: hours * 60, estimated: true, rowsWithOffset: 0, agreement: 0 };
  }
  const counts = new Map<number, number>();
  for (const d of days) counts.set(d.offset, (counts.get(d.offset) ?? 0) + d.rows);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  // Only zones that show the most common offset on one of its days can win: a few dozen of four hundred.
  const sample = days.find((d) => d.offset === common)!.at;
  const fixed = common % 60 === 0 ? [fixedZone(common / 60)] : [];
  const candidates = [...new Set([...zones, ...fixed])].filter((z) => offsetMinutes(sample, z) === common);
  const agreeing = (zone: string) => days.reduce((n, d) => n + (offsetMinutes(d.at, zone) === d.offset ? d.rows : 0), 0);
  const preference = (zone: string) => (PREFERRED.includes(zone) ? PREFERRED.indexOf(zone) : PREFERRED.length);
  const scored = candidates.map((zone) => ({ zone, rows: agreeing(zone) }));
  scored.sort((a, b) => b.rows - a.rows || preference(a.zone) - preference(b.zone) || a.zone.localeCompare(b.zone));
  const best = scored[0] ?? { zone: fixedZone(Math.round(common / 60)), rows: 0 };
  return { timezone: best.zone, offsetMinutes: common, estimated: false, rowsWithOffset, agreement: best.rows / rowsWithOffset };
}

/** A check-in's offset: its own when the file gives one, else the clock's at that instant. */
export function offsetOf(c: Checkin, clock: CityClock): number {
  return c.tzOffsetMinutes ?? offsetMinutes(c.at, clock.timezone);
}
