/** The one small interface every signal implements: a value in [0,1], evidence, and the personal data read. */
import type { Evidence, PersonalDataRef, SignalId, TastePath } from '@escale/shared';
import type { TravelGraph } from '../../graph/travel-graph.ts';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';
import type { TasteRun } from '../taste-run.ts';
import type { HabitReading, NextReading } from '../visit-habits.ts';

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
  /** The traveller's habits from their visit log, in favourites mode (visit-habits.ts); absent or null: none. */
  habits?: HabitReading | null;
  /** Where travellers went next from the traveller's last place of the day (visit-habits.ts); absent or null: none. */
  next?: NextReading | null;
  /**
   * The ranked traveller's own entries in the walk index, per place node (popularity.ts `ownEntries`): left out
   * of the crowd they are shown. Absent: they have none (a run built by hand for a test).
   */
  ownEntries?: ReadonlyMap<number, number>;
}

export interface Signal {
  id: SignalId;
  compute(candidate: Candidate, ctx: RankingContext, run: RankRun): SignalResult;
}

export const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
