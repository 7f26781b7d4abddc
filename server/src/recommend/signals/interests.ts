/**
 * interests: what the traveller told us they like, at category and tag level. Dislikes are not a low score
 * but a hard rule (see hard-rules.ts): "no more museums" means none. A like the traveller's advisor noted
 * (advisor-notes/) counts the same, and its evidence says who noted it and when.
 */
import { type Evidence, type MergedInterest, notedByParams, type PersonalDataRef } from '@escale/shared';
import { hasTag } from '../candidate.ts';
import { type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

const CATEGORY_MATCH = 1;
const TAG_MATCH = 0.85;
const NO_MATCH = 0.1;

/** The like as a datum read, the traveller's own or their advisor's (the taste walk's starts say it the same way). */
export function likeRef(like: MergedInterest): PersonalDataRef {
  if (like.notedBy) return { category: 'profile', kind: 'stated_like', evidence: { key: 'data.advisor_like', params: { kind: like.kind, id: like.id, ...notedByParams(like.notedBy) } }, at: null };
  return { category: 'profile', kind: 'stated_like', evidence: { key: 'data.stated_like', params: { kind: like.kind, id: like.id } }, at: null };
}

function likeEvidence(like: MergedInterest): Evidence {
  if (like.notedBy) return { key: 'interests.advisor_noted', params: { kind: like.kind, id: like.id, staff: like.notedBy.staff, date: like.notedBy.day } };
  return { key: 'interests.likes', params: { kind: like.kind, id: like.id } };
}

const NO_PROFILE: SignalResult = Object.freeze({ value: 0, evidence: fixedEvidence('interests.no_profile'), personalData: NO_DATA });
const NEUTRAL: SignalResult = Object.freeze({ value: NO_MATCH, evidence: fixedEvidence('interests.neutral'), personalData: NO_DATA });

export const interests: Signal = {
  id: 'interests',
  compute(c, ctx): SignalResult {
    const likes = ctx.profile?.likes ?? [];
    if (likes.length === 0) return NO_PROFILE;
    const byCategory = likes.find((l) => l.kind === 'category' && l.id === c.place.category);
    if (byCategory) {
      return { value: CATEGORY_MATCH, evidence: likeEvidence(byCategory), personalData: [likeRef(byCategory)] };
    }
    const byTag = likes.find((l) => l.kind === 'tag' && hasTag(c, l.id));
    if (byTag) {
      return { value: TAG_MATCH, evidence: likeEvidence(byTag), personalData: [likeRef(byTag)] };
    }
    return NEUTRAL;
  },
};
