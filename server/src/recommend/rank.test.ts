import { describe, expect, it, vi } from 'vitest';
import { ALL_CONSENTS, context, event, graphOf, HOTEL_DE_VILLE, offer, PARIS, place } from '../test-support/fixtures.ts';
import { buildContext } from './context.ts';
import { rank } from './rank.ts';

const NOW = new Date('2026-11-24T17:00:00Z'); // Tuesday 18:00 in Paris

describe('rank', () => {
  it('returns suggestions with every contribution and the driving signal', () => {
    const graph = graphOf({ places: [place({ name: 'Near', lat: 48.857, lon: 2.3525 }), place({ name: 'Far', lat: 48.866, lon: 2.36 })] });
    const { items } = rank(graph, context({ now: NOW }), { limit: 3 });
    expect(items.map((s) => s.item.title)).toEqual(['Near', 'Far']);
    const first = items[0]!;
    expect(first.contributions.map((c) => c.signal)).toEqual(['proximity', 'timing', 'interests', 'taste', 'party', 'budget', 'popularity', 'agency']);
    expect(first.contributions.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1);
    const top = first.contributions.reduce((a, b) => (b.points > a.points ? b : a));
    expect(first.driver).toBe(top.signal);
    expect(first.reason).toEqual(top.evidence);
  });

  it('never suggests a place that is closed now, dismissed, or marked been there', () => {
    const closed = place({ name: 'Closed', openingHours: 'Mo-Su 08:00-12:00' });
    const dismissed = place({ name: 'Dismissed' });
    const beenThere = place({ name: 'Been there' });
    const ok = place({ name: 'Open' });
    const graph = graphOf({ places: [closed, dismissed, beenThere, ok] });
    const { items } = rank(graph, context({ now: NOW, exclusions: [dismissed.id, beenThere.id] }), { limit: 10 });
    expect(items.map((s) => s.item.title)).toEqual(['Open']);
  });

  it('never suggests a visited place when history is consented', () => {
    const visited = place({ name: 'Visited' });
    const graph = graphOf({ places: [visited, place({ name: 'New' })] });
    const history = [{ travellerId: 't1', placeId: visited.id, kind: 'visited' as const, at: NOW }];
    expect(rank(graph, context({ now: NOW, history }), { limit: 10 }).items.map((s) => s.item.title)).toEqual(['New']);
  });

  it('obeys "no museums": a disliked category never appears', () => {
    const graph = graphOf({ places: [place({ name: 'Louvre-like', category: 'museum' }), place({ name: 'Bistro' })] });
    const ctx = context({ now: NOW, profile: { dislikes: [{ kind: 'category', id: 'museum' }] } });
    expect(rank(graph, ctx, { limit: 10 }).items.map((s) => s.item.title)).toEqual(['Bistro']);
  });

  it('drops events that have started or are sold out, and keeps one that starts later', () => {
    const venue = place({ name: 'Jazz club', category: 'music_venue', openingHours: null });
    const started = event(venue, { title: 'Started', startsAt: new Date('2026-11-24T16:30:00Z') });
    const soldOut = event(venue, { title: 'Sold out', startsAt: new Date('2026-11-24T19:00:00Z'), seatsLeft: 0 });
    const later = event(venue, { title: 'Later tonight', startsAt: new Date('2026-11-24T19:30:00Z') });
    const graph = graphOf({ places: [venue], events: [started, soldOut, later] });
    const { items } = rank(graph, context({ now: NOW }), { limit: 10 });
    expect(items.map((s) => s.item.title)).toEqual(['Later tonight']);
    expect(items[0]!.item.startsAt).toBe('2026-11-24T20:30:00+01:00');
  });

  it('shows a promoted offer as a promotion with the agency name', () => {
    const p = place({ name: 'Wine bar', category: 'bar' });
    const graph = graphOf({ places: [p], offers: [offer(p, { title: 'Tasting for two', promoted: true })] });
    const [s] = rank(graph, context({ now: NOW }), { limit: 1 }).items;
    expect(s!.item.title).toBe('Tasting for two');
    expect(s!.promotion).toEqual({ agencyName: 'Demo', label: { key: 'agency.promoted', params: { agency: 'Demo' } } });
    expect(s!.contributions.find((c) => c.signal === 'agency')!.value).toBe(1);
  });

  it('spreads the top results over categories', () => {
    const ramen = [1, 2, 3].map((i) => place({ name: `Ramen ${i}`, tags: ['cuisine:ramen'], lat: HOTEL_DE_VILLE.lat + i * 0.0003 }));
    const bar = place({ name: 'Bar', category: 'bar', lat: HOTEL_DE_VILLE.lat + 0.004 });
    const graph = graphOf({ places: [...ramen, bar] });
    const dinner = new Date('2026-11-24T18:45:00Z'); // 19:45: the ramen bars fit the hour as well as the bar
    const items = rank(graph, context({ now: dinner }), { limit: 3 }).items;
    expect(items.map((s) => s.item.title)).toContain('Bar');
    // The panel says why a lower-scored bar made the list.
    expect(items.find((s) => s.item.title === 'Bar')!.notes).toEqual([{ key: 'diversity.varied', params: { category: 'restaurant' } }]);
    expect(rank(graph, context({ now: dinner }), { limit: 3, diversify: false }).items.map((s) => s.item.title)).not.toContain('Bar');
  });

  it('is deterministic: the same inputs give the same output', () => {
    const graph = graphOf({ places: Array.from({ length: 30 }, (_, i) => place({ lat: 48.85 + i * 0.0004, rating: 4 })) });
    const a = rank(graph, context({ now: NOW }), { limit: 5 });
    const b = rank(graph, context({ now: NOW }), { limit: 5 });
    expect(a).toEqual(b);
  });
});

