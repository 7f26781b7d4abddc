import { FEWER_LIKE_FACTOR } from '@escale/shared';
import { describe, expect, it, vi } from 'vitest';
import { ALL_CONSENTS, context, event, graphOf, HOTEL_DE_VILLE, offer, PARIS, place, promotion } from '../test-support/fixtures.ts';
import { buildContext } from './context.ts';
import { rank, scoreAll, selectTop } from './rank.ts';

const NOW = new Date('2026-11-24T17:00:00Z'); // Tuesday 18:00 in Paris

describe('rank', () => {
  it('returns suggestions with every contribution and the driving signal', () => {
    const graph = graphOf({ places: [place({ name: 'Near', lat: 48.857, lon: 2.3525 }), place({ name: 'Far', lat: 48.866, lon: 2.36 })] });
    const { items } = rank(graph, context({ now: NOW }), { limit: 3 });
    expect(items.map((s) => s.item.title)).toEqual(['Near', 'Far']);
    const first = items[0]!;
    expect(first.contributions.map((c) => c.signal)).toEqual(['proximity', 'timing', 'interests', 'taste', 'trip', 'party', 'budget', 'popularity', 'agency']);
    expect(first.contributions.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1);
    const top = first.contributions.reduce((a, b) => (b.points > a.points ? b : a));
    expect(first.driver).toBe(top.signal);
    // The reason line is never the distance or hours the card already states (reason.ts).
    expect(first.reason.key).not.toMatch(/^proximity\.|^timing\./);
  });

  it('skips the suggestions it is told to, and fills the limit with the best of the rest', () => {
    const places = ['A', 'B', 'C', 'D', 'E'].map((name, i) => place({ name, lat: 48.857 + i * 0.0012, lon: 2.3525 }));
    const graph = graphOf({ places });
    const first = rank(graph, context({ now: NOW }), { limit: 2, diversify: false }).items;
    expect(first.map((s) => s.item.title)).toEqual(['A', 'B']);
    const next = rank(graph, context({ now: NOW }), { limit: 2, diversify: false, skip: new Set(first.map((s) => s.id)) }).items;
    expect(next.map((s) => s.item.title)).toEqual(['C', 'D']);
  });

  it('gives, from one scoring, the same selections as separate rankings (the feed and the notification of one move)', () => {
    const venue = place({ name: 'Jazz club', category: 'music_venue', lat: 48.8575, lon: 2.353 });
    const places = [venue, ...['A', 'B', 'C', 'D', 'E', 'F'].map((name, i) => place({ name, category: i % 2 ? 'bar' : 'restaurant', lat: 48.857 + i * 0.001, lon: 2.3525 }))];
    const later = event(venue, { title: 'Later tonight', startsAt: new Date('2026-11-24T19:30:00Z') });
    const graph = graphOf({ places, events: [later] });
    const ctx = context({ now: NOW });
    const scoring = scoreAll(graph, ctx, {});
    const sent = new Set(rank(graph, ctx, { limit: 2 }).items.map((s) => s.id));
    for (const options of [{ limit: 10 }, { limit: 3 }, { limit: 3, skip: sent }, { limit: 4, diversify: false, skip: sent }]) {
      const once = selectTop(scoring, options);
      expect(once.items.length).toBeGreaterThan(0);
      expect(once).toEqual(rank(graph, ctx, options));
    }
    // Skipping one of the jazz club's items leaves its other one free to stand for the place.
    expect(selectTop(scoring, { limit: 10, skip: new Set([`event:${later.id}`]) }).items.map((s) => s.item.title)).toContain('Jazz club');
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
    const o = offer(p, { title: 'Tasting for two' });
    const promotions = [promotion({ kind: 'offer', id: o.id })];
    const graph = graphOf({ places: [p], offers: [o], promotions });
    const [s] = rank(graph, context({ now: NOW, promotions }), { limit: 1 }).items;
    expect(s!.item.title).toBe('Tasting for two');
    expect(s!.promotion).toEqual({ agencyName: 'Demo', label: { key: 'agency.promoted', params: { agency: 'Demo' } } });
    expect(s!.contributions.find((c) => c.signal === 'agency')!.value).toBe(1);
  });

  it('shows the promotion only within its window, with its label and boost', () => {
    const p = place({ name: 'Wine bar', category: 'bar' });
    const running = promotion({ kind: 'place', id: p.id }, { boost: 0.4, label: 'Autumn tasting week', startsAt: new Date('2026-11-20T00:00:00Z'), endsAt: new Date('2026-11-27T00:00:00Z') });
    const graph = graphOf({ places: [p], promotions: [running] });
    const during = rank(graph, context({ now: NOW, promotions: [running] }), { limit: 1 }).items[0]!;
    expect(during.promotion).toEqual({ agencyName: 'Demo', label: { key: 'agency.promoted_as', params: { agency: 'Demo', label: 'Autumn tasting week' } } });
    expect(during.contributions.find((c) => c.signal === 'agency')!.value).toBe(0.4);
    const after = rank(graph, context({ now: new Date('2026-11-28T17:00:00Z'), promotions: [running] }), { limit: 1 }).items[0]!;
    expect(after.promotion).toBeNull();
    expect(after.contributions.find((c) => c.signal === 'agency')!.value).toBe(0);
  });

  it('lets a promotion lift an idea that already fits, never one with nothing for it', () => {
    // Only what everybody thinks counts here, and the promotion: full weight to it, the most an agency may set.
    const weights = { proximity: 0, timing: 0, interests: 0, taste: 0, trip: 0, party: 0, budget: 0, popularity: 1, agency: 1 };
    const good = place({ name: 'Good', rating: 4.8, reviewCount: 900 });
    const nearly = place({ name: 'Nearly as good', rating: 4.7, reviewCount: 800 });
    const unknown = place({ name: 'Nobody knows it', rating: null, reviewCount: 0 });
    const fits = offer(nearly, { title: 'Promoted, fits' });
    const fitsNothing = offer(unknown, { title: 'Promoted, fits nothing' });
    const promotions = [promotion({ kind: 'offer', id: fits.id }), promotion({ kind: 'offer', id: fitsNothing.id })];
    const graph = graphOf({
      places: [good, nearly, unknown],
      offers: [fits, fitsNothing],
      promotions,
    });
    const options = { limit: 10, weights, diversify: false };
    const ranked = rank(graph, context({ now: NOW, promotions }), { ...options, promotionLift: 0.25 }).items;
    const titles = ranked.map((s) => s.item.title);
    expect(titles[0]).toBe('Promoted, fits'); // lifted over a slightly better idea
    expect(titles.indexOf('Promoted, fits nothing')).toBeGreaterThan(titles.indexOf('Good'));
    const lift = (title: string) => ranked.find((s) => s.item.title === title)!.contributions.find((c) => c.signal === 'agency')!;
    const popularity = (title: string) => ranked.find((s) => s.item.title === title)!.contributions.find((c) => c.signal === 'popularity')!.points;
    expect(lift('Promoted, fits nothing').points).toBeCloseTo(0.25 * popularity('Promoted, fits nothing'), 3);
    // Without the cap the same promotion would put the idea that fits nothing above a good one: the cap is what prevents it.
    const uncapped = rank(graph, context({ now: NOW }), { ...options, promotionLift: 100 }).items.map((s) => s.item.title);
    expect(uncapped.indexOf('Promoted, fits nothing')).toBeLessThan(uncapped.indexOf('Good'));
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

/** A traveller's data as spies, to prove what a ranking reads: Léa at the Hôtel de Ville, who likes climbing. */
const source = () => ({
  position: vi.fn(() => ({ ...HOTEL_DE_VILLE, at: NOW })),
  profile: vi.fn(() => ({ likes: [{ kind: 'category' as const, id: 'climbing' }], dislikes: [], party: { adults: 1, childrenAges: [], accessibility: [] }, budget: 2 })),
  history: vi.fn(() => []),
  trip: vi.fn(() => null),
  exclusions: vi.fn(() => new Set<string>()),
});
const base = { travellerId: 't1', twinId: null, city: PARIS, now: NOW, consents: ALL_CONSENTS, nonProfiled: false, agencyName: 'Demo' };

describe('consent gating', () => {
  const graph = graphOf({ places: [place({ name: 'A', category: 'climbing' }), place({ name: 'B', lat: 48.86 })] });

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

  it('with wallet consent off, bookings are never read and trip is not computed', () => {
    const s = source();
    const ctx = buildContext({ ...base, consents: { ...ALL_CONSENTS, wallet: false } }, s);
    const { items } = rank(graph, ctx, { limit: 5 });
    expect(s.trip).not.toHaveBeenCalled();
    expect(items.flatMap((i) => i.contributions.map((c) => c.signal))).not.toContain('trip');
  });

  it('the non-profiled feed reads no personal data at all and runs only non-personal signals', () => {
    const s = source();
    const ctx = buildContext({ ...base, consents: ALL_CONSENTS, nonProfiled: true }, s);
    const { items } = rank(graph, ctx, { limit: 5 });
    expect(s.position).not.toHaveBeenCalled();
    expect(s.profile).not.toHaveBeenCalled();
    expect(s.history).not.toHaveBeenCalled();
    expect(s.trip).not.toHaveBeenCalled();
    const signals = new Set(items.flatMap((i) => i.contributions.map((c) => c.signal)));
    expect([...signals].sort()).toEqual(['agency', 'popularity', 'timing']);
    expect(items.every((i) => i.contributions.every((c) => c.personalData.length === 0))).toBe(true);
  });
});

describe('what the traveller decided about their feed', () => {
  it('a personal signal switched off is not computed, and the others still are', () => {
    const graph = graphOf({ places: [place({ name: 'Wall', category: 'climbing' }), place({ name: 'Bar', category: 'bar', lat: 48.8572 })] });
    const on = rank(graph, buildContext(base, source()), { limit: 5 }).items;
    expect(on[0]!.item.title).toBe('Wall');
    const off = rank(graph, buildContext({ ...base, signalsOff: new Set(['interests', 'proximity'] as const) }, source()), { limit: 5 }).items;
    const signals = new Set(off.flatMap((i) => i.contributions.map((c) => c.signal)));
    expect(signals.has('interests')).toBe(false);
    expect(signals.has('proximity')).toBe(false);
    expect(signals.has('timing')).toBe(true);
    expect(signals.has('party')).toBe(true);
  });

  it('"fewer like this" moves a category or a tag down, says so on the suggestion, and keeps the shares whole', () => {
    const museum = place({ name: 'Museum', category: 'museum', lat: 48.857, lon: 2.3525 });
    const jazz = place({ name: 'Jazz bar', category: 'bar', tags: ['jazz'], lat: 48.8571, lon: 2.3526 });
    const cafe = place({ name: 'Café', category: 'cafe', lat: 48.8585, lon: 2.354 });
    const graph = graphOf({ places: [museum, jazz, cafe] });
    const before = rank(graph, buildContext(base, source()), { limit: 3, diversify: false }).items;
    expect(before[0]!.item.title).not.toBe('Café');
    const fewer = { categories: new Set(['museum']), tags: ['jazz'] };
    const after = rank(graph, buildContext({ ...base, fewer }, source()), { limit: 3, diversify: false }).items;
    expect(after[0]!.item.title).toBe('Café');
    const lowered = after.find((s) => s.item.title === 'Museum')!;
    expect(lowered.notes).toContainEqual({ key: 'fewer.lowered', params: { kind: 'category', id: 'museum' } });
    expect(after.find((s) => s.item.title === 'Jazz bar')!.notes).toContainEqual({ key: 'fewer.lowered', params: { kind: 'tag', id: 'jazz' } });
    expect(lowered.contributions.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1);
    expect(lowered.score).toBeCloseTo(before.find((s) => s.item.title === 'Museum')!.score * FEWER_LIKE_FACTOR, 3);
  });

  it('without a usable position, the feed is centred on the chosen anchor, with no distance and no personal datum', () => {
    const canal = place({ name: 'Canal café', category: 'cafe', lat: 48.8718, lon: 2.3655 });
    const centre = place({ name: 'Centre café', category: 'cafe', lat: 48.8566, lon: 2.3522 });
    const graph = graphOf({ places: [canal, centre] });
    const s = source();
    const ctx = buildContext({ ...base, nonProfiled: true, anchor: { lat: 48.8716, lon: 2.3652, name: 'Paris 10e' } }, s);
    const { items } = rank(graph, ctx, { limit: 1 });
    expect(items.map((i) => i.item.title)).toEqual(['Canal café']);
    expect(s.position).not.toHaveBeenCalled();
    expect(items[0]!.distanceMeters).toBeNull();
    expect(items[0]!.contributions.every((c) => c.personalData.length === 0)).toBe(true);
  });
});

describe('rules that obey what the traveller said, and the hour', () => {
  it('never suggests what is above a stated budget', () => {
    const graph = graphOf({ places: [place({ name: 'Cheap', priceLevel: 1 }), place({ name: 'Dear', priceLevel: 3 })] });
    const titles = rank(graph, context({ now: NOW, profile: { budget: 2 } }), { limit: 5 }).items.map((s) => s.item.title);
    expect(titles).toEqual(['Cheap']);
  });

  it('suggests only places known to be accessible to a wheelchair user', () => {
    const graph = graphOf({ places: [place({ name: 'Step-free', tags: ['wheelchair'] }), place({ name: 'Unknown access' })] });
    const ctx = context({ now: NOW, profile: { party: { adults: 1, childrenAges: [], accessibility: ['wheelchair'] } } });
    expect(rank(graph, ctx, { limit: 5 }).items.map((s) => s.item.title)).toEqual(['Step-free']);
  });

  it('does not send anyone to a park at 23:30, even one open all night', () => {
    const late = new Date('2026-11-24T22:30:00Z'); // 23:30 in Paris
    const graph = graphOf({ places: [place({ name: 'Park', category: 'park', openingHours: '24/7' }), place({ name: 'Late bar', category: 'bar', openingHours: 'Mo-Su 17:00-02:00' })] });
    expect(rank(graph, context({ now: late }), { limit: 5 }).items.map((s) => s.item.title)).toEqual(['Late bar']);
  });

  it('never suggests a place of unknown hours at night, nor outside its usual hours', () => {
    const late = new Date('2026-11-24T22:30:00Z');
    const morning = new Date('2026-11-24T06:30:00Z'); // 07:30
    const graph = graphOf({
      places: [place({ name: 'Club, hours unknown', category: 'nightlife', openingHours: null }), place({ name: 'Theatre, hours unknown', category: 'theatre', openingHours: null })],
    });
    expect(rank(graph, context({ now: late }), { limit: 5 }).items).toEqual([]);
    expect(rank(graph, context({ now: morning }), { limit: 5 }).items).toEqual([]);
  });

  it('keeps to a 15-minute walk when there is enough there, and widens only when there is not', () => {
    const near = [1, 2].map((i) => place({ name: `Near ${i}`, lat: HOTEL_DE_VILLE.lat + i * 0.001 }));
    const far = place({ name: 'Far but great', lat: HOTEL_DE_VILLE.lat + 0.012, rating: 5, reviewCount: 3000 }); // ≈ 22 min
    expect(rank(graphOf({ places: [...near, far] }), context({ now: NOW }), { limit: 3 }).items.map((s) => s.item.title)).toEqual(['Near 1', 'Near 2']);
    expect(rank(graphOf({ places: [near[0]!, far] }), context({ now: NOW }), { limit: 3 }).items.map((s) => s.item.title)).toEqual(['Near 1', 'Far but great']);
  });

  it('offers a runner a park to run to, timed at running pace', () => {
    const tuileries = place({ name: 'Tuileries', category: 'park', tags: ['running'], openingHours: 'Mo-Su 07:00-21:00' });
    const lux = place({ name: 'Luxembourg', category: 'park', tags: ['running'], openingHours: 'Mo-Su 07:00-21:00', lat: HOTEL_DE_VILLE.lat - 0.02 }); // 2.2 km
    const cafe = place({ name: 'Café', category: 'cafe', openingHours: 'Mo-Su 07:00-20:00' });
    const early = new Date('2026-11-25T06:15:00Z'); // 07:15
    const history = [{ travellerId: 't1', placeId: tuileries.id, kind: 'visited' as const, at: new Date('2026-11-20T06:30:00Z') }];
    const graph = graphOf({ places: [tuileries, lux, cafe] });
    const items = rank(graph, context({ now: early, history }), { limit: 3 }).items;
    const run = items.find((s) => s.item.title === 'Luxembourg')!;
    expect(run.contributions.find((c) => c.signal === 'proximity')!.evidence).toMatchObject({ key: 'proximity.run' });
    expect(items.map((s) => s.item.title)).not.toContain('Tuileries'); // visited
    // A family that walked in the Tuileries is not taken for runners: the same park is a (long) walk for them.
    const family = rank(graph, context({ now: early, history, profile: { party: { adults: 2, childrenAges: [6], accessibility: [] } } }), { limit: 3 });
    const walked = family.items.find((s) => s.item.title === 'Luxembourg');
    expect(walked?.contributions.find((c) => c.signal === 'proximity')!.evidence.key).toBe('proximity.walk');
  });
});
