import { describe, expect, it } from 'vitest';
import { DEMO_TRIP_LIMITS, DemoTrip, frenchTypographyIssue, stepStartsAt, type DemoStep, type DemoWalk } from './demo-trip.ts';

const FIKA = { placeId: 'osm:node/10246788248', name: 'Fika', lat: 48.85821, lon: 2.36228 };
const HOTEL = { name: 'Hôtel du Petit Moulin', lat: 48.8615, lon: 2.36355 };

const walk = (departAt: string, arriveAt: string): DemoWalk => ({
  kind: 'walk',
  departAt,
  arriveAt,
  from: HOTEL,
  to: FIKA,
  path: [
    [2.36355, 48.8615],
    [2.3626, 48.8602],
    [2.36228, 48.85825],
  ],
  lengthMeters: 492,
  pace: 'walk',
});

function trip(steps: DemoStep[], overrides: Record<string, unknown> = {}) {
  return {
    id: 'lea-paris',
    personaId: 'lea',
    title: { en: 'Léa in Paris', fr: 'Léa à Paris' },
    summary: { en: 'Four days.', fr: 'Quatre jours : du vin nature !' },
    cities: [{ id: 'paris', timeZone: 'Europe/Paris' }],
    timeZone: 'Europe/Paris',
    startsAt: '2026-11-24T08:00:00+01:00',
    endsAt: '2026-11-27T16:30:00+01:00',
    steps,
    ...overrides,
  };
}

const messages = (input: unknown) => {
  const result = DemoTrip.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('DemoTrip', () => {
  it('accepts a trip of walks, stays, rides, imports and feedback in time order', () => {
    const steps: DemoStep[] = [
      { kind: 'import', at: '2026-11-24T08:00:00+01:00', file: 'personas/lea-paris/flight-air-france.eml', bookings: ['FlightReservation'], holds: { en: 'Her flight', fr: 'Son vol' } },
      {
        kind: 'ride',
        departAt: '2026-11-24T08:40:00+01:00',
        arriveAt: '2026-11-24T09:35:00+01:00',
        from: { name: 'CDG', lat: 49.0047, lon: 2.5707 },
        to: HOTEL,
        mode: 'taxi',
        label: { en: 'Taxi', fr: 'Taxi' },
      },
      walk('2026-11-24T10:00:00+01:00', '2026-11-24T10:07:00+01:00'),
      { kind: 'stay', from: '2026-11-24T10:07:00+01:00', until: '2026-11-24T10:45:00+01:00', at: FIKA, label: { en: 'Coffee', fr: 'Un café' } },
      { kind: 'feedback', at: '2026-11-24T10:30:00+01:00', placeId: FIKA.placeId, feedback: 'liked', reason: { en: 'Good coffee', fr: 'Bon café' } },
    ];
    const parsed = DemoTrip.parse(trip(steps));
    expect(parsed.steps.map(stepStartsAt)).toEqual(steps.map(stepStartsAt));
  });

  it('refuses steps out of time order', () => {
    const steps = [walk('2026-11-24T11:00:00+01:00', '2026-11-24T11:07:00+01:00'), walk('2026-11-24T10:00:00+01:00', '2026-11-24T10:07:00+01:00')];
    expect(messages(trip(steps))).toContain('steps must be sorted by the time they begin');
  });

  it('refuses a walk that begins before the previous one has arrived', () => {
    const steps = [walk('2026-11-24T10:00:00+01:00', '2026-11-24T10:30:00+01:00'), walk('2026-11-24T10:10:00+01:00', '2026-11-24T10:17:00+01:00')];
    expect(messages(trip(steps))).toContain('a walk or ride overlaps the previous one');
  });

  it('refuses a walk whose path does not start at its `from`', () => {
    const far = { ...walk('2026-11-24T10:00:00+01:00', '2026-11-24T10:07:00+01:00'), from: { name: 'Bastille', lat: 48.8532, lon: 2.3692 } };
    expect(messages(trip([far]))).toContain('the path must start near `from`');
  });

  it('refuses a step outside the trip, and a walk of too many points', () => {
    expect(messages(trip([walk('2026-11-28T10:00:00+01:00', '2026-11-28T10:07:00+01:00')]))).toContain('a step must fall within the trip');
    const long = walk('2026-11-24T10:00:00+01:00', '2026-11-24T10:07:00+01:00');
    long.path = Array.from({ length: DEMO_TRIP_LIMITS.maxPathPoints + 1 }, (_, i) => [2.36355, 48.8615 - (i * 0.0000033) / DEMO_TRIP_LIMITS.maxPathPoints]);
    const result = DemoTrip.safeParse(trip([long]));
    expect(result.error?.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'steps.0.path')).toBe(true);
  });

  it('refuses a time without its offset', () => {
    expect(DemoTrip.safeParse(trip([], { startsAt: '2026-11-24T08:00:00' })).success).toBe(false);
  });

  it('holds French texts to French typography', () => {
    expect(frenchTypographyIssue('Léa connaît déjà le jardin du Luxembourg')).toBeNull();
    expect(frenchTypographyIssue('Pas de grands musées : elle écarte le musée d’Orsay !')).toBeNull();
    expect(frenchTypographyIssue("Nuit à l'hôtel")).toMatch(/apostrophe/);
    expect(frenchTypographyIssue('Pas de musées: merci!')).toMatch(/space/);
    expect(frenchTypographyIssue('Concert à 20:00 ; portes à 19:30')).toBeNull();
    expect(messages(trip([], { title: { en: 'Léa', fr: "L'escapade de Léa" } }))).toContain("use the ’ apostrophe, not '");
  });
});
