import { describe, expect, it } from 'vitest';
import { context, graphOf, HOTEL_DE_VILLE, place } from '../test-support/fixtures.ts';
import type { Interaction } from '../travellers/model.ts';
import { rank } from './rank.ts';
import { localWeekend } from './local-clock.ts';
import { HABIT_SHARES, readHabits } from './visit-habits.ts';

const H = 3_600_000;
const MORNING = new Date('2026-11-24T08:00:00Z'); // 09:00 in Paris
const options = { limit: 10, radiusMeters: 3_000, diversify: false, ignoreHours: true } as const;

describe('habits from the visit log (favourites mode)', () => {
  const cafe = place({ name: 'Weekday café', category: 'cafe', lat: HOTEL_DE_VILLE.lat + 0.004 });
  const bar = place({ name: 'Weekend bar', category: 'bar', lat: HOTEL_DE_VILLE.lat + 0.002 });
  const museum = place({ name: 'Musée Carnavalet', category: 'museum', lat: HOTEL_DE_VILLE.lat + 0.001 });
  // MORNING is a Tuesday: the three days before it are working days, the Saturdays and Sundays before it not.
  const weekdays = [1, 5, 6].map((d) => MORNING.getTime() - d * 24 * H);
  const weekends = [2, 3, 9].map((d) => MORNING.getTime() - d * 24 * H);
  const sorted = (visits: { placeId: string; at: number }[]) => visits.sort((a, b) => a.at - b.at);

  it('counts visits on a log scale, more on the same kind of day and lately', () => {
    expect(weekdays.every((at) => !localWeekend(new Date(at), 'Europe/Paris'))).toBe(true);
    expect(weekends.every((at) => localWeekend(new Date(at), 'Europe/Paris'))).toBe(true);
    const visits = sorted([...weekdays.map((at) => ({ placeId: cafe.id, at })), ...weekends.map((at) => ({ placeId: bar.id, at }))]);
    const reading = readHabits(visits, { ...context({ now: MORNING }), visits })!;
    const c = reading.places.get(cafe.id)!;
    const b = reading.places.get(bar.id)!;
    expect([c.count, c.sameDay, b.count, b.sameDay]).toEqual([3, 3, 3, 0]);
    expect(reading.weekend).toBe(false);
    expect(c.parts.visits).toBeCloseTo(b.parts.visits);
    expect(b.parts.sameDay).toBe(0);
    expect(c.value).toBeGreaterThan(b.value);
    // The café's every part is full but the two that need an outing today.
    const total = Object.values(HABIT_SHARES).reduce((x, y) => x + y, 0);
    expect(c.value).toBeCloseTo((HABIT_SHARES.visits + HABIT_SHARES.sameDay + HABIT_SHARES.lately) / total);
  });

  it('ranks the working-day habit first on a Tuesday and says so, with the visit read', () => {
    const graph = graphOf({ places: [cafe, bar] });
    const visits = sorted([...weekdays.slice(0, 2).map((at) => ({ placeId: cafe.id, at })), ...weekends.slice(0, 2).map((at) => ({ placeId: bar.id, at }))]);
    const history: Interaction[] = [cafe, bar].map((p) => ({ travellerId: 't1', placeId: p.id, kind: 'visited', at: new Date(MORNING.getTime() - 12 * H) }));
    const ctx = { ...context({ now: MORNING, history, position: { ...HOTEL_DE_VILLE, at: MORNING } }), visits };
    const top = rank(graph, ctx, { ...options, allowVisited: true }).items;
    expect(top[0]!.item.place.id).toBe(cafe.id);
    const taste = top[0]!.contributions.find((c) => c.signal === 'taste')!;
    expect(taste.evidence).toEqual({ key: 'taste.habit_day', params: { count: 2, same: 2, day: 'weekday' } });
    expect(taste.personalData.some((d) => d.category === 'history')).toBe(true);
  });

  it('knows where the traveller goes next from here, and where they already were on this outing', () => {
    const now = MORNING.getTime();
    // Twice before, from the museum to the bar; today, the café first, then the museum, where they are now.
    const before = [8, 15].flatMap((d) => [
      { placeId: museum.id, at: now - d * 24 * H },
      { placeId: bar.id, at: now - d * 24 * H + H },
    ]);
    const today = [
      { placeId: cafe.id, at: now - 2 * H },
      { placeId: museum.id, at: now - 10 * 60_000 },
    ];
    const visits = sorted([...before, ...today]);
    const reading = readHabits(visits, { ...context({ now: MORNING }), visits })!;
    expect(reading.from?.placeId).toBe(museum.id);
    expect(reading.places.get(bar.id)!.ownNext).toBe(2);
    expect(reading.places.get(cafe.id)!.parts.thisOuting).toBeGreaterThan(0);
    // Being somewhere is not a reason to go there: the place they are at is not "on this outing".
    expect(reading.places.get(museum.id)!.parts.thisOuting).toBe(0);

    const graph = graphOf({ places: [cafe, bar, museum] });
    const history: Interaction[] = [cafe, bar, museum].map((p) => ({ travellerId: 't1', placeId: p.id, kind: 'visited', at: new Date(now - 12 * H) }));
    const items = rank(graph, { ...context({ now: MORNING, history, position: { ...HOTEL_DE_VILLE, at: MORNING } }), visits }, { ...options, allowVisited: true }).items;
    const evidenceOf = (id: string) => items.find((s) => s.item.place.id === id)!.contributions.find((c) => c.signal === 'taste')!.evidence;
    expect(evidenceOf(bar.id)).toEqual({ key: 'taste.own_next', params: { place: 'Musée Carnavalet', count: 2, visits: 2 } });
    expect(evidenceOf(cafe.id)).toEqual({ key: 'taste.this_outing', params: { count: 1 } });
  });

  it('reads nothing of visits after the moment ranked (a replay of the past)', () => {
    const visits = [{ placeId: cafe.id, at: MORNING.getTime() + H }];
    expect(readHabits(visits, { ...context({ now: MORNING }), visits })).toBeNull();
  });
});

