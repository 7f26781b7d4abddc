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

describe('ISO 8601 for any instant', () => {
  const ISO = /^(\d{4}|[+-]\d{6})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-](0\d|1[0-4]):[0-5]\d$/;
  const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Kiritimati'];
  // The ends of a Date's range, years BC, years 0–99 (which Date.UTC maps to 19xx), the last four-digit year
  // and the first five-digit one, then a spread of instants in between.
  const instants = [
    8.64e15,
    -8.64e15,
    Date.UTC(-5, 0, 1) - 6 * 365 * 86_400_000,
    new Date('0050-03-01T00:00:00Z').getTime(),
    new Date('9999-12-31T23:30:00Z').getTime(),
    new Date('+010000-01-01T00:30:00Z').getTime(),
    ...Array.from({ length: 200 }, (_, i) => -8.64e15 + ((i + 0.5) / 200) * 1.728e16),
  ];

  it('writes a well-formed time with a sane offset that reads back as the same instant', () => {
    for (const zone of zones) {
      for (const ms of instants) {
        const text = toZonedIso(new Date(ms), zone);
        expect(text, `${new Date(ms).toISOString()} in ${zone}`).toMatch(ISO);
        expect(Date.parse(text), text).toBe(Math.floor(ms / 1000) * 1000);
      }
    }
  });

  it('reads the offset of far-off years without the year going wrong', () => {
    expect(offsetMinutes(new Date('0050-07-01T12:00:00Z'), 'Europe/Paris')).toBe(9);
    expect(localParts(new Date('0050-07-01T12:00:00Z'), 'America/New_York')).toMatchObject({ year: 50, month: 7, day: 1 });
    expect(toZonedIso(new Date('+012000-01-01T00:00:00Z'), 'Europe/Paris')).toBe('+012000-01-01T01:00:00+01:00');
  });
});

describe('local parts', () => {
  it('agree with the wall clock Intl prints, through a year in zones with and without daylight saving', () => {
    for (const timeZone of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      const intl = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7 * 3600_000 + 11 * 60_000 + 7_000) {
        const printed = Object.fromEntries(intl.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
        const p = localParts(new Date(t), timeZone);
        expect([p.year, p.month, p.day, p.hour, p.minute, p.second]).toEqual(['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(printed[k])));
      }
    }
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
