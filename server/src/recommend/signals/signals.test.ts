import { describe, expect, it } from 'vitest';
import { hasEvidenceTemplate, TRIGGER_KINDS, walkingMinutes } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';
import { context, event, graphOf, offer, place, promotion } from '../../test-support/fixtures.ts';
import type { RankRun, Signal } from './signal.ts';
import { agency } from './agency.ts';
import { interests } from './interests.ts';
import { bayesianRating, popularity } from './popularity.ts';
import { proximity } from './proximity.ts';
import { timing } from './timing.ts';

const NOW = new Date('2026-11-24T17:00:00Z'); // Tuesday 18:00 in Paris
const RUN: RankRun = { graph: graphOf({ places: [] }), taste: null, favourites: false };
const compute = (signal: Signal, c: Candidate, ctx: RankingContext) => signal.compute(c, ctx, RUN);

function candidate(p = place(), meters: number | null = 400, hours: Candidate['hours'] = { kind: 'open', closesAt: new Date('2026-11-24T22:00:00Z') }): Candidate {
  const walk = meters === null ? null : walkingMinutes(meters);
  return { kind: 'place', id: p.id, place: p, node: -1, meters, walkMinutes: walk, hours, arrival: new Date(NOW.getTime() + (walk ?? 0) * 60_000) };
}

describe('proximity', () => {
  it('prefers a short walk and says how far in metres and minutes', () => {
    const near = compute(proximity, candidate(place(), 300), context({ now: NOW }));
    const far = compute(proximity, candidate(place(), 1500), context({ now: NOW }));
    expect(near.value).toBeGreaterThan(far.value);
    expect(near.evidence).toEqual({ key: 'proximity.walk', params: { meters: 300, minutes: walkingMinutes(300) } });
    expect(near.personalData).toEqual([expect.objectContaining({ category: 'location', kind: 'position' })]);
  });

  it('reads nothing and says so when there is no position', () => {
    const r = compute(proximity, candidate(place(), null), context({ now: NOW, position: null }));
    expect(r).toEqual({ value: 0, evidence: { key: 'proximity.unknown', params: {} }, personalData: [] });
  });
});

describe('timing', () => {
  it('calls dinner time for an open restaurant at 20:00 and gives the closing time', () => {
    const now = new Date('2026-11-24T19:00:00Z'); // 20:00 Paris
    const c = { ...candidate(place({ category: 'restaurant' }), 200), arrival: now };
    const r = compute(timing, c, context({ now }));
    expect(r.evidence).toEqual({ key: 'timing.meal_time', params: { meal: 'dinner', until: '23:00' } });
    expect(r.value).toBe(1);
  });

  it('rates a museum at 15:00 above a nightclub at 15:00', () => {
    const now = new Date('2026-11-24T14:00:00Z');
    const open = { kind: 'open' as const, closesAt: new Date('2026-11-24T23:00:00Z') };
    const museum = compute(timing, { ...candidate(place({ category: 'museum' }), 200, open), arrival: now }, context({ now }));
    const club = compute(timing, { ...candidate(place({ category: 'nightlife' }), 200, open), arrival: now }, context({ now }));
    expect(museum.value).toBeGreaterThan(club.value);
  });

  it('says "hours unknown" and never claims a place without hours is open', () => {
    const r = compute(timing, candidate(place({ openingHours: null }), 200, { kind: 'unknown' }), context({ now: NOW }));
    expect(r.evidence.key).toBe('timing.hours_unknown');
    expect(r.value).toBeLessThanOrEqual(0.5);
  });

  it('counts down to an event that starts soon', () => {
    const p = place({ category: 'music_venue' });
    const e = event(p, { startsAt: new Date('2026-11-24T17:40:00Z') });
    const c: Candidate = { ...candidate(p, 200), kind: 'event', id: e.id, event: e };
    const r = compute(timing, c, context({ now: NOW }));
    expect(r.evidence).toEqual({ key: 'timing.event_starts_in', params: { minutes: 40, time: '18:40' } });
  });
});

