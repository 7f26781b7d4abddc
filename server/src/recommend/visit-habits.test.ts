import { describe, expect, it } from 'vitest';
import { context, graphOf, HOTEL_DE_VILLE, place } from '../test-support/fixtures.ts';
import type { Interaction } from '../travellers/model.ts';
import { rank } from './rank.ts';
import { readHabits } from './visit-habits.ts';

const H = 3_600_000;
const MORNING = new Date('2026-11-24T08:00:00Z'); // 09:00 in Paris
const options = { limit: 10, radiusMeters: 3_000, diversify: false, ignoreHours: true } as const;

describe('habits from the visit log (favourites mode)', () => {
  const cafe = place({ name: 'Morning café', category: 'cafe', lat: HOTEL_DE_VILLE.lat + 0.004 });
  const bar = place({ name: 'Evening bar', category: 'bar', lat: HOTEL_DE_VILLE.lat + 0.002 });

  it('counts more the visits made around this hour of the day', () => {
    const days = [1, 2, 3].map((d) => MORNING.getTime() - d * 24 * H);
    const visits = [...days.map((at) => ({ placeId: cafe.id, at })), ...days.map((at) => ({ placeId: bar.id, at: at + 12 * H }))].sort((a, b) => a.at - b.at);
    const reading = readHabits(visits, { ...context({ now: MORNING }), visits })!;
    expect(reading.count.get(cafe.id)).toBe(3);
    expect(reading.count.get(bar.id)).toBe(3);
    expect(reading.aroundNow.get(cafe.id)).toBe(3);
    expect(reading.aroundNow.get(bar.id)).toBeUndefined();
    expect(reading.value.get(cafe.id)).toBe(1);
    // Each visit counts 3, and 1 more at this very hour: 3 × 3 against 3 × (3 + 1).
    expect(reading.value.get(bar.id)).toBeCloseTo(3 / 4);
  });

  it('ranks the morning habit first at 9:00 and says so, with the visit read', () => {
    const graph = graphOf({ places: [cafe, bar] });
    const visits = [1, 2].flatMap((d) => [
      { placeId: cafe.id, at: MORNING.getTime() - d * 24 * H },
      { placeId: bar.id, at: MORNING.getTime() - d * 24 * H + 12 * H },
    ]);
    const history: Interaction[] = [cafe, bar].map((p) => ({ travellerId: 't1', placeId: p.id, kind: 'visited', at: new Date(MORNING.getTime() - 12 * H) }));
    const ctx = { ...context({ now: MORNING, history, position: { ...HOTEL_DE_VILLE, at: MORNING } }), visits: visits.sort((a, b) => a.at - b.at) };
    const top = rank(graph, ctx, { ...options, allowVisited: true }).items;
    expect(top[0]!.item.place.id).toBe(cafe.id);
    const taste = top[0]!.contributions.find((c) => c.signal === 'taste')!;
    expect(taste.evidence).toEqual({ key: 'taste.habit_hour', params: { count: 2, around: 2 } });
    expect(taste.personalData.some((d) => d.category === 'history')).toBe(true);
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
