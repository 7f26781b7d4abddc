import { describe, expect, it } from 'vitest';
import { formatLocalTime, localParts, offsetMinutes, TimeZone, toZonedIso, zonedTimeToUtc } from './time.ts';

describe('city wall-clock time', () => {
  it('reads Paris local time and weekday from an instant', () => {
    expect(localParts(new Date('2026-11-24T23:30:00Z'), 'Europe/Paris')).toMatchObject({ day: 25, hour: 0, minute: 30, weekday: 3 });
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toBe(120);
  });

  it('converts a local wall time back to the instant, in winter and in summer', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 24, hour: 20, minute: 30 }, 'Europe/Paris').toISOString()).toBe('2026-11-24T19:30:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 14, hour: 20, minute: 30 }, 'Europe/Paris').toISOString()).toBe('2026-07-14T18:30:00.000Z');
  });

  it('moves a time in the spring-forward gap one hour later, like a calendar', () => {
    const t = zonedTimeToUtc({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }, 'Europe/Paris');
    expect(formatLocalTime(t, 'Europe/Paris')).toBe('03:30');
  });

  it('writes ISO 8601 with the city offset', () => {
    expect(toZonedIso(new Date('2026-11-24T19:30:00Z'), 'Europe/Paris')).toBe('2026-11-24T20:30:00+01:00');
    expect(toZonedIso(new Date('2026-11-24T19:30:00Z'), 'America/New_York')).toBe('2026-11-24T14:30:00-05:00');
  });
});

describe('time zone schema', () => {
  it('accepts IANA zones and UTC, and refuses what Intl does not know, saying so', () => {
    for (const zone of ['Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC']) expect(TimeZone.parse(zone)).toBe(zone);
    for (const zone of ['Europe/Pariss', 'Mars/Olympus', '', '+01:00']) {
      const parsed = TimeZone.safeParse(zone);
      expect(parsed.success, zone).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(`unknown time zone ${JSON.stringify(zone)}; expected an IANA name such as "Europe/Paris"`);
    }
  });
});
