/** The one small interface every signal implements: a value in [0,1], evidence, and the personal data read. */
import type { Evidence, PersonalDataRef, SignalId } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';

export interface SignalResult {
  value: number;
  evidence: Evidence;
  personalData: PersonalDataRef[];
}

export interface Signal {
  id: SignalId;
  compute(candidate: Candidate, ctx: RankingContext): SignalResult;
}

export const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
