import { describe, expect, it } from 'vitest';
import { walkingMinutes } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import { context, event, graphOf, place } from '../../test-support/fixtures.ts';
import { rank } from '../rank.ts';
import { priceLevelOfPrice } from '@escale/shared';
import { budget } from './budget.ts';
import { party } from './party.ts';
import type { RankRun } from './signal.ts';

const NOW = new Date('2026-11-24T12:30:00Z'); // Tuesday 13:30 in Paris
const RUN: RankRun = { graph: graphOf({ places: [] }), taste: null, favourites: false };
const candidate = (p = place()): Candidate => ({ kind: 'place', id: p.id, place: p, node: -1, meters: 300, walkMinutes: walkingMinutes(300), hours: { kind: 'unknown' }, arrival: NOW });
const family = { party: { adults: 2, childrenAges: [6, 9], accessibility: [] } };

describe('party', () => {
  it('raises kid-friendly places and sinks bars for a family', () => {
    const ctx = context({ now: NOW, profile: family });
    expect(party.compute(candidate(place({ tags: ['kid-friendly'] })), ctx, RUN)).toMatchObject({ value: 1, evidence: { key: 'party.kid_friendly' } });
    expect(party.compute(candidate(place({ category: 'bar' })), ctx, RUN)).toMatchObject({ value: 0, evidence: { key: 'party.not_for_children' } });
    expect(party.compute(candidate(), ctx, RUN).personalData[0]).toMatchObject({ category: 'profile', kind: 'party' });
  });

  it('says nothing, and reads nothing, for a solo adult with no needs', () => {
    expect(party.compute(candidate(), context({ now: NOW }), RUN)).toEqual({ value: 0, evidence: { key: 'party.none', params: {} }, personalData: [] });
  });

  it('prefers places marked wheelchair-accessible for a wheelchair user', () => {
    const ctx = context({ now: NOW, profile: { party: { adults: 1, childrenAges: [], accessibility: ['wheelchair'] } } });
    expect(party.compute(candidate(place({ tags: ['wheelchair'] })), ctx, RUN).value).toBe(1);
    expect(party.compute(candidate(), ctx, RUN)).toMatchObject({ value: 0, evidence: { key: 'party.wheelchair_unknown' } });
  });
});

describe('budget', () => {
  it('scores within budget fully, one level above a little, beyond barely', () => {
    const ctx = context({ now: NOW, profile: { budget: 2 } });
    expect(budget.compute(candidate(place({ priceLevel: 2 })), ctx, RUN)).toMatchObject({ value: 1, evidence: { key: 'budget.within', params: { level: 2 } } });
    expect(budget.compute(candidate(place({ priceLevel: 3 })), ctx, RUN).value).toBe(0.15);
    expect(budget.compute(candidate(place({ priceLevel: 4 })), ctx, RUN).value).toBe(0);
    expect(budget.compute(candidate(place({ category: 'park', priceLevel: null })), ctx, RUN).evidence.key).toBe('budget.free');
  });

  it('judges events by their ticket price', () => {
    expect(priceLevelOfPrice(12, 'EUR')).toBe(1);
    expect(priceLevelOfPrice(95, 'EUR')).toBe(4);
    // In its own currency, never converted: £14 is a level-2 price in London terms, 14 € a level-1 one.
    expect(priceLevelOfPrice(14, 'GBP')).toBe(2);
    expect(priceLevelOfPrice(14, 'EUR')).toBe(1);
    const p = place({ category: 'music_venue' });
    const e = event(p, { price: 95 });
    const c: Candidate = { ...candidate(p), kind: 'event', id: e.id, event: e };
    expect(budget.compute(c, context({ now: NOW, profile: { budget: 2 } }), RUN).evidence.key).toBe('budget.above');
  });
});

describe('taste in a ranking', () => {
  const at = new Date('2026-11-01T12:00:00Z');
  const liked = place({ name: 'Le Baratin', category: 'bar', tags: ['wine'], lat: 48.8575 });
  const coVisited = place({ name: 'Co-visited', category: 'restaurant', lat: 48.858 });
  const unrelated = place({ name: 'Unrelated', category: 'restaurant', lat: 48.8581 });
  const others = ['t1', 't2', 't3', 't4'].flatMap((t) => [
    { travellerId: t, placeId: liked.id, kind: 'liked' as const, at },
    { travellerId: t, placeId: coVisited.id, kind: 'visited' as const, at },
  ]);
  const mine = [{ travellerId: 'me', placeId: liked.id, kind: 'liked' as const, at }];
  const graph = graphOf({ places: [liked, coVisited, unrelated], interactions: [...others, ...mine] });
  const now = new Date('2026-11-24T18:30:00Z'); // 19:30, dinner

  it('explains a co-visit: the liked place, how many travellers, the path, and the datum with its date', () => {
    const ctx = { ...context({ now, history: mine }), travellerId: 'me' };
    const { items } = rank(graph, ctx, { limit: 3 });
    const s = items.find((i) => i.item.title === 'Co-visited')!;
    const t = s.contributions.find((c) => c.signal === 'taste')!;
    expect(t.value).toBeGreaterThan(0);
    expect(t.evidence).toEqual({ key: 'taste.co_visit', params: { interaction: 'liked', place: 'Le Baratin', travellers: 4 } });
    expect(t.path).toMatchObject({ from: { kind: 'place', name: 'Le Baratin', interaction: 'liked' }, via: { kind: 'travellers', count: 4 } });
    expect(t.personalData[0]).toMatchObject({ category: 'history', kind: 'interaction', at: at.toISOString() });
    const u = items.find((i) => i.item.title === 'Unrelated')!.contributions.find((c) => c.signal === 'taste')!;
    expect(u.value).toBeLessThan(t.value);
  });

  it('is not computed, and history is not read, with the history consent off', () => {
    const ctx = context({ now, consents: { location: true, history: false, profile: true, wallet: true }, history: mine });
    expect(ctx.history).toBeNull();
    const { items } = rank(graph, ctx, { limit: 3 });
    expect(items.flatMap((i) => i.contributions.map((c) => c.signal))).not.toContain('taste');
  });
});
