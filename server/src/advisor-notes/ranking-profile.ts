/**
 * The profile a ranking reads: the traveller's own answers, with what their advisors noted laid under them
 * by the one precedence rule (shared `mergeAdvisorNotes`), each noted datum carrying who noted it and the
 * day in the traveller's city, for the evidence. Worked out once per traveller as loaded (the push cache
 * keeps that object until the traveller changes), never per candidate.
 */
import { mergeAdvisorNotes } from '@escale/shared';
import type { Profile } from '../recommend/context.ts';
import { localDate } from '../recommend/local-clock.ts';
import type { Traveller } from '../travellers/model.ts';

const merged = new WeakMap<Traveller, Profile>();

export function rankingProfileOf(traveller: Traveller, timeZone: string): Profile {
  const known = merged.get(traveller);
  if (known) return known;
  const own = { likes: traveller.likes, dislikes: traveller.dislikes, party: traveller.party, budget: traveller.budget };
  const notes = traveller.advisorNotes ?? [];
  const profile = notes.length === 0 ? own : mergeAdvisorNotes(own, notes, (iso) => localDate(new Date(iso), timeZone));
  merged.set(traveller, profile);
  return profile;
}
