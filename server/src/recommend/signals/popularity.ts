/**
 * popularity: what everybody else thinks, with no one's identity: a Bayesian average of ratings, so 5.0 from 2
 * reviews does not beat 4.6 from 800 (each mean is pulled towards PRIOR_MEAN as if it had PRIOR_WEIGHT more
 * reviews at that mean), lifted by how often other travellers liked or visited the place (aggregated). The
 * ranked traveller's own likes and visits are never in the count they are shown: their like must not come
 * back to them as "popular", and what they took back or withdrew the consent for must not linger there.
 */
import { nodeKey } from '../../graph/travel-graph.ts';
import { PLACE, TRAVELLER, type WalkIndex } from '../../graph/walk-index.ts';
import type { RankingContext } from '../context.ts';
import { clamp01, type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

export const PRIOR_MEAN = 4.0;
export const PRIOR_WEIGHT = 25;
/** Interactions at which the crowd part saturates (log scale). */
const CROWD_SATURATION = 50;
/** The share of what the rating leaves to be had that a saturated crowd adds. */
const CROWD_SHARE = 0.3;
/** A place nobody rated starts here, below any decent rating: "no reviews yet" is not a recommendation. */
const NO_RATING_VALUE = 0.2;

export function bayesianRating(rating: number, count: number): number {
  return (PRIOR_MEAN * PRIOR_WEIGHT + rating * count) / (PRIOR_WEIGHT + count);
}

/** The crowd part: `log(1 + k) / log(1 + 50)`, k interactions, saturating at 50. */
export function crowdValue(interactions: number): number {
  return clamp01(Math.log1p(Math.max(0, interactions)) / Math.log1p(CROWD_SATURATION));
}

/**
 * The signal's value. The crowd only ever adds: it fills a share of what the rating leaves,
 * `v = v_r + (1 − v_r) · 0.3 · v_c`, so a place's first like can never lower it (a weighted mean of the two
 * did: a 4.6 from 800 reviews fell from 0.83 to 0.67 at its first like). Without a rating the crowd is all
 * there is: `v = 0.2 + 0.8 · v_c`, from "no reviews yet" (0.2) to 1 at a saturated crowd.
 */
export function popularityValue(rating: number | null, reviewCount: number, interactions: number): number {
  const crowd = crowdValue(interactions);
  if (rating === null || reviewCount === 0) return NO_RATING_VALUE + (1 - NO_RATING_VALUE) * crowd;
  const fromRating = clamp01((bayesianRating(rating, reviewCount) - 3.5) / 1.3);
  return fromRating + (1 - fromRating) * CROWD_SHARE * crowd;
}

/**
 * The walk index's entries of the ranked traveller (and of the persona a demo visitor is a copy of, whose
 * history is theirs) per place node: what popularity takes out of each place's crowd. Read from the graph,
 * not the context, so it holds whatever the consents: taking one's own data out uses nothing of it.
 */
export function ownEntries(index: WalkIndex, ctx: Pick<RankingContext, 'travellerId' | 'twinId'>): ReadonlyMap<number, number> {
  const own = new Map<number, number>();
  for (const id of ctx.twinId === null ? [ctx.travellerId] : [ctx.travellerId, ctx.twinId]) {
    const node = index.nodeOf(nodeKey('traveller', id));
    if (node === undefined) continue;
    for (let i = index.degree(node, PLACE) - 1; i >= 0; i--) {
      const place = index.neighbour(node, PLACE, i);
      own.set(place, (own.get(place) ?? 0) + 1);
    }
  }
  return own;
}

export const popularity: Signal = {
  id: 'popularity',
  compute(c, _ctx, run): SignalResult {
    const { rating, reviewCount, seeded } = c.place;
    const interactions = c.node < 0 ? 0 : run.graph.walkIndex().degree(c.node, TRAVELLER) - (run.ownEntries?.get(c.node) ?? 0);
    const value = popularityValue(rating, reviewCount, interactions);
    if (rating === null || reviewCount === 0) {
      if (interactions <= 0) return { value, evidence: fixedEvidence('popularity.no_rating'), personalData: NO_DATA };
      return { value, evidence: { key: 'popularity.travellers', params: { count: interactions } }, personalData: NO_DATA };
    }
    const key = seeded.includes('rating') ? 'popularity.rating_demo' : 'popularity.rating';
    return { value, evidence: { key, params: { rating: rating.toFixed(1), count: reviewCount } }, personalData: NO_DATA };
  },
};
