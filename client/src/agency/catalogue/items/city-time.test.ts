import { describe, expect, it } from 'vitest';
import { fromCityInput, toCityInput } from './city-time.ts';

describe('the console’s times in the city’s time zone', () => {
  it('reads a field as the city’s wall clock, whatever the browser’s zone', () => {
    expect(fromCityInput('2026-11-24T20:30', 'Europe/Paris')).toBe('2026-11-24T19:30:00.000Z');
    // Summer time: two hours ahead of UTC.
    expect(fromCityInput('2026-07-14T20:30', 'Europe/Paris')).toBe('2026-07-14T18:30:00.000Z');
    expect(fromCityInput('', 'Europe/Paris')).toBeNull();
    expect(fromCityInput('tonight', 'Europe/Paris')).toBeNull();
  });

  it('writes an instant back as the same wall clock', () => {
    expect(toCityInput('2026-11-24T19:30:00Z', 'Europe/Paris')).toBe('2026-11-24T20:30');
    expect(toCityInput(fromCityInput('2026-03-29T03:15', 'Europe/Zurich'), 'Europe/Zurich')).toBe('2026-03-29T03:15');
    expect(toCityInput(null, 'Europe/Paris')).toBe('');
  });
});