describe('where travellers went next', () => {
  const museum = place({ name: 'Musée Carnavalet', category: 'museum', lat: HOTEL_DE_VILLE.lat + 0.001 });
  const cafe = place({ name: 'Café after the museum', category: 'cafe', lat: HOTEL_DE_VILLE.lat + 0.006 });
  const other = place({ name: 'Café next door', category: 'cafe', lat: HOTEL_DE_VILLE.lat + 0.0015 });
  const now = new Date('2026-11-24T15:00:00Z');
  const trail = (traveller: string, start: number): Interaction[] => [
    { travellerId: traveller, placeId: museum.id, kind: 'visited', at: new Date(start) },
    { travellerId: traveller, placeId: cafe.id, kind: 'visited', at: new Date(start + 2 * H) },
  ];
  const others = ['a', 'b', 'c', 'd'].flatMap((t, i) => trail(t, now.getTime() - (10 + i) * 24 * H));

  it('suggests where others went next from the place the traveller was last at, naming that place', () => {
    const graph = graphOf({ places: [museum, cafe, other], interactions: others });
    const mine: Interaction[] = [{ travellerId: 't1', placeId: museum.id, kind: 'visited', at: new Date(now.getTime() - H) }];
    const ctx = context({ now, history: mine, position: { ...HOTEL_DE_VILLE, at: now } });
    const items = rank(graph, ctx, { ...options, allowVisited: false }).items;
    const found = items.find((s) => s.item.place.id === cafe.id)!;
    const taste = found.contributions.find((c) => c.signal === 'taste')!;
    expect(taste.evidence).toEqual({ key: 'taste.next_place', params: { place: 'Musée Carnavalet', count: 4 } });
    // Farther than the café next door, and first: the next-place reading is worth more than 350 m.
    expect(items[0]!.item.place.id).toBe(cafe.id);
  });

  it('reads nothing after a day away, and nothing at all without the history consent', () => {
    const graph = graphOf({ places: [museum, cafe, other], interactions: others });
    const old: Interaction[] = [{ travellerId: 't1', placeId: museum.id, kind: 'visited', at: new Date(now.getTime() - 25 * H) }];
    const late = rank(graph, context({ now, history: old, position: { ...HOTEL_DE_VILLE, at: now } }), { ...options, allowVisited: false }).items;
    expect(late.flatMap((s) => s.contributions).some((c) => c.evidence.key === 'taste.next_place')).toBe(false);
    const recent: Interaction[] = [{ ...old[0]!, at: new Date(now.getTime() - H) }];
    const noConsent = context({ now, history: recent, consents: { location: true, history: false, profile: true, wallet: true } });
    expect(noConsent.visits).toBeNull();
    const items = rank(graph, noConsent, { ...options, allowVisited: false }).items;
    expect(items.flatMap((s) => s.contributions).some((c) => c.evidence.key === 'taste.next_place')).toBe(false);
  });
});
