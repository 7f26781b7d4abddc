import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '@escale/shared';
import { hoursAt, readableHours } from './opening-hours.ts';

const PARIS = { lat: 48.8566, lon: 2.3522, countryCode: 'fr' };
const tz = 'Europe/Paris';
const at = (iso: string) => new Date(iso);

describe('opening hours in the city time zone', () => {
  it('reads the wall clock of Paris, not of the server', () => {
    // 10:30 UTC is 11:30 in Paris in winter: a place opening at 11:00 is open.
    const state = hoursAt('Mo-Su 11:00-15:00', at('2026-11-24T10:30:00Z'), tz, PARIS);
    expect(state.kind).toBe('open');
    expect(state.kind === 'open' && formatLocalTime(state.closesAt!, tz)).toBe('15:00');
  });

  it('keeps a bar open after midnight and closes it at 02:00 local', () => {
    // 00:30 UTC on Wednesday is 01:30 in Paris: still Tuesday night's opening.
    const state = hoursAt('Mo-Su 18:00-02:00', at('2026-11-25T00:30:00Z'), tz, PARIS);
    expect(state.kind).toBe('open');
    expect(state.kind === 'open' && formatLocalTime(state.closesAt!, tz)).toBe('02:00');
  });

  it('says closed with the next opening when outside the hours', () => {
    const state = hoursAt('Mo-Fr 09:00-18:00', at('2026-11-28T12:00:00Z'), tz, PARIS); // a Saturday
    expect(state.kind).toBe('closed');
    expect(state.kind === 'closed' && state.opensAt?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it('says a 24/7 place never closes, whatever the second of the query', () => {
    for (const iso of ['2026-12-03T16:45:31.500Z', '2026-12-03T16:45:00Z', '2026-12-03T23:59:59.999Z']) {
      expect(hoursAt('24/7', at(iso), tz, PARIS), iso).toEqual({ kind: 'open', closesAt: null });
    }
  });

  it('treats a missing or unparsable string as unknown, never as open', () => {
    expect(hoursAt(null, at('2026-11-24T10:00:00Z'), tz, PARIS).kind).toBe('unknown');
    expect(hoursAt('whenever we feel like it', at('2026-11-24T10:00:00Z'), tz, PARIS).kind).toBe('unknown');
  });

  it('reports 24/7 as open with no closing time', () => {
    const state = hoursAt('24/7', at('2026-11-24T03:00:00Z'), tz, PARIS);
    expect(state).toEqual({ kind: 'open', closesAt: null });
  });

  it('honours French public holidays when the country is known', () => {
    // 25 December 2026 is a Friday and a public holiday in France.
    const state = hoursAt('Mo-Fr 09:00-18:00; PH off', at('2026-12-25T10:00:00Z'), tz, PARIS);
    expect(state.kind).toBe('closed');
  });

  it('follows summer time: 11:30 UTC in July is 13:30 in Paris', () => {
    const state = hoursAt('Mo-Su 12:00-14:00', at('2026-07-15T11:30:00Z'), tz, PARIS);
    expect(state.kind).toBe('open');
    expect(state.kind === 'open' && formatLocalTime(state.closesAt!, tz)).toBe('14:00');
  });
});

describe('readableHours', () => {
  const where = { lat: 48.85, lon: 2.35, countryCode: 'fr' };
  it('writes the hours a line per rule, in English and in French', () => {
    expect(readableHours('Mo-Fr 10:00-18:00; PH off', where)).toEqual({ en: ['Mo-Fr 10:00-18:00', 'PH off'], fr: ['lun.-ven. 10:00-18:00', 'jours fériés fermé'] });
    expect(readableHours(null, where)).toBeNull();
    expect(readableHours('not hours at all', where)).toBeNull();
  });
});
