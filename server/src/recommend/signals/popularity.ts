/**
 * popularity: a Bayesian average of ratings, so 5.0 from 2 reviews does not beat 4.6 from 800: each place's
 * mean is pulled towards a prior of PRIOR_MEAN as if it had PRIOR_WEIGHT extra reviews at that mean.
 */
import { clamp01, type Signal, type SignalResult } from './signal.ts';

export const PRIOR_MEAN = 4.0;
export const PRIOR_WEIGHT = 25;

export function bayesianRating(rating: number, count: number): number {
  return (PRIOR_MEAN * PRIOR_WEIGHT + rating * count) / (PRIOR_WEIGHT + count);
}

export const popularity: Signal = {
  id: 'popularity',
  compute(c): SignalResult {
    const { rating, reviewCount, seeded } = c.place;
    if (rating === null || reviewCount === 0) {
      return { value: 0.3, evidence: { key: 'popularity.no_rating', params: {} }, personalData: [] };
    }
    const value = clamp01((bayesianRating(rating, reviewCount) - 3.5) / 1.3);
    const key = seeded.includes('rating') ? 'popularity.rating_demo' : 'popularity.rating';
    return { value, evidence: { key, params: { rating: rating.toFixed(1), count: reviewCount } }, personalData: [] };
  },
};