describe('interests', () => {
  it('matches a liked category and names it as personal data', () => {
    const r = compute(interests, candidate(place({ category: 'climbing' })), context({ profile: { likes: [{ kind: 'category', id: 'climbing' }] } }));
    expect(r.value).toBe(1);
    expect(r.evidence).toEqual({ key: 'interests.likes', params: { kind: 'category', id: 'climbing' } });
    expect(r.personalData[0]).toMatchObject({ category: 'profile', kind: 'stated_like' });
  });

  it('matches a liked tag (ramen) at a slightly lower value than a category', () => {
    const r = compute(interests, candidate(place({ tags: ['cuisine:ramen'] })), context({ profile: { likes: [{ kind: 'tag', id: 'cuisine:ramen' }] } }));
    expect(r.value).toBeGreaterThan(0.5);
    expect(r.value).toBeLessThan(1);
  });

  it('invites a traveller with no stated likes to say what they like', () => {
    const r = compute(interests, candidate(), context({ profile: { likes: [] } }));
    expect(r).toMatchObject({ value: 0, evidence: { key: 'interests.no_profile' } });
  });
});

describe('popularity', () => {
  it('does not let 5.0 from 2 reviews beat 4.6 from 800', () => {
    expect(bayesianRating(5, 2)).toBeLessThan(bayesianRating(4.6, 800));
    const few = compute(popularity, candidate(place({ rating: 5, reviewCount: 2 })), context());
    const many = compute(popularity, candidate(place({ rating: 4.6, reviewCount: 800 })), context());
    expect(many.value).toBeGreaterThan(few.value);
  });

  it('labels seeded demo ratings as such', () => {
    const r = compute(popularity, candidate(place({ rating: 4.6, reviewCount: 820, seeded: ['rating'] })), context());
    expect(r.evidence).toEqual({ key: 'popularity.rating_demo', params: { rating: '4.6', count: 820 } });
  });
});

describe('agency', () => {
  it('discloses a promoted offer with the agency name', () => {
    const p = place();
    const o = offer(p);
    const r = compute(agency, { ...candidate(p), kind: 'offer', id: o.id, offer: o }, context({ promotions: [promotion({ kind: 'offer', id: o.id })] }));
    expect(r).toEqual({ value: 1, evidence: { key: 'agency.promoted', params: { agency: 'Demo' } }, personalData: [] });
  });

  it('reads only the promotion of what is suggested, not of its place', () => {
    const p = place();
    const o = offer(p);
    const ctx = context({ promotions: [promotion({ kind: 'place', id: p.id }, { boost: 0.5 })] });
    expect(compute(agency, candidate(p), ctx).value).toBe(0.5);
    expect(compute(agency, { ...candidate(p), kind: 'offer', id: o.id, offer: o }, ctx).value).toBe(0);
  });

  it("never reads another agency's promotion", () => {
    const p = place();
    expect(compute(agency, candidate(p), context({ promotions: [promotion({ kind: 'place', id: p.id }, { agencyId: 'other' })] })).value).toBe(0);
  });

  it('gives nothing to an unpromoted place', () => {
    expect(compute(agency, candidate(), context()).value).toBe(0);
  });
});

describe('evidence keys', () => {
  it('every key a signal or a push trigger emits has an English and a French template', () => {
    const keys = [
      'proximity.walk',
      'proximity.unknown',
      'timing.meal_time',
      'timing.open_until',
      'timing.open_closes_soon',
      'timing.open_24_7',
      'timing.hours_unknown',
      'proximity.run',
      'timing.event_starts_in',
      'timing.event_later',
      'interests.likes',
      'interests.neutral',
      'interests.no_profile',
      'popularity.rating',
      'popularity.rating_demo',
      'popularity.no_rating',
      'agency.promoted',
      'agency.not_promoted',
      'data.position',
      'data.stated_like',
      ...TRIGGER_KINDS.map((k) => `trigger.${k}`),
      'trigger.new_area_unnamed',
      'taste.co_visit',
      'taste.similar',
      'taste.interest_walk',
      'taste.no_signal',
      'party.kid_friendly',
      'party.not_for_children',
      'party.neutral_children',
      'party.wheelchair',
      'party.wheelchair_unknown',
      'party.none',
      'budget.within',
      'budget.free',
      'budget.above',
      'budget.unknown',
      'diversity.varied',
      'taste.favourite',
      'data.interaction',
      'data.party',
      'data.accessibility',
      'data.budget',
      'popularity.travellers',
    ];
    expect(keys.filter((k) => !hasEvidenceTemplate(k))).toEqual([]);
  });
});