describe('consent gating', () => {
  const graph = graphOf({ places: [place({ name: 'A', category: 'climbing' }), place({ name: 'B', lat: 48.86 })] });
  const source = () => ({
    position: vi.fn(() => ({ ...HOTEL_DE_VILLE, at: NOW })),
    profile: vi.fn(() => ({ likes: [{ kind: 'category' as const, id: 'climbing' }], dislikes: [], party: { adults: 1, childrenAges: [], accessibility: [] }, budget: 2 })),
    history: vi.fn(() => []),
    exclusions: vi.fn(() => new Set<string>()),
  });
  const base = { travellerId: 't1', city: PARIS, now: NOW, nonProfiled: false, agencyName: 'Demo' };

  it('with location consent off, the position is never read and nothing uses distance', () => {
    const s = source();
    const ctx = buildContext({ ...base, consents: { ...ALL_CONSENTS, location: false } }, s);
    const { items } = rank(graph, ctx, { limit: 5 });
    expect(s.position).not.toHaveBeenCalled();
    expect(items.every((i) => i.distanceMeters === null && i.walkMinutes === null)).toBe(true);
    expect(items.flatMap((i) => i.contributions.map((c) => c.signal))).not.toContain('proximity');
  });

  it('with profile consent off, stated interests are never read', () => {
    const s = source();
    const ctx = buildContext({ ...base, consents: { ...ALL_CONSENTS, profile: false } }, s);
    const { items } = rank(graph, ctx, { limit: 5 });
    expect(s.profile).not.toHaveBeenCalled();
    expect(items.flatMap((i) => i.contributions.map((c) => c.signal))).not.toContain('interests');
  });

  it('with history consent off, history is never read and taste is not computed', () => {
    const s = source();
    const ctx = buildContext({ ...base, consents: { ...ALL_CONSENTS, history: false } }, s);
    const { items } = rank(graph, ctx, { limit: 5 });
    expect(s.history).not.toHaveBeenCalled();
    expect(items.flatMap((i) => i.contributions.map((c) => c.signal))).not.toContain('taste');
  });

  it('the non-profiled feed reads no personal data at all and runs only non-personal signals', () => {
    const s = source();
    const ctx = buildContext({ ...base, consents: ALL_CONSENTS, nonProfiled: true }, s);
    const { items } = rank(graph, ctx, { limit: 5 });
    expect(s.position).not.toHaveBeenCalled();
    expect(s.profile).not.toHaveBeenCalled();
    expect(s.history).not.toHaveBeenCalled();
    const signals = new Set(items.flatMap((i) => i.contributions.map((c) => c.signal)));
    expect([...signals].sort()).toEqual(['agency', 'popularity', 'timing']);
    expect(items.every((i) => i.contributions.every((c) => c.personalData.length === 0))).toBe(true);
  });
});
