/**
 * What a client told their advisor (issue 22): likes and dislikes, party, budget, accessibility needs, and
 * in a sentence what they said. An agency's staff note it only while the traveller's profile consent is on;
 * it feeds the same signals as the traveller's own answers, and the traveller sees each note, who noted it
 * and when, and may correct or erase it. Where a note and the traveller's own answers differ, the
 * traveller's own word counts (`mergeAdvisorNotes`, the one rule, used by the ranker and by My data).
 */
import { z } from 'zod';
import { type InterestRef, Party } from './catalogue.ts';
import type { TravellerProfile } from './privacy.ts';
import { checkStances, interestKey, KnownInterest } from './stated-interests.ts';

/** Explicit bounds (docs/SECURITY.md, Limits): a note is a conversation's gist, not a file. */
export const ADVISOR_NOTE_LIMITS = {
  /** Notes kept per traveller; past it, an old note must be erased or edited first. */
  perTraveller: 50,
  /** Likes, and dislikes, per note. */
  interestsPerNote: 32,
  /** "What they said", in characters. */
  saidMaxChars: 500,
  /** Clients listed per answer of the console's list (a name filter narrows it). */
  clientsPerPage: 100,
} as const;

export type AccessibilityNeed = Party['accessibility'][number];

const noteFields = z.object({
  likes: z.array(KnownInterest).max(ADVISOR_NOTE_LIMITS.interestsPerNote),
  dislikes: z.array(KnownInterest).max(ADVISOR_NOTE_LIMITS.interestsPerNote),
  /** Who travels and their needs, when the client said; null: not said. */
  party: Party.nullable(),
  /** 1 (€) to 4 (€€€€), or not said. */
  budget: z.number().int().min(1).max(4).nullable(),
  /** What they said, in the advisor's words ("Loves jazz, not big museums; travels with her mother"); may be empty. */
  said: z.string().trim().max(ADVISOR_NOTE_LIMITS.saidMaxChars),
});

/** Whether a note holds anything at all: an empty one would say nothing to the traveller or the ranker. */
const saysSomething = (n: z.infer<typeof noteFields>) => n.likes.length + n.dislikes.length > 0 || n.party !== null || n.budget !== null || n.said.length > 0;

/**
 * A note's content as an advisor writes it (`POST`/`PUT /api/agency/clients/{travellerId}/notes…`) and as
 * the traveller corrects it (`PUT /api/my-data/advisor-notes/{id}`): known interests, each once, never both
 * liked and disliked, and at least one thing noted.
 */
export const AdvisorNoteContent = noteFields.strict().superRefine((n, issues) => {
  checkStances(n, issues);
  if (!saysSomething(n)) issues.addIssue({ code: 'custom', path: [], message: 'a note says at least one thing the client told you' });
});
export type AdvisorNoteContent = z.infer<typeof AdvisorNoteContent>;

