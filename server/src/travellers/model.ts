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

export type InteractionKind = 'liked' | 'visited' | 'been_there' | 'dismissed';

export interface Interaction {
  travellerId: string;
  placeId: string;
  kind: InteractionKind;
  at: Date;
}

/** Interaction kinds that are history data (need the history consent); the others are instructions. */
export const HISTORY_KINDS: ReadonlySet<InteractionKind> = new Set(['liked', 'visited']);
