/** A traveller as the ranker and the session see them. */
import { type AdvisorNote, type Consents, HISTORY_INTERACTION_KINDS, type InterestRef, type Party, type RankingSettings } from '@escale/shared';

export interface Traveller {
  id: string;
  agencyId: string;
  name: string;
  locale: 'en' | 'fr';
  cityId: string;
  personaId: string | null;
  likes: InterestRef[];
  dislikes: InterestRef[];
  party: Party;
  budget: number | null;
  consents: Consents;
  /** How they want their feed ranked; absent (a traveller built outside the store) means the defaults. */
  ranking?: RankingSettings;
  /** When they answered or skipped the onboarding (null: not yet); absent for a traveller built outside the store. */
  onboardedAt?: string | null;
  /** Their "fewer like this", obeyed whatever the consents; absent means none. */
  fewerLike?: readonly InterestRef[];
  /** What they told their advisors (kept only with the profile consent; advisor-notes/); absent means none. */
  advisorNotes?: readonly AdvisorNote[];
}

export type InteractionKind = 'liked' | 'visited' | 'been_there' | 'dismissed' | 'saved';

export interface Interaction {
  travellerId: string;
  placeId: string;
  kind: InteractionKind;
  at: Date;
}

/**
 * Interactions as columns, their times in epoch milliseconds: a page of the store as the graph takes it in at
 * start (travellers/queries.ts interactionPages). Ten million rows made into Interaction objects, each with
 * its Date, cost a third of a first start's reading.
 */
export interface InteractionPage {
  travellerId: string[];
  placeId: string[];
  kind: InteractionKind[];
  atMs: Float64Array;
}

/** Interaction kinds that are history data (need the history consent): likes, visits, places saved for later. */
export const HISTORY_KINDS: ReadonlySet<InteractionKind> = new Set(HISTORY_INTERACTION_KINDS);
/** Instructions the ranker always obeys, whatever the consents: never suggest the place again. */
export const EXCLUDING_KINDS: ReadonlySet<InteractionKind> = new Set(['dismissed', 'been_there']);
