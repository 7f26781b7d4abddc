import { describe, expect, it } from 'vitest';
import type { AdvisorNote } from '@escale/shared';
import { ALL_CONSENTS, graphOf, HOTEL_DE_VILLE, place } from '../test-support/fixtures.ts';
import { Recommender } from '../recommend/recommender.ts';
import type { Traveller } from '../travellers/model.ts';
import { rankingProfileOf } from './ranking-profile.ts';

const NOW = new Date('2026-11-24T17:00:00Z'); // Tuesday 18:00 in Paris
const POSITION = { ...HOTEL_DE_VILLE, at: NOW };

function note(content: Partial<AdvisorNote>): AdvisorNote {
  // Noted at 23:30 UTC on 2 March: already 3 March in Paris, which is the day the traveller reads.
  const at = '2026-03-02T23:30:00Z';
  return { id: 'n1', likes: [], dislikes: [], party: null, budget: null, said: '', notedBy: 'Sophie Martin', notedAt: at, updatedAt: at, correctedAt: null, ...content };
}
function traveller(overrides: Partial<Traveller> = {}): Traveller {
  return {
    id: 't1',
    agencyId: 'demo',
    name: 'Marie',
    locale: 'en',
    cityId: 'paris',
    personaId: null,
    likes: [],
    dislikes: [],
    party: { adults: 1, childrenAges: [], accessibility: [] },
    budget: null,
    consents: ALL_CONSENTS,
    ...overrides,
  };
}

describe('the profile a ranking reads', () => {
  it('is the traveller’s own answers when nobody noted anything', () => {
    const t = traveller({ likes: [{ kind: 'tag', id: 'jazz' }], budget: 2 });
    expect(rankingProfileOf(t, 'Europe/Paris')).toEqual({ likes: t.likes, dislikes: [], party: t.party, budget: 2 });
  });

  it('is merged once per traveller as loaded, with the days of the traveller’s city', () => {
    const t = traveller({ advisorNotes: [note({ likes: [{ kind: 'tag', id: 'jazz' }] })] });
    const profile = rankingProfileOf(t, 'Europe/Paris');
    expect(rankingProfileOf(t, 'Europe/Paris')).toBe(profile); // not worked out again for the next ranking
    expect(profile.likes).toEqual([{ kind: 'tag', id: 'jazz', notedBy: { noteId: 'n1', staff: 'Sophie Martin', day: '2026-03-03', correctedDay: null } }]);
  });
});

describe('a ranking with what the client told their advisor', () => {
  const jazzClub = place({ name: 'Jazz club', category: 'music_venue', tags: ['jazz'], lat: 48.858, lon: 2.3525 });
  const museum = place({ name: 'Museum', category: 'museum', lat: 48.8572, lon: 2.3522 });
  const bistro = place({ name: 'Bistro', category: 'restaurant', lat: 48.8574, lon: 2.3524 });
  const recommender = new Recommender(graphOf({ places: [jazzClub, museum, bistro] }), () => 'Demo');

  it('raises what was noted, and the evidence names the advisor and the day', () => {
    const t = traveller({ advisorNotes: [note({ likes: [{ kind: 'tag', id: 'jazz' }] })] });
    const { items } = recommender.suggest({ traveller: t, now: NOW, position: POSITION, limit: 3 });
    const top = items[0]!;
    expect(top.item.title).toBe('Jazz club');
    const interests = top.contributions.find((c) => c.signal === 'interests')!;
    expect(interests.evidence).toEqual({ key: 'interests.advisor_noted', params: { kind: 'tag', id: 'jazz', staff: 'Sophie Martin', date: '2026-03-03' } });
    expect(interests.personalData[0]!.evidence).toEqual({ key: 'data.advisor_like', params: { kind: 'tag', id: 'jazz', staff: 'Sophie Martin', date: '2026-03-03' } });
  });

  it('obeys a noted dislike like the traveller’s own, but never over the traveller’s own like', () => {
    const noted = note({ dislikes: [{ kind: 'category', id: 'museum' }] });
    const titles = (t: Traveller) => recommender.suggest({ traveller: t, now: NOW, position: POSITION, limit: 3 }).items.map((s) => s.item.title);
    expect(titles(traveller({ advisorNotes: [noted] }))).not.toContain('Museum');
    expect(titles(traveller({ likes: [{ kind: 'category', id: 'museum' }], advisorNotes: [noted] }))).toContain('Museum');
  });

  it('reads nothing of the notes without the profile consent', () => {
    const t = traveller({ consents: { ...ALL_CONSENTS, profile: false }, advisorNotes: [note({ likes: [{ kind: 'tag', id: 'jazz' }] })] });
    const { items } = recommender.suggest({ traveller: t, now: NOW, position: POSITION, limit: 3 });
    expect(items.flatMap((s) => s.contributions.map((c) => c.signal))).not.toContain('interests');
  });

  it('says whose budget and party were read', () => {
    const t = traveller({ advisorNotes: [note({ budget: 3, party: { adults: 2, childrenAges: [8], accessibility: [] } })] });
    const data = recommender.suggest({ traveller: t, now: NOW, position: POSITION, limit: 3 }).items.flatMap((s) => s.contributions.flatMap((c) => c.personalData.map((d) => d.evidence.key)));
    expect(data).toContain('data.advisor_budget');
    expect(data).toContain('data.advisor_party');
  });
});
