import { describe, expect, it } from 'vitest';
import type { AdvisorNote } from '@escale/shared';
import { ALL_CONSENTS, context, event, graphOf, HOTEL_DE_VILLE, offer, place } from '../test-support/fixtures.ts';
import type { Traveller } from '../travellers/model.ts';
import { generateCandidates } from './candidates.ts';
import { exclusionReason } from './hard-rules.ts';
import { rank } from './rank.ts';
import { Recommender } from './recommender.ts';

// Friday 21:30 in Paris: the hour a family was sent to a jazz club.
const NOW = new Date('2026-11-27T20:30:00Z');
const LATER = new Date('2026-11-27T21:15:00Z'); // 22:15
const late = 'Mo-Su 17:00-02:00';
const near = (i: number) => ({ lat: HOTEL_DE_VILLE.lat + 0.0004 * i, lon: HOTEL_DE_VILLE.lon });

const bar = place({ name: 'Bar', category: 'bar', openingHours: late, ...near(1) });
const club = place({ name: 'Club', category: 'nightlife', tags: ['club'], openingHours: 'Mo-Su 21:00-05:00', ...near(2) });
const jazzClub = place({ name: 'Jazz club', category: 'music_venue', tags: ['jazz', 'live-music'], openingHours: late, ...near(3) });
const jazzPub = place({ name: 'Jazz pub', category: 'music_venue', tags: ['jazz', 'live-music', 'pub'], openingHours: late, ...near(4) });
const cocktails = place({ name: 'Cocktail lounge', category: 'restaurant', tags: ['cocktails'], openingHours: late, ...near(5) });
const concertHall = place({ name: 'Concert hall', category: 'music_venue', tags: ['concerts', 'live-music', 'jazz'], openingHours: late, ...near(6) });
const theatre = place({ name: 'Theatre', category: 'theatre', openingHours: late, ...near(7) });
const brasserie = place({ name: 'Brasserie', category: 'restaurant', tags: ['wine', 'kid-friendly'], openingHours: 'Mo-Su 11:00-23:30', ...near(8) });
const lateSet = event(jazzClub, { title: 'Late set', tags: ['jazz'], startsAt: LATER });
const familyConcert = event(concertHall, { title: 'Family jazz concert', tags: ['jazz', 'kid-friendly'], startsAt: LATER });
const cabaret = event(theatre, { title: 'Adult cabaret', tags: ['adult'], startsAt: LATER });
const jazzDinner = offer(jazzClub, { title: 'Jazz dinner' });
const graph = graphOf({ places: [bar, club, jazzClub, jazzPub, cocktails, concertHall, theatre, brasserie], events: [lateSet, familyConcert, cabaret], offers: [jazzDinner] });

const family = { party: { adults: 2, childrenAges: [4, 7], accessibility: [] }, budget: null };
const ADULT_ONLY = ['Bar', 'Club', 'Jazz club', 'Jazz pub', 'Cocktail lounge', 'Late set', 'Adult cabaret', 'Jazz dinner'];
const titles = (items: { item: { title: string } }[]) => items.map((s) => s.item.title);

describe('with children in the party, nothing that is not for children', () => {
  it('excludes bars, clubs, jazz clubs, venues tagged as bars or adult, and what is held there, each with its reason', () => {
    const ctx = context({ now: NOW, profile: family });
    const reasons = Object.fromEntries(
      generateCandidates(graph, ctx, { radiusMeters: 2_000 }).map((c) => [c.kind === 'place' ? c.place.name : c.kind === 'event' ? c.event.title : c.offer.title, exclusionReason(c, ctx)]),
    );
    for (const title of ADULT_ONLY) expect(reasons[title], title).toBe('not_for_children');
    // A concert hall hosting a family concert, a theatre, a restaurant that serves wine: all fine.
    for (const title of ['Concert hall', 'Family jazz concert', 'Theatre', 'Brasserie']) expect(reasons[title], title).toBeNull();
  });

  it('keeps every one of them out of the whole feed, not only its top', () => {
    const { items } = rank(graph, context({ now: NOW, profile: family }), { limit: 10 });
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(titles(items).filter((t) => ADULT_ONLY.includes(t))).toEqual([]);
  });

  it('leaves them to adults on their own', () => {
    const { items } = rank(graph, context({ now: NOW, profile: { budget: null } }), { limit: 10, diversify: false });
    expect(titles(items)).toEqual(expect.arrayContaining(['Bar', 'Club']));
    expect(titles(items).some((t) => t === 'Jazz club' || t === 'Late set' || t === 'Jazz dinner')).toBe(true);
  });

  it('obeys the children an advisor noted, as the traveller’s own', () => {
    const at = '2026-11-20T10:00:00Z';
    const note: AdvisorNote = {
      id: 'n1',
      likes: [],
      dislikes: [],
      party: family.party,
      budget: null,
      said: 'Travels with her two young children',
      notedBy: 'Sophie Martin',
      notedAt: at,
      updatedAt: at,
      correctedAt: null,
    };
    const traveller: Traveller = {
      id: 't1',
      agencyId: 'demo',
      name: 'Marie',
      locale: 'en',
      cityId: 'paris',
      personaId: null,
      likes: [{ kind: 'tag', id: 'jazz' }],
      dislikes: [],
      party: { adults: 1, childrenAges: [], accessibility: [] },
      budget: null,
      consents: ALL_CONSENTS,
      advisorNotes: [note],
    };
    const recommender = new Recommender(graph, () => 'Demo');
    const { items } = recommender.suggest({ traveller, now: NOW, position: { ...HOTEL_DE_VILLE, at: NOW }, limit: 10 });
    expect(items.length).toBeGreaterThan(0);
    expect(titles(items).filter((t) => ADULT_ONLY.includes(t))).toEqual([]);
    // Without the note, her like of jazz would have sent her to the jazz club.
    const alone = recommender.suggest({ traveller: { ...traveller, advisorNotes: [] }, now: NOW, position: { ...HOTEL_DE_VILLE, at: NOW }, limit: 10 });
    expect(titles(alone.items).some((t) => t === 'Jazz club' || t === 'Late set' || t === 'Jazz dinner')).toBe(true);
  });
});
