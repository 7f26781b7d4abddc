import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { bookingFixture } from '../test-support/fixtures.ts';
import { eventSummary, tripCalendar } from './trip-calendar.ts';

const place = (name: string | null, code: string | null = null, address: string | null = null) => ({ name, code, address, lat: null, lon: null });

describe('tripCalendar', () => {
  it('writes lines of at most 75 octets that read back to the same text, accents, commas and semicolons included', () => {
    const name = 'Séjour à Montréal; étape 1, avec « guillemets » et des accents éèêëàâîïôûç '.repeat(3).trim();
    const hotel = bookingFixture('h1', 'LodgingReservation', '2026-12-20T20:00:00Z', '2026-12-24T16:00:00Z', { venue: place(name, null, '1, rue de l’Église; 75004 Paris') });
    const text = tripCalendar(name, [{ booking: hotel, stampedAt: '2026-12-01T10:00:00Z' }]);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(name);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(`Hotel: ${name}`);
    expect(event.location).toBe(`${name} 1, rue de l’Église; 75004 Paris`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-20T20:00:00.000Z');
  });

  it('names journeys by their ends and meals by their local hour', () => {
    const train = bookingFixture('t', 'TrainReservation', '2026-12-01T08:00:00Z', null, { number: 'TGV 6611', from: place('Paris Gare de Lyon'), to: place('Lyon Part-Dieu') });
    expect(eventSummary(train)).toBe('Train TGV 6611 Paris Gare de Lyon → Lyon Part-Dieu');
    // 12:30 in Paris is lunch; 19:30 in New York, past midnight in UTC, is dinner.
    expect(eventSummary(bookingFixture('Le Baratin', 'FoodEstablishmentReservation', '2026-12-01T11:30:00Z', null))).toBe('Lunch at Le Baratin');
    expect(eventSummary(bookingFixture('Via Carota', 'FoodEstablishmentReservation', '2026-12-22T00:30:00Z', null, {}, 'America/New_York'))).toBe('Dinner at Via Carota');
  });
});
