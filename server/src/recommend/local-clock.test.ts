import { describe, expect, it } from 'vitest';
import { localHour, localHoursFrom } from './local-clock.ts';

describe('local hours from a start', () => {
  const check = (from: string) => {
    const start = new Date(from);
    const hourAfter = localHoursFrom(start, 'Europe/Paris', 180);
    for (let minutes = 0; minutes <= 180; minutes++) {
      expect(hourAfter(minutes)).toBe(localHour(new Date(start.getTime() + minutes * 60_000), 'Europe/Paris'));
    }
  };

  it('gives localHour’s answer for every minute of a walk, past midnight', () => check('2026-11-24T21:47:31Z'));
  it('and across the switch back from summer time (03:00 → 02:00 on 25 October 2026)', () => check('2026-10-24T23:30:10Z'));
  it('and across the switch to summer time (02:00 → 03:00 on 29 March 2026)', () => check('2026-03-29T00:10:00Z'));
});
