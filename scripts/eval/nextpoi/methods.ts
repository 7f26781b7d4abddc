/**
 * The methods compared, behind one signature: a query and a task in, a full ranking of the candidate POIs
 * out. In the next-new-place task every method gets the same rule as Escale's never-visited rule: the
 * places the user is known to have visited (train and prefix) go last, in the method's own order.
 */
import { SIMPLE_BASELINES, type Ranking, type SimpleBaselineId } from './baselines.ts';
import { blend, type BlendWeights } from './blend.ts';
import { escaleMethod } from './escale-method.ts';
import { cityNameOf, type NextPoiState } from './prepare.ts';
import type { Task } from './protocol.ts';
import { visitedOf, type Query } from './train-stats.ts';

export const METHOD_IDS = ['escale', 'popular', 'nearest', 'frequency', 'transition', 'user-proximity', 'blend'] as const;
export type MethodId = (typeof METHOD_IDS)[number];
export const BASELINE_METHOD_IDS = METHOD_IDS.filter((m) => m !== 'escale');

export const METHOD_LABELS: Record<MethodId, string> = {
  escale: 'Escale',
  ...(Object.fromEntries(Object.entries(SIMPLE_BASELINES).map(([id, b]) => [id, b.label])) as Record<SimpleBaselineId, string>),
  blend: 'tuned blend',
};

export type Blends = Record<Task, BlendWeights>;

/** How many places the ranker itself returned per query (before the popularity tail). */
export interface RankerReturns {
  queries: number;
  min: number;
  under100: number;
}

export type Answer = (method: MethodId, query: Query, task: Task) => Ranking;

/** The user's visited places moved after the others, each part in the method's order. */
export function visitedLast(ranking: Ranking, visited: ReadonlySet<number>): Ranking {
  if (visited.size === 0) return ranking;
  const out = new Int32Array(ranking.length);
  let k = 0;
  for (const i of ranking) if (!visited.has(i)) out[k++] = i;
  for (const i of ranking) if (visited.has(i)) out[k++] = i;
  return out;
}

/** Every method, ready to answer; Escale's graph is built at its first query, so baseline-only runs skip it. */
export function methodsFor(state: NextPoiState, blends: Blends): { answer: Answer; returns: RankerReturns } {
  const { stats } = state;
  const returns: RankerReturns = { queries: 0, min: Infinity, under100: 0 };
  let escale: ReturnType<typeof escaleMethod> | undefined;
  const raw = (method: MethodId, query: Query, task: Task): Ranking => {
    if (method === 'escale') {
      escale ??= escaleMethod(stats, state.clock, cityNameOf(state.file));
      const { ranking, fromRanker } = escale(query, task);
      returns.queries++;
      returns.min = Math.min(returns.min, fromRanker);
      if (fromRanker < 100) returns.under100++;
      return ranking;
    }
    if (method === 'blend') return blend(stats, query, blends[task]);
    return SIMPLE_BASELINES[method].rank(stats, query);
  };
  const answer: Answer = (method, query, task) => {
    const ranking = raw(method, query, task);
    return task === 'new' ? visitedLast(ranking, visitedOf(stats, query)) : ranking;
  };
  return { answer, returns };
}
