import { describe, expect, it } from 'vitest';
import { distanceMeters, type DemoTrip } from '@escale/shared';
import { activityAt, alongPath, dueBetween, positionAt, stepFrom } from './script.ts';

const at = (hhmm: string) => `2026-11-24T${hhmm}:00+01:00`;
const t = (hhmm: string) => Date.parse(at(hhmm));
const hotel = { name: 'Hôtel', lat: 48.8593, lon: 2.361 };
const bar = { placeId: 'osm:node/1', name: 'Le Baratin', lat: 48.8629, lon: 2.3661 };
const text = { en: 'x', fr: 'x' };

const trip = {
  id: 'test',
  personaId: 'lea',
  title: text,
  summary: text,
  cities: [{ id: 'paris', timeZone: 'Europe/Paris' }],
  timeZone: 'Europe/Paris',
  startsAt: at('09:00'),
  endsAt: at('23:00'),
  steps: [
    { kind: 'import', at: at('09:00'), file: 'samples/lea-flight-air-france.eml', bookings: ['FlightReservation'], holds: text },
    { kind: 'stay', from: at('09:00'), until: at('18:00'), at: hotel, label: text },
    {
      kind: 'walk',
      departAt: at('18:00'),
      arriveAt: at('18:10'),
      from: hotel,
      to: bar,
      path: [
        [hotel.lon, hotel.lat],
        [2.3661, 48.8593],
        [bar.lon, bar.lat],
      ],
      lengthMeters: 770,
      pace: 'walk',
    },
    { kind: 'feedback', at: at('18:30'), placeId: 'osm:node/1', feedback: 'liked', reason: text },
  ],
} as DemoTrip;

describe('reading a demo trip at a moment', () => {
  it('walks along the path by distance, not by points', () => {
    const half = alongPath(trip.steps[2]!.kind === 'walk' ? trip.steps[2]!.path : [], 0.5);
    const corner = { lat: 48.8593, lon: 2.3661 };
    const legs = [distanceMeters(hotel, corner), distanceMeters(corner, bar)];
    // Half the length lies just past the corner (the second leg is the longer): walked, not as the crow flies.
    expect(legs[1]).toBeGreaterThan(legs[0]!);
    expect(distanceMeters(hotel, corner) + distanceMeters(corner, half)).toBeCloseTo((legs[0]! + legs[1]!) / 2, 0);
  });

  it('is at the stay, then along the walk, then at its end', () => {
    expect(positionAt(trip, t('12:00'))).toEqual(hotel);
    const moving = positionAt(trip, t('18:05'));
    expect(moving.lat).toBeGreaterThanOrEqual(hotel.lat);
    expect(moving.lon).toBeGreaterThan(hotel.lon);
    expect(positionAt(trip, t('20:00'))).toEqual(bar);
    expect(activityAt(trip, t('18:05'))).toMatchObject({ index: 2, ongoing: true });
    expect(activityAt(trip, t('20:00'))).toMatchObject({ index: 2, ongoing: false });
  });

  it('names the imports and feedback that fall between two moments, each once', () => {
    expect(dueBetween(trip, t('08:59'), t('09:00')).map((d) => d.index)).toEqual([0]);
    expect(dueBetween(trip, t('09:00'), t('18:29')).map((d) => d.index)).toEqual([]);
    expect(dueBetween(trip, t('09:00'), t('23:00')).map((d) => d.index)).toEqual([3]);
  });

  it('steps from one departure to the next, within the trip', () => {
    expect(stepFrom(trip, t('12:00'), 1)).toBe(t('18:00'));
    // The feedback at 18:30 is done on the way to the end, not a step of its own.
    expect(stepFrom(trip, t('18:00'), 1)).toBe(t('23:00'));
    expect(stepFrom(trip, t('18:00'), -1)).toBe(t('09:00'));
    expect(stepFrom(trip, t('09:00'), -1)).toBe(t('09:00'));
    expect(stepFrom(trip, t('22:00'), 1)).toBe(t('23:00'));
  });
});
