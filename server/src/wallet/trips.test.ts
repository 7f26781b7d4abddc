import { describe, expect, it } from 'vitest';
import type { BookingPlace } from '@escale/shared';
import { bookingFixture } from '../test-support/fixtures.ts';
import { cityOfAddress, defaultTripName, planTrips, TRIP_GAP_MS, tripSpan, tripTimeZone, type PlacedBooking } from './trips.ts';

const place = (name: string | null, address: string | null = null, code: string | null = null): BookingPlace => ({ name, code, address, lat: null, lon: null });

const booking = bookingFixture;

const placed = (id: string, startsAt: string, endsAt: string | null, tripId: string | null = null): PlacedBooking => ({ id, startsAt, endsAt, tripId });
const ids = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};

describe('planTrips', () => {
  it('makes two trips of two cities a week apart', () => {
    const plan = planTrips([placed('lyon-hotel', '2026-12-01T15:00:00Z', '2026-12-03T10:00:00Z'), placed('rome-hotel', '2026-12-10T15:00:00Z', '2026-12-12T10:00:00Z')], [], ids('t'));
    expect(plan.trips.map((t) => t.bookingIds)).toEqual([['lyon-hotel'], ['rome-hotel']]);
    expect(plan.trips.every((t) => t.isNew)).toBe(true);
  });

  it('keeps a hotel, a dinner and a show in one trip, whatever order they came in', () => {
    const plan = planTrips(
      [placed('show', '2026-12-02T19:00:00Z', null), placed('hotel', '2026-12-01T15:00:00Z', '2026-12-04T10:00:00Z'), placed('dinner', '2026-12-01T19:30:00Z', null)],
      [],
      ids('t'),
    );
    expect(plan.trips.map((t) => t.bookingIds)).toEqual([['hotel', 'dinner', 'show']]);
  });

  it('joins a booking that starts within the bound of the trip’s end, and not one just beyond it', () => {
    const end = Date.parse('2026-12-03T10:00:00Z');
    const at = (ms: number) => new Date(ms).toISOString();
    const within = planTrips([placed('a', '2026-12-01T10:00:00Z', at(end)), placed('b', at(end + TRIP_GAP_MS), null)], [], ids('t'));
    expect(within.trips).toHaveLength(1);
    const beyond = planTrips([placed('a', '2026-12-01T10:00:00Z', at(end)), placed('b', at(end + TRIP_GAP_MS + 60_000), null)], [], ids('t'));
    expect(beyond.trips).toHaveLength(2);
  });

  it('merges two trips that a new booking bridges, keeping the older trip’s id', () => {
    const plan = planTrips(
      [
        placed('paris', '2026-12-01T10:00:00Z', '2026-12-03T10:00:00Z', 'newer'),
        placed('lyon', '2026-12-06T10:00:00Z', '2026-12-08T10:00:00Z', 'older'),
        placed('dijon', '2026-12-04T15:00:00Z', '2026-12-05T10:00:00Z'),
      ],
      [
        { id: 'newer', seq: 2 },
        { id: 'older', seq: 1 },
      ],
      ids('t'),
    );
    expect(plan.trips).toEqual([{ id: 'older', isNew: false, bookingIds: ['paris', 'dijon', 'lyon'] }]);
    expect(plan.gone).toEqual(['newer']);
  });

  it('lets a trip go when its bookings are gone, and splits one whose bridge went, the earlier part keeping its id', () => {
    const known = [{ id: 'trip', seq: 1 }];
    expect(planTrips([], known, ids('t'))).toEqual({ trips: [], gone: ['trip'] });
    const split = planTrips([placed('paris', '2026-12-01T10:00:00Z', '2026-12-03T10:00:00Z', 'trip'), placed('lyon', '2026-12-06T10:00:00Z', null, 'trip')], known, ids('t'));
    expect(split.trips).toEqual([
      { id: 'trip', isNew: false, bookingIds: ['paris'] },
      { id: 't1', isNew: true, bookingIds: ['lyon'] },
    ]);
    expect(split.gone).toEqual([]);
  });
});

describe('defaultTripName', () => {
  it('names a trip after the city of its lodging', () => {
    const hotel = booking('hotel', 'LodgingReservation', '2026-12-01T15:00:00Z', '2026-12-03T10:00:00Z', { venue: place('Hôtel des Célestins', '4 rue des Célestins, 69002 Lyon, France') });
    const train = booking('train', 'TrainReservation', '2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z', { from: place('Paris Gare de Lyon'), to: place('Lyon Part-Dieu') });
    expect(defaultTripName([train, hotel])).toBe('Lyon');
  });

  it('names a trip without a lodging after its first journey, then after a venue', () => {
    const train = booking('train', 'TrainReservation', '2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z', { from: place('Paris', null, 'FRPLY'), to: place('Lyon') });
    expect(defaultTripName([train])).toBe('Paris → Lyon');
    const flight = booking('flight', 'FlightReservation', '2026-12-01T09:00:00Z', null, { from: place(null, null, 'CDG'), to: place(null, null, 'JFK') });
    expect(defaultTripName([flight])).toBe('CDG → JFK');
    const dinner = booking('Le Baratin', 'FoodEstablishmentReservation', '2026-12-01T19:00:00Z', null, { venue: place('Le Baratin', '3 rue Jouye-Rouve, 75020 Paris') });
    expect(defaultTripName([dinner])).toBe('Paris');
    expect(defaultTripName([booking('Concert', 'EventReservation', '2026-12-01T19:00:00Z', null)])).toBe('Concert');
  });
});

describe('cityOfAddress', () => {
  it('reads the city after a postal code, and nothing from an address that has none', () => {
    expect(cityOfAddress('12 rue de Rivoli, 75004 Paris, France')).toBe('Paris');
    expect(cityOfAddress('Bahnhofstrasse 1, D-10115 Berlin')).toBe('Berlin');
    expect(cityOfAddress('Place Bellecour\n69002 Lyon Cedex 02')).toBe('Lyon');
    expect(cityOfAddress('151 W 54th St, New York')).toBeNull();
    expect(cityOfAddress(null)).toBeNull();
  });
});

describe('the time of a trip', () => {
  const flight = booking('flight', 'FlightReservation', '2026-12-20T09:30:00Z', '2026-12-20T17:45:00Z', { endTimezone: 'America/New_York' });
  const hotel = booking('hotel', 'LodgingReservation', '2026-12-20T20:00:00Z', '2026-12-24T16:00:00Z', {}, 'America/New_York');
  const back = booking('back', 'FlightReservation', '2026-12-24T23:00:00Z', '2026-12-25T06:30:00Z', { endTimezone: 'Europe/Paris' }, 'America/New_York');

  it('happens in the zone its bookings spend the longest in', () => {
    expect(tripTimeZone([flight, hotel, back])).toBe('America/New_York');
    expect(tripTimeZone([booking('dinner', 'FoodEstablishmentReservation', '2026-12-01T19:00:00Z', null)])).toBe('Europe/Paris');
  });

  it('starts and ends at the same instants as its bookings, each shown in its own zone', () => {
    const span = tripSpan([hotel, back, flight]);
    expect(span).toEqual({ startsAt: '2026-12-20T10:30:00+01:00', endsAt: '2026-12-25T07:30:00+01:00' });
    expect(tripSpan([hotel])).toEqual({ startsAt: '2026-12-20T15:00:00-05:00', endsAt: '2026-12-24T11:00:00-05:00' });
  });
});
