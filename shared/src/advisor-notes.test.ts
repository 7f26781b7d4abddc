import { describe, expect, it } from 'vitest';
import { ADVISOR_NOTE_LIMITS, type AdvisorNote, AdvisorNoteContent, mergeAdvisorNotes } from './advisor-notes.ts';
import { renderEvidence } from './evidence.ts';
import { EMPTY_PROFILE, type TravellerProfile } from './privacy.ts';

const jazz = { kind: 'tag', id: 'jazz' } as const;
const museum = { kind: 'category', id: 'museum' } as const;
const bar = { kind: 'category', id: 'bar' } as const;

let n = 0;
function note(content: Partial<AdvisorNote>, updatedAt = '2026-03-03T10:00:00Z'): AdvisorNote {
  return { id: `note-${++n}`, likes: [], dislikes: [], party: null, budget: null, said: '', notedBy: 'Sophie Martin', notedAt: updatedAt, updatedAt, correctedAt: null, ...content };
}
const own = (p: Partial<TravellerProfile> = {}): TravellerProfile => ({ ...EMPTY_PROFILE, ...p });

describe('a note’s content', () => {
  it('holds known interests, each once, never both liked and disliked, and says something', () => {
    const ok = { likes: [jazz], dislikes: [museum], party: null, budget: 2, said: 'Loves jazz clubs.' };
    expect(AdvisorNoteContent.parse(ok)).toEqual(ok);
    expect(AdvisorNoteContent.safeParse({ ...ok, dislikes: [jazz] }).success).toBe(false);
    expect(AdvisorNoteContent.safeParse({ ...ok, likes: [jazz, jazz] }).success).toBe(false);
    expect(AdvisorNoteContent.safeParse({ ...ok, likes: [{ kind: 'category', id: 'casino' }] }).success).toBe(false);
    expect(AdvisorNoteContent.safeParse({ likes: [], dislikes: [], party: null, budget: null, said: '   ' }).success).toBe(false);
    // Only what was said, trimmed: a sentence, not a file.
    expect(AdvisorNoteContent.parse({ ...ok, said: '  Hates queues.  ' }).said).toBe('Hates queues.');
    expect(AdvisorNoteContent.safeParse({ ...ok, said: 'x'.repeat(ADVISOR_NOTE_LIMITS.saidMaxChars + 1) }).success).toBe(false);
    expect(AdvisorNoteContent.safeParse({ ...ok, whereabouts: 'Lyon' }).success).toBe(false);
  });
});

