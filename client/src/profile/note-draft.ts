/**
 * An advisor's note while it is written (console) or corrected (My data): the same interests, party and
 * budget fields as the traveller's profile (one stance per interest), whether the note says who travels at
 * all, and what was said. `contentFrom` gives the shared contract's body, checked by it.
 */
import { type AdvisorNote, AdvisorNoteContent, EMPTY_PROFILE } from '@escale/shared';
import { draftFrom, type ProfileDraft } from './draft.ts';

export interface NoteDraft {
  profile: ProfileDraft;
  /** Whether the client said who travels (and their needs); off, the note says nothing of it. */
  partySaid: boolean;
  said: string;
}

export function noteDraftFrom(note: AdvisorNote | null): NoteDraft {
  if (!note) return { profile: draftFrom(null), partySaid: false, said: '' };
  return {
    profile: draftFrom({ likes: note.likes, dislikes: note.dislikes, party: note.party ?? EMPTY_PROFILE.party, budget: note.budget }),
    partySaid: note.party !== null,
    said: note.said,
  };
}

/** The body to send, or which fields the contract refuses (`note` when the note says nothing at all). */
export function contentFrom(draft: NoteDraft): { ok: true; content: AdvisorNoteContent } | { ok: false; fields: string[] } {
  const { likes, dislikes, party, budget } = draft.profile;
  const parsed = AdvisorNoteContent.safeParse({ likes, dislikes, party: draft.partySaid ? party : null, budget, said: draft.said });
  if (parsed.success) return { ok: true, content: parsed.data };
  return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => (i.path.length === 0 ? 'note' : String(i.path[0]))))] };
}
