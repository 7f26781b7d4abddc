import { describe, expect, it } from 'vitest';
import { addDays, CalendarDay, daysBetween, mondayOf } from './calendar-day.ts';

describe('calendar days', () => {
  it('refuses days that do not exist', () => {
    expect(CalendarDay.safeParse('2026-12-08').success).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-12-8', '8/12/2026', '']) expect(CalendarDay.safeParse(bad).success, bad).toBe(false);
    expect(CalendarDay.safeParse('2028-02-29').success).toBe(true);
  });

  it('counts across months, years and daylight-saving changes', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-09', '2026-12-01')).toBe(-8);
  });

  it('finds the Monday of an ISO week', () => {
    expect(mondayOf('2026-12-09')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});
