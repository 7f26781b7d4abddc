import { describe, expect, it } from 'vitest';
import type { Place } from '../../server/src/catalogue/model.ts';
import { checkinPlace } from './checkin-world.ts';
import { blendParts, rankCheckinBaseline, tuneReplayBlend, type CheckinQuery } from './replay-baselines.ts';

const HERE = { lat: 40.758, lon: -73.9855 };
const venue = (id: string, metresNorth: number): Place => checkinPlace({ id, name: id, category: 'bar', tags: [], lat: HERE.lat + metresNorth / 111_200, lon: HERE.lon }, 'eval', 'replay');
const near = venue('near', 100);
const mid = venue('mid', 600);
const far = venue('far', 2000);
const popular: Record<string, number> = { far: 50, mid: 5, near: 1 };

const query = (visits: Record<string, number> = {}, transitions: Record<string, number> = {}): CheckinQuery => ({
  candidates: [far, near, mid],
  origin: HERE,
  popularity: (p) => popular[p.id] ?? 0,
  visits: new Map(Object.entries(visits)),
  transitions: new Map(Object.entries(transitions)),
});
const names = (places: Place[]) => places.map((p) => p.id);

describe('the check-in baselines of the replay', () => {
  it('user frequency: the user’s own places by check-ins, the rest by popularity', () => {
    expect(names(rankCheckinBaseline('frequency', query({ mid: 3, near: 1 }), 3))).toEqual(['mid', 'near', 'far']);
    expect(names(rankCheckinBaseline('frequency', query(), 3))).toEqual(['far', 'mid', 'near']);
  });

  it('transition: where people went next from the previous venue', () => {
    expect(names(rankCheckinBaseline('transition', query({}, { near: 4, far: 1 }), 2))).toEqual(['near', 'far']);
  });

  it('user visits × proximity: a nearer own place beats a farther one visited as often', () => {
    expect(names(rankCheckinBaseline('user-proximity', query({ far: 2, near: 2 }), 2))).toEqual(['near', 'far']);
  });

  it('tunes the blend towards the part that finds the venue, here the transitions', () => {
    // In every case the user goes where the previous venue's crowd went, never to the popular or the near one.
    const q = query({ near: 5 }, { mid: 3 });
    const parts = blendParts(q);
    const target = q.candidates.indexOf(mid);
    const popularity = Float64Array.from(q.candidates, q.popularity);
    const { blend, mrr } = tuneReplayBlend([{ parts, target, popularity }], 10);
    expect(mrr).toBe(1);
    expect(blend.weights.transition).toBeGreaterThan(0);
    expect(names(rankCheckinBaseline('blend', q, 1, blend))).toEqual(['mid']);
  });
});
