import { CATEGORY_IDS } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { context, event, graphOf, HOTEL_DE_VILLE, offer, place } from '../test-support/fixtures.ts';
import type { Candidate } from './candidate.ts';
import { candidatesAt, placesAround } from './candidates.ts';
import { exclusionReason } from './hard-rules.ts';
import { mulberry32 } from './seeded-random.ts';

describe('candidate generation', () => {
  // A seeded jumble of places around the Hôtel de Ville: every category, price level and hours kind, some
  // with events and offers; and a traveller who dismissed, visited, dislikes and has a budget.
  const rand = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const places = Array.from({ length: 300 }, () =>
    place({
      category: pick(CATEGORY_IDS),
      priceLevel: pick([null, 1, 2, 3, 4]),
      tags: rand() < 0.3 ? ['wheelchair'] : rand() < 0.5 ? ['jazz'] : rand() < 0.3 ? ['pub'] : rand() < 0.2 ? ['jazz', 'concerts'] : [],
      openingHours: pick([null, 'Mo-Su 08:00-23:00', 'Mo-Fr 12:00-14:00', '24/7', 'Tu 18:00-18:30']),
      lat: HOTEL_DE_VILLE.lat + (rand() - 0.5) * 0.02,
      lon: HOTEL_DE_VILLE.lon + (rand() - 0.5) * 0.03,
    }),
  );
  const events = places.filter(() => rand() < 0.1).map((p) => event(p, { price: pick([0, 15, 60]), startsAt: new Date(Date.parse('2026-11-24T17:00:00Z') + rand() * 8 * 3_600_000) }));
  const offers = places.filter(() => rand() < 0.1).map((p) => offer(p, { price: pick([10, 40, 90]), seatsLeft: pick([0, 3]) }));
  const graph = graphOf({ places, events, offers });
  const visits = places.slice(0, 20).map((p) => ({ travellerId: 't1', placeId: p.id, kind: 'visited' as const, at: new Date('2026-11-20T12:00:00Z') }));

  const cases = {
    'no profile rules': context(),
    'dismissals, visits, a disliked category and tag, a budget': context({
      exclusions: places.slice(20, 40).map((p) => p.id),
      history: visits,
      profile: {
        dislikes: [
          { kind: 'category', id: 'bar' },
          { kind: 'tag', id: 'jazz' },
        ],
        budget: 1,
      },
    }),
    'a wheelchair user with no budget': context({ profile: { party: { adults: 1, childrenAges: [], accessibility: ['wheelchair'] }, budget: null } }),
    'a family with children (no bar, club or jazz club, nor what is held there)': context({ profile: { party: { adults: 2, childrenAges: [4, 7], accessibility: [] }, budget: null } }),
    'at 03:00 without a position': context({ now: new Date('2026-11-24T02:00:00Z'), position: null }),
  };

  for (const [name, ctx] of Object.entries(cases)) {
    it(`screens by the place table exactly as the full rules would (${name})`, () => {
      const near = placesAround(graph, ctx, 2_000, 1_000);
      for (const allowVisited of [false, true]) {
        const rules = { allowVisited };
        const everything = candidatesAt(graph, ctx, near, 0);
        const seen = (c: Candidate) => ({ id: c.id, hours: c.hours, arrival: c.arrival, meters: c.meters });
        const expected = everything.filter((c) => exclusionReason(c, ctx, rules) === null).map(seen);
        const screened = candidatesAt(graph, ctx, near, 0, { rules }).map(seen);
        expect(screened).toEqual(expected);
        // Dropping a place whose kind makes no sense at this hour first changes nothing either, but the hours
        // shown with an event held there, which are then not looked up.
        const withoutHours = ({ id }: { id: string }) => id;
        expect(candidatesAt(graph, ctx, near, 0, { rules, onlyPossibleHours: true }).map(seen).map(withoutHours)).toEqual(expected.map(withoutHours));
        expect(screened.length).toBeGreaterThan(0);
        expect(screened.length).toBeLessThan(everything.length);
      }
    });
  }

  it('starts at the given rank of nearness', () => {
    const ctx = context();
    const near = placesAround(graph, ctx, 2_000, 1_000);
    const all = candidatesAt(graph, ctx, near, 0).map((c) => c.place.id);
    const firstFarther = near.meters.findIndex((m) => m > 500);
    const farther = new Set(candidatesAt(graph, ctx, near, firstFarther).map((c) => c.place.id));
    expect([...farther]).toEqual([...new Set(all)].filter((id) => farther.has(id)));
    expect(farther.size).toBeGreaterThan(0);
    expect(farther.size).toBeLessThan(new Set(all).size);
  });
});
