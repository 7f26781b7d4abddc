import { describe, expect, it } from 'vitest';
import type { Booking } from '@escale/shared';
import { NO_DETAILS } from '@escale/shared';
import { buildTimeline, localDate } from './timeline.ts';

function booking(id: string, startsAt: string, timezone = 'Europe/Paris', endsAt: string | null = null): Booking {
  return { id, kind: 'EventReservation', title: id, placeId: null, startsAt, endsAt, timezone, source: 'manual', status: 'confirmed', details: NO_DETAILS };
}

describe('the wallet timeline', () => {
  it('puts a late flight on its departure city’s date, not the phone’s', () => {
    // 23:30 in Paris is already the next day in UTC+8 and still the same day in New York.
    expect(localDate(Date.parse('2026-03-12T23:30:00+01:00'), 'Europe/Paris')).toBe('2026-03-12');
    const [trip] = buildTimeline([booking('late', '2026-03-12T23:30:00+01:00')], null, Date.parse('2026-03-01T00:00:00Z'));
    expect(trip!.days.map((d) => d.date)).toEqual(['2026-03-12']);
  });

  it('groups bookings by day in start order and marks now between what started and what comes', () => {
    const bookings = [booking('show', '2026-03-12T20:30:00+01:00'), booking('lunch', '2026-03-12T12:30:00+01:00'), booking('museum', '2026-03-13T10:00:00+01:00')];
    const [trip] = buildTimeline(bookings, null, Date.parse('2026-03-12T15:00:00+01:00'));
    expect(trip!.days.map((d) => d.bookings.map((b) => b.id))).toEqual([['lunch', 'show'], ['museum']]);
    expect(trip!.days.map((d) => d.nowAt)).toEqual([1, null]);
  });

  it('follows the server’s trips, coming ones first and finished ones after, latest first', () => {
    const bookings = [
      booking('paris-hotel', '2026-02-01T15:00:00+01:00', 'Europe/Paris', '2026-02-03T11:00:00+01:00'),
      booking('lyon-talk', '2026-03-20T09:00:00+01:00'),
      booking('bcn-tapas', '2026-04-02T21:00:00+02:00', 'Europe/Madrid'),
      booking('loose', '2026-05-01T10:00:00+02:00'),
    ];
    const trips = [
      { id: 't-paris', name: 'Paris', bookingIds: ['paris-hotel'] },
      { id: 't-bcn', name: 'Barcelona', bookingIds: ['bcn-tapas'] },
      { id: 't-lyon', name: 'Lyon', bookingIds: ['lyon-talk', 'gone'] },
    ];
    const timeline = buildTimeline(bookings, trips, Date.parse('2026-03-01T00:00:00Z'));
    expect(timeline.map((t) => [t.trip?.name ?? null, t.past])).toEqual([
      ['Lyon', false],
      ['Barcelona', false],
      [null, false],
      ['Paris', true],
    ]);
  });

  it('marks now after the day’s last booking when all of them have started', () => {
    const [trip] = buildTimeline([booking('breakfast', '2026-03-12T08:00:00+01:00')], null, Date.parse('2026-03-12T22:00:00+01:00'));
    expect(trip!.days[0]!.nowAt).toBe(1);
  });
});
