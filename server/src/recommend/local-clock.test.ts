import { formatLocalTime, localParts, offsetMinutes, toZonedIso } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { localClock, localDate, localHour, localHoursFrom, localIso, localWeekend } from './local-clock.ts';

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];

describe('local clock', () => {
  it('writes the same well-formed ISO time as toZonedIso for far-off instants (years BC, 0–99, five digits, the ends of the range)', () => {
    const far = [8.64e15, -8.64e15, Date.parse('-000005-06-01T00:00:00Z'), Date.parse('0050-03-01T10:00:00Z'), Date.parse('9999-12-31T23:30:00Z'), Date.parse('+010000-01-01T00:30:00Z')];
    for (const zone of ZONES) {
      for (const ms of far) {
        const text = localIso(new Date(ms), zone);
        expect(text).toBe(toZonedIso(new Date(ms), zone));
        expect(Date.parse(text), text).toBe(ms);
      }
    }
  });

  it('agrees with Intl through a year, and minute by minute around each daylight-saving switch, in several zones', () => {
    const check = (zone: string, at: Date) => {
      const p = localParts(at, zone);
      const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
      const expected = { hour: p.hour + p.minute / 60, clock: formatLocalTime(at, zone), date, iso: toZonedIso(at, zone) };
      const actual = { hour: localHour(at, zone), clock: localClock(at, zone), date: localDate(at, zone), iso: localIso(at, zone) };
      // Compared only on a difference, so that the hundred thousand checks stay fast.
      if (actual.hour !== expected.hour || actual.clock !== expected.clock || actual.date !== expected.date || actual.iso !== expected.iso) {
        expect({ zone, at: at.toISOString(), ...actual }).toEqual({ zone, at: at.toISOString(), ...expected });
      }
    };
    let switches = 0;
    for (const zone of ZONES) {
      let previous: number | null = null;
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 97 * 60_000 + 13_000) {
        check(zone, new Date(t));
        const offset = offsetMinutes(new Date(t), zone);
        if (previous !== null && offset !== previous) {
          switches++;
          for (let m = t - 200 * 60_000; m <= t + 100 * 60_000; m += 60_000) check(zone, new Date(m));
        }
        previous = offset;
      }
    }
    // Paris, New York and Lord Howe (half an hour, at 02:00 local) switch twice a year; Kolkata and UTC never.
    expect(switches).toBe(6);
  });

  const fromEachMinute = (from: string) => {
    const start = new Date(from);
    const hourAfter = localHoursFrom(start, 'Europe/Paris', 180);
    for (let minutes = 0; minutes <= 180; minutes++) {
      expect(hourAfter(minutes)).toBe(localHour(new Date(start.getTime() + minutes * 60_000), 'Europe/Paris'));
    }
  };

  it('gives localHour’s answer for every minute of a walk, past midnight', () => fromEachMinute('2026-11-24T21:47:31Z'));
  it('and across the switch back from summer time (03:00 → 02:00 on 25 October 2026)', () => fromEachMinute('2026-10-24T23:30:10Z'));
  it('and across the switch to summer time (02:00 → 03:00 on 29 March 2026)', () => fromEachMinute('2026-03-29T00:10:00Z'));

  it('says weekend on Saturdays and Sundays of the city, as Intl does, every 5 hours of a year in several zones', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (const zone of ZONES) {
      const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: zone });
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 5 * 3_600_000) {
        const day = weekday.format(new Date(ms));
        expect(localWeekend(new Date(ms), zone), `${zone} ${new Date(ms).toISOString()}`).toBe(day === 'Sat' || day === 'Sun');
      }
    }
  });
});
