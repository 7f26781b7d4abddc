/**
 * What one ranking may know about a traveller. The context is assembled category by category, and a
 * category whose consent is off is never fetched: privacy holds by construction, not by each signal
 * remembering to look away.
 */
import type { Booking, Consents, MergedInterest, MergedProfile, Party, SignalId } from '@escale/shared';
import type { City } from '../catalogue/model.ts';
import type { Interaction } from '../travellers/model.ts';
import type { Visit } from '../graph/visit-log.ts';
import { NO_PROMOTIONS, type PromotionsByTarget } from './promotions.ts';

export interface Position {
  lat: number;
  lon: number;
  at: Date;
}

export interface Profile {
  /** The traveller's own, then what their advisor noted (`notedBy`) on what they did not state (advisor-notes/). */
  likes: MergedInterest[];
  dislikes: MergedInterest[];
  party: Party;
  budget: number | null;
  /** Which of the party, budget and needs an advisor's note supplied; absent: none did. */
  noted?: MergedProfile['noted'];
}

/** A booking as the trip signal reads it: where it happens (when known) and the name the evidence gives it. */
export interface TripAnchor {
  booking: Booking;
  at: { lat: number; lon: number } | null;
  name: string;
}

/** The wallet around now (wallet consent): the hotel whose stay covers now, and the next booked thing. */
export interface Trip {
  stay: TripAnchor | null;
  next: TripAnchor | null;
}

export interface RankingContext {
  travellerId: string;
  /** The traveller this one is a private copy of (a demo visitor's persona), or null. */
  twinId: string | null;
  city: City;
  now: Date;
  consents: Consents;
  /** Only the non-personal signals run (DSA Art. 38); nothing personal is fetched. */
  nonProfiled: boolean;
  position: Position | null;
  profile: Profile | null;
  /** Likes and visits (history consent). */
  history: Interaction[] | null;
  /** Places visited, from `history` (empty without the history consent). */
  visited: Set<string>;
  /**
   * Every visit in time order (history consent): how often and in which order places were visited, which
   * the one-row-per-fact `history` does not say (graph/visit-log.ts). Null without the history consent.
   */
  visits: Visit[] | null;
  /** The wallet around now (wallet consent); null without it or with nothing booked around now. */
  trip: Trip | null;
  /** Dismissals and "been there": instructions the traveller gave, always obeyed. */
  exclusions: Set<string>;
  /** Personal signals the traveller switched off (My data, the Why panel's "what if"): not computed. */
  signalsOff: ReadonlySet<SignalId>;
  /**
   * Where candidates are looked for when no position may be used: the city centre or the neighbourhood the
   * traveller chose. A choice on screen, not where they are: no distance is computed from it.
   */
  anchor: { lat: number; lon: number; name: string } | null;
  /** "Fewer like this" (categories and tags): always obeyed, like exclusions, whatever the consents. */
  fewer: { categories: ReadonlySet<string>; tags: readonly string[] };
  agencyName: string;
  /** The traveller's agency's promotions (never another agency's): the agency signal's one source. */
  promotions: PromotionsByTarget;
}

export const NO_FEWER: RankingContext['fewer'] = Object.freeze({ categories: new Set<string>(), tags: [] });

/** Where each category of personal data comes from; each getter is called only with its consent on. */
export interface TravellerDataSource {
  position(): Position | null;
  profile(): Profile;
  history(): Interaction[];
  /** The visit log; when a source has none, the visits of `history()` are used (one per place). */
  visits?(): Visit[];
  trip(): Trip | null;
  exclusions(): Set<string>;
}

/** What a caller gives: the traveller's decisions default to none (no signal off, no anchor, nothing fewer). */
export type ContextBase = Pick<RankingContext, 'travellerId' | 'twinId' | 'city' | 'now' | 'consents' | 'nonProfiled' | 'agencyName'> &
  Partial<Pick<RankingContext, 'signalsOff' | 'anchor' | 'fewer' | 'promotions'>>;

export function buildContext(base: ContextBase, source: TravellerDataSource): RankingContext {
  const personal = !base.nonProfiled;
  const history = personal && base.consents.history ? source.history() : null;
  return {
    ...base,
    signalsOff: base.signalsOff ?? new Set(),
    anchor: base.anchor ?? null,
    fewer: base.fewer ?? NO_FEWER,
    promotions: base.promotions ?? NO_PROMOTIONS,
    position: personal && base.consents.location ? source.position() : null,
    profile: personal && base.consents.profile ? source.profile() : null,
    history,
    trip: personal && base.consents.wallet ? source.trip() : null,
    visited: new Set((history ?? []).filter((i) => i.kind === 'visited').map((i) => i.placeId)),
    visits: history === null ? null : (source.visits?.() ?? visitsOfHistory(history)),
    exclusions: source.exclusions(),
  };
}

function visitsOfHistory(history: readonly Interaction[]): Visit[] {
  return history
    .filter((i) => i.kind === 'visited')
    .map((i) => ({ placeId: i.placeId, at: i.at.getTime() }))
    .sort((a, b) => a.at - b.at);
}