describe('the precedence of the traveller’s own answers over their advisor’s notes', () => {
  it('adds what was noted where the traveller said nothing, each datum saying who noted it and when', () => {
    const merged = mergeAdvisorNotes(own(), [note({ likes: [jazz], dislikes: [museum], budget: 2 })]);
    expect(merged.likes).toEqual([{ ...jazz, notedBy: { noteId: expect.any(String), staff: 'Sophie Martin', day: '2026-03-03', correctedDay: null } }]);
    expect(merged.dislikes).toMatchObject([{ ...museum, notedBy: { staff: 'Sophie Martin' } }]);
    expect(merged.budget).toBe(2);
    expect(merged.noted.budget).toMatchObject({ staff: 'Sophie Martin', day: '2026-03-03' });
  });

  it('sets a note aside on any interest the traveller stated themselves: their dislike beats a noted like, their like a noted dislike', () => {
    const merged = mergeAdvisorNotes(own({ likes: [museum], dislikes: [jazz] }), [note({ likes: [jazz, bar], dislikes: [museum] })]);
    expect(merged.likes).toEqual([museum, { ...bar, notedBy: expect.any(Object) }]);
    expect(merged.dislikes).toEqual([jazz]);
  });

  it('keeps the traveller’s own budget, and their own party unless it is the default one adult', () => {
    const notes = [note({ budget: 4, party: { adults: 2, childrenAges: [6], accessibility: [] } })];
    const theirs = mergeAdvisorNotes(own({ budget: 1, party: { adults: 3, childrenAges: [], accessibility: [] } }), notes);
    expect(theirs).toMatchObject({ budget: 1, party: { adults: 3, childrenAges: [] }, noted: { budget: null, party: null } });
    const noted = mergeAdvisorNotes(own(), notes);
    expect(noted).toMatchObject({ budget: 4, party: { adults: 2, childrenAges: [6] }, noted: { budget: { staff: 'Sophie Martin' }, party: { staff: 'Sophie Martin' } } });
  });

  it('lets the latest note count where two notes differ', () => {
    const merged = mergeAdvisorNotes(own(), [note({ dislikes: [jazz], budget: 3 }, '2026-03-05T10:00:00Z'), note({ likes: [jazz], budget: 1, notedBy: 'Claire Dubois' }, '2026-03-01T10:00:00Z')]);
    expect(merged.likes).toEqual([]);
    expect(merged.dislikes).toMatchObject([{ ...jazz, notedBy: { staff: 'Sophie Martin', day: '2026-03-05' } }]);
    expect(merged.budget).toBe(3);
  });

  it('adds up accessibility needs: a need told to an advisor is honoured, the traveller’s own stays theirs', () => {
    const notes = [note({ party: { adults: 1, childrenAges: [], accessibility: ['wheelchair'] } }), note({ party: { adults: 2, childrenAges: [], accessibility: [] } }, '2026-03-04T10:00:00Z')];
    const merged = mergeAdvisorNotes(own({ party: { adults: 1, childrenAges: [], accessibility: ['quiet'] } }), notes);
    expect(merged.party).toEqual({ adults: 2, childrenAges: [], accessibility: ['quiet', 'wheelchair'] });
    expect(Object.keys(merged.noted.accessibility)).toEqual(['wheelchair']);
  });

  it('says the day in the calendar it is given (the traveller’s city), and the traveller’s correction', () => {
    const merged = mergeAdvisorNotes(own(), [note({ likes: [jazz], notedAt: '2026-03-02T23:30:00Z', correctedAt: '2026-03-06T08:00:00Z', updatedAt: '2026-03-06T08:00:00Z' })], (iso) =>
      iso.startsWith('2026-03-02T23') ? '2026-03-03' : iso.slice(0, 10),
    );
    expect(merged.likes[0]!.notedBy).toMatchObject({ day: '2026-03-03', correctedDay: '2026-03-06' });
  });
});

describe('the evidence of a note', () => {
  it('names the advisor and the day, in the reader’s language and typography', () => {
    const e = { key: 'interests.advisor_noted', params: { kind: 'tag', id: 'jazz', staff: 'Sophie', date: '2026-03-03' } };
    expect(renderEvidence(e, 'en')).toBe('your advisor Sophie noted that you like jazz, on 3 March');
    expect(renderEvidence(e, 'fr')).toBe('Sophie, de votre agence, a noté que vous aimez le jazz, le 3 mars');
    const dislike = { key: 'data.advisor_dislike', params: { kind: 'category', id: 'museum', staff: 'Sophie', date: '2026-03-01', corrected: '2026-03-05' } };
    expect(renderEvidence(dislike, 'en')).toBe('your advisor Sophie noted that you dislike museums, on 1 March (you corrected it on 5 March)');
    expect(renderEvidence(dislike, 'fr')).toBe('Sophie, de votre agence, a noté que vous n’aimez pas les musées, le 1er mars (corrigé par vous le 5 mars)');
    expect(renderEvidence({ key: 'data.advisor_party', params: { adults: 2, children: 1, staff: 'Sophie', date: '2026-03-03' } }, 'fr')).toBe(
      'votre groupe, noté par Sophie de votre agence le 3 mars : 2 adultes, 1 enfant',
    );
    expect(renderEvidence({ key: 'data.advisor_budget', params: { budget: 2, staff: 'Sophie', date: '2026-03-03' } }, 'en')).toBe('your budget, as your advisor Sophie noted it on 3 March: €€');
    expect(renderEvidence({ key: 'data.advisor_accessibility', params: { need: 'wheelchair', staff: 'Sophie', date: '2026-03-03' } }, 'en')).toBe(
      'your accessibility need, as your advisor Sophie noted it on 3 March: wheelchair access',
    );
  });
});
