/** The one small interface every signal implements: a value in [0,1], evidence, and the personal data read. */
import type { Evidence, PersonalDataRef, SignalId, TastePath } from '@escale/shared';
import type { TravelGraph } from '../../graph/travel-graph.ts';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';
import type { TasteRun } from '../taste-run.ts';

export interface SignalResult {
  value: number;
  evidence: Evidence;
  personalData: readonly PersonalDataRef[];
  path?: TastePath;
}

/**
 * Shared, frozen parts of results: a signal runs for every candidate of every ranking, and evidence that
 * names no value of the candidate need not be a new object each time (nor an empty list of data read).
 */
export const NO_DATA: readonly PersonalDataRef[] = Object.freeze([]);
const fixed = new Map<string, Evidence>();

/** The evidence `key` without parameters, one frozen object per key. */
export function fixedEvidence(key: string): Evidence {
  let evidence = fixed.get(key);
  if (!evidence) fixed.set(key, (evidence = Object.freeze({ key, params: Object.freeze({}) })));
  return evidence;
}

/** Work done once per ranking and shared by the signals (the taste walk). */
export interface RankRun {
  graph: TravelGraph;
  taste: TasteRun | null;
  /** Favourites mode: the traveller asked for places they already know (visited places are allowed). */
  favourites: boolean;
}

export interface Signal {
  id: SignalId;
  compute(candidate: Candidate, ctx: RankingContext, run: RankRun): SignalResult;
}

export const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
