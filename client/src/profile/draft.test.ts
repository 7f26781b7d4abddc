import { describe, expect, it } from 'vitest';
import { draftFrom, editFrom, paceOf, stanceOf, withChild, withoutChild, withStance } from './draft.ts';

const museum = { kind: 'category', id: 'museum' } as const;
const jazz = { kind: 'tag', id: 'jazz' } as const;

describe('profile draft', () => {
  it('holds one stance per interest: liking what was disliked takes the dislike back', () => {
    let d = draftFrom(null);
    d = withStance(d, museum, 'dislike');
    expect(stanceOf(d, museum)).toBe('dislike');
    d = withStance(d, museum, 'like');
    expect(d.likes).toEqual([museum]);
    expect(d.dislikes).toEqual([]);
    d = withStance(withStance(d, jazz, 'like'), museum, null);
    expect(d.likes).toEqual([jazz]);
    expect(stanceOf(d, museum)).toBeNull();
  });

  it('adds and removes children, and sends what the contract accepts', () => {
    let d = withChild(withChild(draftFrom(null), 4), 9);
    d = withoutChild(d, 0);
    expect(d.party.childrenAges).toEqual([9]);
    expect(editFrom(d)).toEqual({ ok: true, edit: { likes: [], dislikes: [], party: { adults: 1, childrenAges: [9], accessibility: [] }, budget: null } });
    expect(editFrom({ ...d, party: { ...d.party, adults: 0 } })).toEqual({ ok: false, fields: ['party.adults'] });
  });

  it('does not share arrays with the profile it starts from', () => {
    const profile = { likes: [museum], dislikes: [], party: { adults: 2, childrenAges: [3], accessibility: [] }, budget: 2 };
    const d = withChild(withStance(draftFrom(profile), jazz, 'like'), 5);
    expect(profile.likes).toEqual([museum]);
    expect(profile.party.childrenAges).toEqual([3]);
    expect(d.party.childrenAges).toEqual([3, 5]);
  });

  it('names the pace of a pause between pushes, or none for a pause set by hand', () => {
    expect(paceOf(20)).toBe('steady');
    expect(paceOf(60)).toBe('calm');
    expect(paceOf(35)).toBeNull();
  });
});
