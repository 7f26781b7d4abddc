import { describe, expect, it } from 'vitest';
import { NO_DETAILS, type Booking } from '@escale/shared';
import { editOf, formOf } from './booking-form.ts';

const flight: Booking = {
  id: 'b1',
  kind: 'FlightReservation',
  title: 'Paris → New York',
  placeId: null,
  startsAt: '2026-03-12T10:35:00+01:00',
  endsAt: '2026-03-12T13:10:00-04:00',
  timezone: 'Europe/Paris',
  source: 'email',
  status: 'confirmed',
  details: {
    ...NO_DETAILS,
    number: 'AF 6',
    endTimezone: 'America/New_York',
    from: { name: 'Paris Charles de Gaulle', code: 'CDG', address: null, lat: 49.0097, lon: 2.5479 },
    to: { name: null, code: 'JFK', address: null, lat: null, lon: null },
  },
};

describe('the booking form', () => {
  it('shows a flight’s times on the clocks of its two cities, and gives them back unchanged', () => {
    const form = formOf(flight, 'Europe/Paris');
    expect([form.startDate, form.startTime, form.endDate, form.endTime, form.endTimezone]).toEqual(['2026-03-12', '10:35', '2026-03-12', '13:10', 'America/New_York']);
    const result = editOf(form, flight);
    if (!('edit' in result)) throw new Error(JSON.stringify(result.errors));
    expect(Date.parse(result.edit.startsAt)).toBe(Date.parse(flight.startsAt));
    expect(Date.parse(result.edit.endsAt!)).toBe(Date.parse(flight.endsAt!));
    // The departure airport kept its coordinates: its name was not touched.
    expect(result.edit.details.from).toEqual(flight.details.from);
  });

  it('says what is missing, field by field', () => {
    const result = editOf({ ...formOf(null, 'Europe/Paris'), title: ' ', startTime: '', partySize: '0' }, null);
    expect(result).toEqual({ errors: { title: 'titleRequired', startDate: 'dateRequired', startTime: 'timeRequired', partySize: 'party' } });
  });

  it('refuses an end before the start and an unknown time zone', () => {
    const base = { ...formOf(null, 'Europe/Paris'), title: 'Dinner', startDate: '2026-03-12', startTime: '20:00' };
    expect(editOf({ ...base, endDate: '2026-03-12', endTime: '19:00' }, null)).toEqual({ errors: { endDate: 'endBeforeStart' } });
    expect(editOf({ ...base, timezone: 'Paris' }, null)).toEqual({ errors: { timezone: 'zone' } });
    expect(editOf({ ...base, endDate: '2026-03-12' }, null)).toEqual({ errors: { endTime: 'endIncomplete' } });
  });

  it('writes a time typed on the night clocks go forward as the instant a calendar would', () => {
    const result = editOf({ ...formOf(null, 'Europe/Paris'), title: 'Night train', kind: 'TrainReservation', startDate: '2026-03-29', startTime: '02:30' }, null);
    if (!('edit' in result)) throw new Error('refused');
    expect(result.edit.startsAt).toBe('2026-03-29T03:30:00+02:00');
  });
});
