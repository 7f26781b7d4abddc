/**
 * popularity: what everybody thinks, with no one's identity: a Bayesian average of ratings, so 5.0 from 2
 * reviews does not beat 4.6 from 800 (each mean is pulled towards PRIOR_MEAN as if it had PRIOR_WEIGHT more
 * reviews at that mean), blended with how often travellers liked or visited the place (aggregated).
 */
import { TRAVELLER } from '../../graph/walk-index.ts';
import { clamp01, type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

export const PRIOR_MEAN = 4.0;
export const PRIOR_WEIGHT = 25;
/** Interactions at which the crowd part saturates (log scale). */
const CROWD_SATURATION = 50;
const RATING_SHARE = 0.7;

export function bayesianRating(rating: number, count: number): number {
  return (PRIOR_MEAN * PRIOR_WEIGHT + rating * count) / (PRIOR_WEIGHT + count);
}

export const popularity: Signal = {
  id: 'popularity',
  compute(c, _ctx, run): SignalResult {
    const { rating, reviewCount, seeded } = c.place;
    const interactions = c.node < 0 ? 0 : run.graph.walkIndex().degree(c.node, TRAVELLER);
    const crowd = clamp01(Math.log1p(interactions) / Math.log1p(CROWD_SATURATION));
    if (rating === null || reviewCount === 0) {
      if (interactions === 0) return { value: 0.2, evidence: fixedEvidence('popularity.no_rating'), personalData: NO_DATA };
      return { value: crowd, evidence: { key: 'popularity.travellers', params: { count: interactions } }, personalData: NO_DATA };
    }
    const fromRating = clamp01((bayesianRating(rating, reviewCount) - 3.5) / 1.3);
    const value = interactions > 0 ? RATING_SHARE * fromRating + (1 - RATING_SHARE) * crowd : fromRating;
    const key = seeded.includes('rating') ? 'popularity.rating_demo' : 'popularity.rating';
    return { value, evidence: { key, params: { rating: rating.toFixed(1), count: reviewCount } }, personalData: NO_DATA };
  },
};
