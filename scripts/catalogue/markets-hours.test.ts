// Market days and times from the City of Paris CSV become opening_hours strings the library accepts.
import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { formatDays, marketOpeningHours } from './markets-hours.ts';
import type { CsvRow } from './read-csv.ts';

function row(days: string, times: Partial<Record<string, string>>): CsvRow {
  const cols = ['LUNDI', 'MARDI', 'MERCREDI', 'JEUDI', 'VENDREDI', 'SAMEDI', 'DIMANCHE'];
  const out: CsvRow = {
    'Heure début en semaine': '',
    'Heure fin en semaine': '',
    'Heure début le samedi': '',
    'Heure fin le samedi': '',
    'Heure début le dimanche': '',
    'Heure fin le dimanche': '',
  };
  cols.forEach((c, i) => (out[c] = days[i] ?? '0'));
  for (const [k, v] of Object.entries(times)) if (v !== undefined) out[k] = v;
  return out;
}

function parses(value: string): boolean {
  try {
    new opening_hours(value, { lat: 48.85, lon: 2.35, address: { country_code: 'fr', state: 'Île-de-France' } });
    return true;
  } catch {
    return false;
  }
}

describe('marketOpeningHours', () => {
  it('groups weekdays sharing the weekday times and gives Sunday its own', () => {
    const r = row('0100101', {
      'Heure début en semaine': '07:00',
      'Heure fin en semaine': '13:30',
      'Heure début le dimanche': '07:00',
      'Heure fin le dimanche': '14:30',
    });
    const { openingHours, daysWithoutTimes } = marketOpeningHours(r);
    expect(openingHours).toBe('Tu,Fr 07:00-13:30; Su 07:00-14:30');
    expect(daysWithoutTimes).toEqual([]);
    expect(parses(openingHours!)).toBe(true);
  });

  it('merges Saturday into a range when its times equal the weekday times', () => {
    const r = row('1111110', {
      'Heure début en semaine': '8:00',
      'Heure fin en semaine': '13:30',
      'Heure début le samedi': '08:00',
      'Heure fin le samedi': '13:30',
    });
    const { openingHours } = marketOpeningHours(r);
    expect(openingHours).toBe('Mo-Sa 08:00-13:30');
    expect(parses(openingHours!)).toBe(true);
  });

  it('keeps an afternoon weekday market and a Saturday morning apart', () => {
    const r = row('0010010', {
      'Heure début en semaine': '10:00',
      'Heure fin en semaine': '20:30',
      'Heure début le samedi': '07:00',
      'Heure fin le samedi': '14:30',
    });
    expect(marketOpeningHours(r).openingHours).toBe('We 10:00-20:30; Sa 07:00-14:30');
  });

  it('never guesses times for a day flagged open without them', () => {
    const r = row('0000011', { 'Heure début le samedi': '07:00', 'Heure fin le samedi': '14:00' });
    expect(marketOpeningHours(r)).toEqual({ openingHours: 'Sa 07:00-14:00', daysWithoutTimes: ['Su'] });
  });

  it('formats day lists with ranges only for runs of three or more', () => {
    expect(formatDays([0, 1])).toBe('Mo,Tu');
    expect(formatDays([0, 1, 2, 4])).toBe('Mo-We,Fr');
    expect(formatDays([0, 1, 2, 3, 4, 5, 6])).toBe('Mo-Su');
  });
});
