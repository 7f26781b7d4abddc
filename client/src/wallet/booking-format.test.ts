import { describe, expect, it } from 'vitest';
import { NO_DETAILS } from '@escale/shared';
import { dayHeading, isAllDay, placeLine, sameClock, timeParts } from './booking-format.ts';

describe('booking times', () => {
  it('shows a departure in the departure city’s time and names the zone when the reader is elsewhere', () => {
    const departure = '2026-03-12T09:35:00+01:00';
    expect(timeParts(departure, 'Europe/Paris', 'Europe/Paris', 'en')).toEqual({ clock: '09:35', zone: null, day: null });
    expect(timeParts(departure, 'Europe/Paris', 'America/New_York', 'en')).toEqual({ clock: '09:35', zone: 'CET', day: null });
    expect(timeParts('2026-03-12T13:10:00-04:00', 'America/New_York', 'Europe/Paris', 'en').zone).toMatch(/^(EDT|GMT-4)$/);
  });

  it('gives the day of an end that falls on another day where it happens', () => {
    const pickUp = '2026-12-20T12:00:00+01:00';
    expect(timeParts('2026-12-23T09:00:00+01:00', 'Europe/Madrid', 'Europe/Madrid', 'en', pickUp).day).toBe('23 Dec');
    expect(timeParts('2026-12-20T18:00:00+01:00', 'Europe/Madrid', 'Europe/Madrid', 'en', pickUp).day).toBeNull();
  });

  it('treats zones with the same clock as the same for the reader (Paris and Madrid)', () => {
    expect(sameClock('2026-07-01T12:00:00Z', 'Europe/Paris', 'Europe/Madrid')).toBe(true);
    expect(sameClock('2026-07-01T12:00:00Z', 'Europe/Paris', 'Europe/London')).toBe(false);
  });

  it('writes day headings in the reader’s language', () => {
    expect(dayHeading('2026-03-12', 'en')).toBe('Thursday, 12 March 2026');
    expect(dayHeading('2026-03-12', 'fr')).toBe('jeudi 12 mars 2026');
  });

  it('names a place by its code and name, else its address', () => {
    expect(placeLine({ name: 'Paris Charles de Gaulle', code: 'CDG', address: null, lat: null, lon: null })).toBe('CDG · Paris Charles de Gaulle');
    expect(placeLine({ name: null, code: null, address: '4 rue Saint-Denis', lat: null, lon: null })).toBe('4 rue Saint-Denis');
    expect(placeLine(null)).toBeNull();
  });
});

describe('all-day bookings', () => {
  it('knows a calendar’s whole day from midnight to midnight where it happens', () => {
    const day = { id: 'd', kind: 'EventReservation' as const, title: 'Free day', placeId: null, timezone: 'Europe/Paris', source: 'ics' as const, status: 'confirmed' as const, details: NO_DETAILS };
    expect(isAllDay({ ...day, startsAt: '2026-12-16T00:00:00+01:00', endsAt: '2026-12-17T00:00:00+01:00' })).toBe(true);
    expect(isAllDay({ ...day, startsAt: '2026-12-16T00:00:00+01:00', endsAt: null })).toBe(false);
    expect(isAllDay({ ...day, startsAt: '2026-12-16T09:00:00+01:00', endsAt: '2026-12-17T00:00:00+01:00' })).toBe(false);
  });
});
