import { describe, expect, it } from 'vitest';
import { booking } from '../test-support/fixtures.ts';
import { currentGap } from './timeline.ts';

const lunch = booking('lunch', 'FoodEstablishmentReservation', '2026-11-24T11:00:00Z', '2026-11-24T12:30:00Z');
const show = booking('show', 'EventReservation', '2026-11-24T17:00:00Z', null);
const hotel = booking('hotel', 'LodgingReservation', '2026-11-23T14:00:00Z', '2026-11-27T10:00:00Z');

describe('currentGap', () => {
  it('finds the free time between two bookings, named by them', () => {
    const gap = currentGap([lunch, show, hotel], new Date('2026-11-24T13:00:00Z'), 120);
    expect(gap).toEqual({ key: 'lunch>show', from: new Date('2026-11-24T13:00:00Z'), until: new Date('2026-11-24T17:00:00Z') });
  });

  it('is null while the traveller is busy, and a hotel stay does not count as busy', () => {
    expect(currentGap([lunch, show, hotel], new Date('2026-11-24T12:00:00Z'), 120)).toBeNull();
    expect(currentGap([hotel], new Date('2026-11-24T12:00:00Z'), 120)).toBeNull(); // nothing booked ahead
  });

  it('is null when the time left before the next booking is shorter than the minimum', () => {
    expect(currentGap([lunch, show], new Date('2026-11-24T15:30:00Z'), 120)).toBeNull();
    expect(currentGap([lunch, show], new Date('2026-11-24T15:30:00Z'), 60)?.key).toBe('lunch>show');
  });

  it('ignores cancelled bookings', () => {
    const cancelled = { ...show, status: 'cancelled' as const };
    expect(currentGap([lunch, cancelled], new Date('2026-11-24T13:00:00Z'), 120)).toBeNull();
  });
});
