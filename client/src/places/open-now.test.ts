import { describe, expect, it } from 'vitest';
import { formatWeekdayDate, openNowLine } from './open-now.ts';

describe('open now', () => {
  it('writes days as dates in both languages', () => {
    expect(formatWeekdayDate('2026-11-25', 'en')).toBe('Wednesday 25 November');
    expect(formatWeekdayDate('2026-11-25', 'fr')).toBe('mercredi 25 novembre');
  });

  it('tells open, open 24 hours, closed until a time or a day, and unknown apart', () => {
    expect(openNowLine({ kind: 'open', until: '19:00' }, 'en')).toEqual({ key: 'places.openUntil', params: { time: '19:00' } });
    expect(openNowLine({ kind: 'open', until: null }, 'en')).toEqual({ key: 'places.open24' });
    expect(openNowLine({ kind: 'closed', opensAt: '08:00', opensDay: null }, 'en')).toEqual({ key: 'places.closedOpensAt', params: { time: '08:00' } });
    expect(openNowLine({ kind: 'closed', opensAt: '11:30', opensDay: '2026-11-25' }, 'fr')).toEqual({
      key: 'places.closedOpensOn',
      params: { time: '11:30', day: 'mercredi 25 novembre' },
    });
    expect(openNowLine({ kind: 'closed', opensAt: null, opensDay: null }, 'en')).toEqual({ key: 'places.closedThisWeek' });
    expect(openNowLine({ kind: 'unknown' }, 'en')).toEqual({ key: 'places.hoursUnknown' });
  });
});
