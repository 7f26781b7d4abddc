import { describe, expect, it } from 'vitest';
import type { AdvisorNote } from '@escale/shared';
import { withStance } from './draft.ts';
import { contentFrom, noteDraftFrom } from './note-draft.ts';

const note: AdvisorNote = {
  id: 'n1',
  likes: [{ kind: 'tag', id: 'jazz' }],
  dislikes: [],
  party: { adults: 2, childrenAges: [6], accessibility: [] },
  budget: 2,
  said: 'Loves jazz.',
  notedBy: 'Sophie Martin',
  notedAt: '2026-03-03T10:00:00Z',
  updatedAt: '2026-03-03T10:00:00Z',
  correctedAt: null,
};

describe('a note being written or corrected', () => {
  it('gives back the content it was made from', () => {
    const draft = noteDraftFrom(note);
    expect(draft.partySaid).toBe(true);
    expect(contentFrom(draft)).toEqual({ ok: true, content: { likes: note.likes, dislikes: [], party: note.party, budget: 2, said: 'Loves jazz.' } });
  });

  it('says nothing of the party unless the client said who travels', () => {
    const draft = noteDraftFrom(null);
    const liked = { ...draft, profile: withStance(draft.profile, { kind: 'category', id: 'museum' }, 'like') };
    expect(contentFrom(liked)).toEqual({ ok: true, content: { likes: [{ kind: 'category', id: 'museum' }], dislikes: [], party: null, budget: null, said: '' } });
  });

  it('refuses an empty note and a text over the limit, naming what to fix', () => {
    expect(contentFrom(noteDraftFrom(null))).toEqual({ ok: false, fields: ['note'] });
    expect(contentFrom({ ...noteDraftFrom(note), said: 'x'.repeat(501) })).toEqual({ ok: false, fields: ['said'] });
  });
});
