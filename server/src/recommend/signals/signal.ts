/** The one small interface every signal implements: a value in [0,1], evidence, and the personal data read. */
import type { Evidence, PersonalDataRef, SignalId, TastePath } from '@escale/shared';
import type { TravelGraph } from '../../graph/travel-graph.ts';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';
import type { TasteRun } from '../taste-run.ts';

export interface SignalResult {
  value: number;
  evidence: Evidence;
  personalData: PersonalDataRef[];
  path?: TastePath;
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
