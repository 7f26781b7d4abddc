import { describe, expect, it } from 'vitest';
import { parseCheckinTime, parseIsoTime, parseTsmcTime, parseUnixSeconds } from './checkin-time.ts';

const APRIL_7 = new Date('2012-04-07T17:42:00Z');

describe('check-in times', () => {
  it('reads the three forms a file may use as the same instant', () => {
    expect(parseCheckinTime('Sat Apr 07 17:42:00 +0000 2012')).toEqual(APRIL_7);
    expect(parseCheckinTime('2012-04-07T17:42:00Z')).toEqual(APRIL_7);
    expect(parseCheckinTime('1333820520')).toEqual(APRIL_7);
    expect(parseCheckinTime(1333820520)).toEqual(APRIL_7);
  });

  it('honours an ISO offset, reads a time without one as UTC, and accepts a space for the T', () => {
    expect(parseIsoTime('2012-04-07T13:42:00-04:00')).toEqual(APRIL_7);
    expect(parseIsoTime('2012-04-07 17:42:00+00:00')).toEqual(APRIL_7);
    expect(parseIsoTime('2012-04-07 17:42')).toEqual(APRIL_7);
    expect(parseIsoTime('2012-04-07T17:42:00.500Z')).toEqual(new Date('2012-04-07T17:42:00.500Z'));
  });

  it('refuses impossible dates, wrong weekdays, other TSMC offsets and milliseconds passed as seconds', () => {
    expect(parseTsmcTime('Sat Feb 30 10:00:00 +0000 2013')).toBeNull();
    expect(parseTsmcTime('Mon Apr 07 17:42:00 +0000 2012')).toBeNull();
    expect(parseTsmcTime('Sat Apr 07 17:42:00 +0200 2012')).toBeNull();
    expect(parseIsoTime('2012-04-31T10:00:00Z')).toBeNull();
    expect(parseIsoTime('2012-04-07T24:30:00Z')).toBeNull();
    expect(parseUnixSeconds('1333820520000')).toBeNull();
    expect(parseCheckinTime('yesterday')).toBeNull();
  });
});
