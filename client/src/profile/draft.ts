/**
 * The profile as the onboarding and the editor hold it while the traveller answers: each interest is either
 * liked, disliked or neither (so liking what was disliked takes the dislike back, never both), and the
 * party's children are ages being typed. `editFrom` gives the shared contract's body, checked by it.
 */
import { EMPTY_PROFILE, type InterestRef, ProfileEdit, type TravellerProfile } from '@escale/shared';

export type Stance = 'like' | 'dislike';
export type ProfileDraft = TravellerProfile;

const same = (a: InterestRef) => (b: InterestRef) => a.kind === b.kind && a.id === b.id;

export function draftFrom(profile: TravellerProfile | null): ProfileDraft {
  const p = profile ?? EMPTY_PROFILE;
  return { likes: [...p.likes], dislikes: [...p.dislikes], party: { ...p.party, childrenAges: [...p.party.childrenAges], accessibility: [...p.party.accessibility] }, budget: p.budget };
}

export function stanceOf(draft: ProfileDraft, interest: InterestRef): Stance | null {
  if (draft.likes.some(same(interest))) return 'like';
  if (draft.dislikes.some(same(interest))) return 'dislike';
  return null;
}

/** Sets (or, with null, clears) the traveller's stance on an interest; the other list lets go of it. */
export function withStance(draft: ProfileDraft, interest: InterestRef, stance: Stance | null): ProfileDraft {
  const likes = draft.likes.filter((i) => !same(interest)(i));
  const dislikes = draft.dislikes.filter((i) => !same(interest)(i));
  if (stance === 'like') likes.push(interest);
  if (stance === 'dislike') dislikes.push(interest);
  return { ...draft, likes, dislikes };
}

export const MAX_CHILDREN = 10;

export function withChild(draft: ProfileDraft, age: number): ProfileDraft {
  if (draft.party.childrenAges.length >= MAX_CHILDREN) return draft;
  return { ...draft, party: { ...draft.party, childrenAges: [...draft.party.childrenAges, age] } };
}

export function withoutChild(draft: ProfileDraft, index: number): ProfileDraft {
  return { ...draft, party: { ...draft.party, childrenAges: draft.party.childrenAges.filter((_, i) => i !== index) } };
}

/** The body to send, or the contract's complaint (a number of adults out of range, say). */
export function editFrom(draft: ProfileDraft): { ok: true; edit: ProfileEdit } | { ok: false; fields: string[] } {
  const parsed = ProfileEdit.safeParse(draft);
  if (parsed.success) return { ok: true, edit: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => i.path.map(String).slice(0, 2).join('.')))] };
}

/**
 * How often unasked ideas may come, in words instead of minutes: each pace is a value of the push settings'
 * pause between two pushes (the notification settings show and edit the same number).
 */
export const PACES = { calm: 60, steady: 20, lively: 10 } as const;
export type Pace = keyof typeof PACES;
export function paceOf(minutes: number): Pace | null {
  return (Object.keys(PACES) as Pace[]).find((p) => PACES[p] === minutes) ?? null;
}