/** A note as held, shown to the agency's staff and to the traveller (My data, the export). */
export const AdvisorNote = noteFields
  .extend({
    id: z.string(),
    /** The staff member who noted it, by name, as they were called then. */
    notedBy: z.string(),
    notedAt: z.iso.datetime({ offset: true }),
    /** The last change, by the advisor or the traveller; the latest note counts where two notes differ. */
    updatedAt: z.iso.datetime({ offset: true }),
    /** When the traveller corrected it (it is their word since, and the agency can no longer edit it), or null. */
    correctedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();
export type AdvisorNote = z.infer<typeof AdvisorNote>;

/** Who noted a datum the ranker reads, for the evidence ("your advisor Sophie noted … on 3 March"). */
export interface NotedBy {
  noteId: string;
  staff: string;
  /** The day it was noted, "YYYY-MM-DD" (in the traveller's city when the caller says so). */
  day: string;
  /** The day the traveller corrected it, or null. */
  correctedDay: string | null;
}

/** An interest the ranker reads: the traveller's own (no `notedBy`) or noted by their advisor. */
export type MergedInterest = InterestRef & { readonly notedBy?: NotedBy };

/** The traveller's own answers with their advisor's notes laid under them. */
export interface MergedProfile {
  likes: MergedInterest[];
  dislikes: MergedInterest[];
  party: Party;
  budget: number | null;
  /** Which of party, budget and accessibility needs came from a note (absent: the traveller's own, or nobody's). */
  noted: { party: NotedBy | null; budget: NotedBy | null; accessibility: Partial<Record<AccessibilityNeed, NotedBy>> };
}

/** The party of someone who said nothing about it: one adult, no children. Indistinguishable from "not said". */
const isDefaultParty = (p: Party) => p.adults === 1 && p.childrenAges.length === 0;

/** The evidence parameters that name the advisor and the day (and the traveller's correction, when made). */
export function notedByParams(n: NotedBy): Record<string, string> {
  return n.correctedDay ? { staff: n.staff, date: n.day, corrected: n.correctedDay } : { staff: n.staff, date: n.day };
}

/**
 * The one precedence rule (docs/DECISIONS.md, "What the client told their advisor"):
 * - notes are read oldest change first, so where two notes differ the latest counts;
 * - an interest the traveller stated themselves (liked or disliked) is theirs: a note on it is set aside;
 * - the traveller's own budget counts when they gave one, else the latest noted budget;
 * - the traveller's own party counts unless it is the default (one adult, no children, which is also what
 *   "not said" looks like), else the latest noted party;
 * - accessibility needs add up: a need told to an advisor is honoured (silence never contradicts it), and
 *   the traveller erases or corrects the note to take it back.
 * `dayOf` turns a stored instant into the day the evidence says (the server passes the city's calendar).
 */
export function mergeAdvisorNotes(own: TravellerProfile, notes: readonly AdvisorNote[], dayOf: (iso: string) => string = (iso) => iso.slice(0, 10)): MergedProfile {
  const ordered = [...notes].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
  const stated = new Set([...own.likes, ...own.dislikes].map(interestKey));
  const stances = new Map<string, { interest: InterestRef; stance: 'like' | 'dislike'; by: NotedBy }>();
  let party: { value: Party; by: NotedBy } | null = null;
  let budget: { value: number; by: NotedBy } | null = null;
  const accessibility: Partial<Record<AccessibilityNeed, NotedBy>> = {};

  for (const note of ordered) {
    const by: NotedBy = { noteId: note.id, staff: note.notedBy, day: dayOf(note.notedAt), correctedDay: note.correctedAt ? dayOf(note.correctedAt) : null };
    for (const interest of note.likes) stances.set(interestKey(interest), { interest, stance: 'like', by });
    for (const interest of note.dislikes) stances.set(interestKey(interest), { interest, stance: 'dislike', by });
    if (note.budget !== null) budget = { value: note.budget, by };
    if (note.party !== null) {
      party = { value: note.party, by };
      for (const need of note.party.accessibility) accessibility[need] ??= by;
    }
  }

  const likes: MergedInterest[] = [...own.likes];
  const dislikes: MergedInterest[] = [...own.dislikes];
  for (const [key, { interest, stance, by }] of stances) {
    if (stated.has(key)) continue;
    (stance === 'like' ? likes : dislikes).push({ kind: interest.kind, id: interest.id, notedBy: by });
  }

  const ownNeeds = new Set(own.party.accessibility);
  for (const need of ownNeeds) delete accessibility[need]; // theirs, whoever else said it too
  const useNotedParty = party !== null && isDefaultParty(own.party);
  const base = useNotedParty ? party!.value : own.party;
  const needs = [...new Set([...own.party.accessibility, ...(Object.keys(accessibility) as AccessibilityNeed[])])];
  return {
    likes,
    dislikes,
    party: { adults: base.adults, childrenAges: [...base.childrenAges], accessibility: needs },
    budget: own.budget ?? budget?.value ?? null,
    noted: {
      party: useNotedParty && (party!.value.adults !== 1 || party!.value.childrenAges.length > 0) ? party!.by : null,
      budget: own.budget === null && budget ? budget.by : null,
      accessibility,
    },
  };
}
