import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../travellers/model.ts';
import { context, graphOf, place } from '../../test-support/fixtures.ts';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';
import { rank } from '../rank.ts';
import { popularity, popularityValue } from './popularity.ts';

const NOW = new Date('2026-11-24T17:00:00Z'); // Tuesday 18:00 in Paris
const AT = new Date('2026-11-20T12:00:00Z');
const like = (travellerId: string, placeId: string, kind: Interaction['kind'] = 'liked'): Interaction => ({ travellerId, placeId, kind, at: AT });

const rating = fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null, freq: 5 });
const reviews = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 100_000 }));

describe('popularity', () => {
  it('never decreases when interactions are added, for any rating and review count, and stays in [0, 1]', () => {
    fc.assert(
      fc.property(rating, reviews, fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 }), (r, n, added) => {
        // From no interaction at all (the step that used to lower it) through growing counts, past saturation.
        let k = 0;
        let last = popularityValue(r, n, k);
        expect(last >= 0 && last <= 1).toBe(true);
        for (const more of added) {
          k += more;
          const now = popularityValue(r, n, k);
          expect(now).toBeGreaterThanOrEqual(last);
          expect(now).toBeLessThanOrEqual(1);
          last = now;
        }
      }),
      { seed: 20261209, numRuns: 1000 },
    );
  });

  it('never decreases as other travellers like or visit the place, read from the travel graph as a ranking does', () => {
    const kinds = fc.constantFrom<Interaction['kind']>('liked', 'visited', 'saved', 'dismissed', 'been_there');
    fc.assert(
      fc.property(rating, reviews, fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), kinds), { maxLength: 60 }), (r, n, added) => {
        const p = place({ rating: r, reviewCount: r === null ? 0 : n });
        const graph = graphOf({ places: [p] });
        const ctx = context({ now: NOW });
        const value = () => {
          const node = graph.walkIndex().placeNode(p.id)!;
          const c: Candidate = { kind: 'place', id: p.id, place: p, node, meters: 100, walkMinutes: 2, hours: { kind: 'unknown' }, arrival: NOW };
          return popularity.compute(c, ctx, { graph, taste: null, favourites: false }).value;
        };
        let last = value();
        for (const [traveller, kind] of added) {
          graph.addInteraction(like(`other-${traveller}`, p.id, kind));
          const now = value();
          expect(now).toBeGreaterThanOrEqual(last);
          last = now;
        }
      }),
      { seed: 20261209, numRuns: 60 },
    );
  });

  it('lets a well-rated place gain from its first like, never lose (0.83 before, 0.67 after with a weighted mean)', () => {
    const without = popularityValue(4.6, 800, 0);
    expect(without).toBeCloseTo(0.832, 3);
    expect(popularityValue(4.6, 800, 2)).toBeGreaterThan(without);
    // Saturated, the crowd fills 30 % of what the rating leaves; unrated, it is all there is.
    expect(popularityValue(4.6, 800, 50)).toBeCloseTo(without + (1 - without) * 0.3, 6);
    expect(popularityValue(null, 0, 0)).toBe(0.2);
    expect(popularityValue(null, 0, 50)).toBe(1);
  });

  describe("leaves the ranked traveller's own likes and visits out of the crowd they are shown", () => {
    const unrated = place({ name: 'Unrated', rating: null, reviewCount: 0, lat: 48.8572, lon: 2.3525 });
    const popularityOf = (interactions: Interaction[], ctx: RankingContext) => {
      const graph = graphOf({ places: [unrated], interactions });
      const item = rank(graph, ctx, { limit: 3 }).items.find((s) => s.item.place.id === unrated.id)!;
      return item.contributions.find((c) => c.signal === 'popularity')!;
    };
    const others = [like('t2', unrated.id), like('t3', unrated.id, 'visited')];

    it('counts only the others, in the value and in the words', () => {
      const ctx = context({ now: NOW, consents: { location: true, history: false, profile: false, wallet: false } });
      const alone = popularityOf(others, ctx);
      const withMine = popularityOf([...others, like('t1', unrated.id), like('t1', unrated.id, 'visited'), like('t1', unrated.id, 'saved')], ctx);
      expect(withMine).toEqual(alone);
      // A like is two entries of the walk, a visit one: t2's like and t3's visit.
      expect(alone.evidence).toEqual({ key: 'popularity.travellers', params: { count: 3 } });
    });

    it('says "no reviews yet" when the traveller is the only one who liked it', () => {
      const mine = popularityOf([like('t1', unrated.id)], context({ now: NOW }));
      expect(mine.evidence).toEqual({ key: 'popularity.no_rating', params: {} });
      expect(mine.value).toBe(0.2);
    });

    it('leaves out the persona a demo visitor is a copy of, whose history is theirs', () => {
      const ctx = { ...context({ now: NOW }), twinId: 'lea' };
      expect(popularityOf([...others, like('lea', unrated.id)], ctx)).toEqual(popularityOf(others, ctx));
    });
  });
});
