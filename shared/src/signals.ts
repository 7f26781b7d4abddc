/**
 * The named signals of the ranker, the consent category each personal one needs, and their default
 * weights. Weights are data: agencies may override them within bounds later (docs/RANKING.md).
 */
import { z } from 'zod';
import type { ConsentCategory } from './consent.ts';

export const SIGNAL_IDS = ['proximity', 'timing', 'interests', 'taste', 'trip', 'party', 'budget', 'popularity', 'agency'] as const;
export const SignalId = z.enum(SIGNAL_IDS);
export type SignalId = z.infer<typeof SignalId>;

/** null: the signal reads no personal data and stays on in the non-profiled feed. */
export const SIGNAL_CONSENT: Record<SignalId, ConsentCategory | null> = {
  proximity: 'location',
  timing: null,
  interests: 'profile',
  taste: 'history',
  trip: 'wallet',
  party: 'profile',
  budget: 'profile',
  popularity: null,
  agency: null,
};

export const DEFAULT_WEIGHTS: Record<SignalId, number> = {
  proximity: 3,
  timing: 2,
  interests: 3,
  taste: 2.5,
  trip: 4,
  party: 2.5,
  budget: 1,
  popularity: 1,
  agency: 0.5,
};
