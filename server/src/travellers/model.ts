/** A traveller as the ranker and the session see them. */
import type { Consents, InterestRef, Party } from '@escale/shared';

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
}

export type InteractionKind = 'liked' | 'visited' | 'been_there' | 'dismissed' | 'saved';

export interface Interaction {
  travellerId: string;
  placeId: string;
  kind: InteractionKind;
  at: Date;
}

/** Interaction kinds that are history data (need the history consent): likes, visits, places saved for later. */
export const HISTORY_KINDS: ReadonlySet<InteractionKind> = new Set(['liked', 'visited', 'saved']);
/** Instructions the ranker always obeys, whatever the consents: never suggest the place again. */
export const EXCLUDING_KINDS: ReadonlySet<InteractionKind> = new Set(['dismissed', 'been_there']);
