import { describe, expect, it } from 'vitest';
import { cityClock, fixedZone, offsetOf } from './checkins-clock.ts';
import type { Checkin } from './checkins-row.ts';

let line = 0;
const checkin = (at: string, tzOffsetMinutes: number | null, lon = -73.99): Checkin => ({
  line: ++line,
  userId: 'u',
  venueId: 'v',
  categoryId: null,
  categoryName: null,
  lat: 40.7,
  lon,
  tzOffsetMinutes,
  at: new Date(at),
});

describe('cityClock', () => {
  it('finds a zone that reproduces summer and winter offsets, preferring the well-known name', () => {
    const clock = cityClock([checkin('2012-07-01T12:00:00Z', -240), checkin('2012-07-02T12:00:00Z', -240), checkin('2012-12-01T12:00:00Z', -300)]);
    expect(clock).toEqual({ timezone: 'America/New_York', offsetMinutes: -240, estimated: false, rowsWithOffset: 3, agreement: 1 });
  });

  it('reads a zone without daylight saving, and reports how many rows disagree', () => {
    const clock = cityClock([checkin('2012-07-01T03:00:00Z', 540), checkin('2012-12-01T03:00:00Z', 540), checkin('2012-12-02T03:00:00Z', 600)]);
    expect(clock.timezone).toBe('Asia/Tokyo');
    expect(clock.agreement).toBeCloseTo(2 / 3);
  });

  it('estimates a fixed zone from the longitude when the file has no offsets, and says so', () => {
    const clock = cityClock([checkin('2012-07-01T12:00:00Z', null, -73.99), checkin('2012-07-01T13:00:00Z', null, -74.1)]);
    expect(clock).toMatchObject({ timezone: 'Etc/GMT+5', offsetMinutes: -300, estimated: true, rowsWithOffset: 0 });
    expect(offsetOf(checkin('2012-07-01T12:00:00Z', null), clock)).toBe(-300);
    expect(offsetOf(checkin('2012-07-01T12:00:00Z', -240), clock)).toBe(-240);
  });

  it('names fixed zones the way the tz database counts them', () => {
    expect(fixedZone(-5)).toBe('Etc/GMT+5');
    expect(fixedZone(9)).toBe('Etc/GMT-9');
    expect(fixedZone(0)).toBe('UTC');
  });
});
