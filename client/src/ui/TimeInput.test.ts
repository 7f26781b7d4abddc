import { describe, expect, it } from 'vitest';
import { normaliseClock } from './TimeInput.tsx';

describe('normaliseClock', () => {
  it('reads the ways people type a time, on the 24-hour clock', () => {
    expect(normaliseClock('22:30')).toBe('22:30');
    expect(normaliseClock('8:00')).toBe('08:00');
    expect(normaliseClock('2230')).toBe('22:30');
    expect(normaliseClock('8h')).toBe('08:00');
    expect(normaliseClock('8h30')).toBe('08:30');
    expect(normaliseClock(' 7 ')).toBe('07:00');
  });

  it('leaves what is not a time as typed, for the server to refuse', () => {
    expect(normaliseClock('25:00')).toBe('25:00');
    expect(normaliseClock('10:00 PM')).toBe('10:00 PM');
    expect(normaliseClock('soon')).toBe('soon');
  });
});
