/**
 * The recommender as the rest of the server calls it: assembles the consent-scoped context for one
 * traveller from the travel graph and ranks. HTTP routes and the WebSocket push both go through here.
 */
import { type AgencyRanking, type Booking, DEFAULT_AGENCY_RANKING, type InterestRef } from '@escale/shared';
import type { City } from '../catalogue/model.ts';
import type { TravelGraph } from '../graph/travel-graph.ts';
import { EXCLUDING_KINDS, HISTORY_KINDS, type Interaction, type Traveller } from '../travellers/model.ts';
import { rankingProfileOf } from '../advisor-notes/ranking-profile.ts';
import { NeighbourhoodIndex } from '../privacy/neighbourhoods.ts';
import { buildContext, NO_FEWER, type Position, type RankingContext } from './context.ts';
import { scoreAll, selectTop, type RankResult } from './rank.ts';
import { tripAt } from './trip-context.ts';

/** One moment of one traveller, scored once; each `top` is a cheap selection from it (rank.ts Scoring). */
export interface Ranking {
  top(limit: number, skip?: ReadonlySet<string>): RankResult;
}

export interface SuggestRequest {
  traveller: Traveller;
  now: Date;
  position: Position | null;
  nonProfiled?: boolean;
  /**
   * The traveller's confirmed bookings around now, which the caller reads only with the wallet consent on
   * (push-cache.ts keeps them per traveller); read here only if the context asks for the trip.
   */
  bookings?: readonly Booking[];
  limit: number;
  /** Suggestion ids not to offer again (see RankOptions.skip). */
  skip?: ReadonlySet<string>;
}

export class Recommender {
  /** The neighbourhoods a feed may be centred on (My data, the ideas screen). */
  readonly neighbourhoods: NeighbourhoodIndex;

  constructor(
    private readonly graph: TravelGraph,
    private readonly agencyName: (agencyId: string) => string,
    /** Each agency's ranking settings; an agency without is ranked with the defaults. */
    private readonly agencyRankings: Map<string, AgencyRanking> = new Map(),
  ) {
    this.neighbourhoods = new NeighbourhoodIndex(graph);
  }

  agencyRankingOf(agencyId: string): AgencyRanking {
    return this.agencyRankings.get(agencyId) ?? DEFAULT_AGENCY_RANKING;
  }

  /** An agency's settings as just written (agency/ranking.ts follows the change log). */
  setAgencyRanking(agencyId: string, ranking: AgencyRanking): void {
    this.agencyRankings.set(agencyId, ranking);
  }

  /** The name of an agency, as promotions and agency triggers disclose it. */
  agencyNameOf(agencyId: string): string {
    return this.agencyName(agencyId);
  }

  context(req: Omit<SuggestRequest, 'limit' | 'skip'>): RankingContext {
    const { traveller } = req;
    const city: City | undefined = this.graph.city(traveller.cityId);
    if (!city) throw new Error(`traveller ${traveller.id} is in unknown city ${traveller.cityId}`);
    const graph = this.graph;
    // History and exclusions come from the same edges: read them once, and only if a getter asks.
    let interactions: Interaction[] | undefined;
    const all = () => (interactions ??= graph.interactionsOf(traveller.id));
    return buildContext(
      {
        travellerId: traveller.id,
        twinId: traveller.personaId !== null && traveller.personaId !== traveller.id ? traveller.personaId : null,
        city,
        now: req.now,
        consents: traveller.consents,
        nonProfiled: req.nonProfiled ?? traveller.ranking?.nonProfiled ?? false,
        agencyName: this.agencyName(traveller.agencyId),
        promotions: graph.promotionsOf(traveller.agencyId),
        signalsOff: new Set(traveller.ranking?.signalsOff ?? []),
        // Only used when no position may be: a choice on screen, never where the traveller is.
        anchor: traveller.ranking ? this.neighbourhoods.pointOf(traveller.ranking.anchor, city) : null,
        fewer: fewerOf(traveller.fewerLike),
      },
      {
        position: () => req.position,
        // The traveller's own answers with their advisors' notes under them, merged once per traveller.
        profile: () => rankingProfileOf(traveller, city.timezone),
        history: () => all().filter((i) => HISTORY_KINDS.has(i.kind)),
        visits: () => graph.visitLog().visitsOf(traveller.id),
        trip: () => tripAt(req.bookings ?? [], req.now, (id) => graph.place(id)),
        exclusions: () =>
          new Set(
            all()
              .filter((i) => EXCLUDING_KINDS.has(i.kind))
              .map((i) => i.placeId),
          ),
      },
    );
  }

  /** Told how long each ranking took, in seconds (the app's metrics). */
  onRanked: ((seconds: number) => void) | null = null;

  suggest(req: SuggestRequest): RankResult {
    return this.ranking(req).top(req.limit, req.skip);
  }

  /**
   * The traveller's candidates scored for this moment, lazily and once, whatever number of selections follow:
   * a move that notifies needs the notification's three and the feed's ten, from the same scores.
   */
  ranking(req: Omit<SuggestRequest, 'limit' | 'skip'>): Ranking {
    let scoring: ReturnType<typeof scoreAll> | undefined;
    return {
      top: (limit, skip) => {
        const start = performance.now();
        const tuned = this.agencyRankingOf(req.traveller.agencyId);
        scoring ??= scoreAll(this.graph, this.context(req), { weights: tuned.weights, promotionLift: tuned.promotionLift });
        const result = selectTop(scoring, { limit, ...(skip ? { skip } : {}) });
        this.onRanked?.((performance.now() - start) / 1000);
        return result;
      },
    };
  }
}

function fewerOf(list: readonly InterestRef[] | undefined): RankingContext['fewer'] {
  if (!list?.length) return NO_FEWER;
  return { categories: new Set(list.filter((i) => i.kind === 'category').map((i) => i.id)), tags: list.filter((i) => i.kind === 'tag').map((i) => i.id) };
}
