/**
 * Ranking metrics with a single relevant item (the venue the user really checked in at), cut at K = 10:
 * Recall@K is 1 when it is in the top K; NDCG@K is 1/log2(rank + 1) (the ideal DCG is 1); MRR is 1/rank
 * within the top K, 0 beyond (the ranker returns its top K only).
 */
export const K = 10;

/** 1-based rank of `relevant` in `ranked`, or null when absent. */
export function rankOf(ranked: readonly string[], relevant: string): number | null {
  const i = ranked.indexOf(relevant);
  return i < 0 ? null : i + 1;
}

export function recallAt(ranked: readonly string[], relevant: string, k = K): number {
  const r = rankOf(ranked, relevant);
  return r !== null && r <= k ? 1 : 0;
}

export function ndcgAt(ranked: readonly string[], relevant: string, k = K): number {
  const r = rankOf(ranked, relevant);
  return r !== null && r <= k ? 1 / Math.log2(r + 1) : 0;
}

export function reciprocalRank(ranked: readonly string[], relevant: string, k = K): number {
  const r = rankOf(ranked, relevant);
  return r !== null && r <= k ? 1 / r : 0;
}

export interface MetricSums {
  n: number;
  recall: number;
  ndcg: number;
  mrr: number;
}

export const emptySums = (): MetricSums => ({ n: 0, recall: 0, ndcg: 0, mrr: 0 });

export function addCase(sums: MetricSums, ranked: readonly string[], relevant: string, k = K): void {
  sums.n++;
  sums.recall += recallAt(ranked, relevant, k);
  sums.ndcg += ndcgAt(ranked, relevant, k);
  sums.mrr += reciprocalRank(ranked, relevant, k);
}

/** Sums turned into means; `n` stays the number of cases. */
export type MetricMeans = MetricSums;

export function means(s: MetricSums): MetricMeans {
  const d = s.n || 1;
  return { n: s.n, recall: s.recall / d, ndcg: s.ndcg / d, mrr: s.mrr / d };
}
