/**
 * Prepares the taste walk for one ranking: its start nodes from the consent-scoped context (history with
 * the history consent, stated likes with the profile consent), weighted by kind and recency, then runs it
 * once over the ranking's candidates so the taste signal only looks results up.
 */
import type { MergedInterest } from '@escale/shared';
import { nodeKey, type TravelGraph } from '../graph/travel-graph.ts';
import { scopedKey, type WalkIndex } from '../graph/walk-index.ts';
import type { Candidate } from './candidate.ts';
import type { RankingContext } from './context.ts';
import { hashString } from './seeded-random.ts';
import { tasteWalk, type TasteQuery, type TasteWalkResult } from './taste-walk.ts';

export type TasteSource = { kind: 'interaction'; placeId: string; node: number; interaction: 'liked' | 'visited' | 'booked'; at: Date } | { kind: 'interest'; interest: MergedInterest };

export interface TasteRun {
  index: WalkIndex;
  self: number | undefined;
  /** The persona a demo visitor was copied from: treated as the traveller themself (taste-walk.ts). */
  twin: number | undefined;
  sources: TasteSource[];
  /** Each candidate place's slot in the walk's results, by place node. */
  slotOf: Map<number, number>;
  /** The place node of each slot. */
  nodes: number[];
  result: TasteWalkResult;
  /** The best boosted score of any candidate, which the signal's value is relative to. */
  maxScore: number;
}

/** An interaction's weight halves every HALF_LIFE_DAYS: last week's like says more than last year's. */
const HALF_LIFE_DAYS = 180;
const KIND_WEIGHT = { liked: 2, booked: 2, visited: 1 } as const;
const INTEREST_WEIGHT = 1;
/** The most recent start nodes only: a long history would dilute the budget without changing the answer. */
const MAX_QUERIES = 24;

export function prepareTaste(graph: TravelGraph, ctx: RankingContext, reachable: readonly Candidate[]): TasteRun | null {
  const index = graph.walkIndex();
  const queries: TasteQuery[] = [];
  const sources: TasteSource[] = [];
  const history = ctx.history ?? [];
  const seen = new Set<number>();
  const order = newestFirst(history);
  for (let k = 0; k < order.length; k++) {
    const i = history[order[k]!]!;
    if (i.kind !== 'liked' && i.kind !== 'visited') continue;
    const node = index.placeNode(i.placeId);
    if (node === undefined || seen.has(node)) continue;
    seen.add(node);
    const ageDays = Math.max(0, (ctx.now.getTime() - i.at.getTime()) / 86_400_000);
    queries.push({ node, weight: KIND_WEIGHT[i.kind] * Math.pow(0.5, ageDays / HALF_LIFE_DAYS) });
    sources.push({ kind: 'interaction', placeId: i.placeId, node, interaction: i.kind, at: i.at });
    if (queries.length >= MAX_QUERIES) break;
  }
  for (const like of ctx.profile?.likes ?? []) {
    // The interest's node in the traveller's city: the walk from it stays there.
    const node = index.nodeOf(scopedKey(nodeKey(like.kind === 'category' ? 'category' : 'tag', like.id), ctx.city.id));
    if (node === undefined || queries.length >= MAX_QUERIES) continue;
    queries.push({ node, weight: INTEREST_WEIGHT });
    sources.push({ kind: 'interest', interest: like });
  }
  if (queries.length === 0) return null;

  // One slot per place, however many of its items are candidates (its events, its offers).
  const slotOf = new Map<number, number>();
  const candidates: number[] = [];
  for (const c of reachable) {
    if (c.node < 0 || slotOf.has(c.node)) continue;
    slotOf.set(c.node, candidates.length);
    candidates.push(c.node);
  }
  const self = index.nodeOf(nodeKey('traveller', ctx.travellerId));
  const twin = ctx.twinId === null ? undefined : index.nodeOf(nodeKey('traveller', ctx.twinId));
  // Seeded by the persona for a demo visitor, so every visitor of Léa sees what Léa would.
  const result = tasteWalk({ index, queries, self, twin, candidates, seed: hashString(ctx.twinId ?? ctx.travellerId) });
  let maxScore = 0;
  for (const v of result.score) maxScore = Math.max(maxScore, v);
  return { index, self, twin, sources, slotOf, nodes: candidates, result, maxScore };
}

/** Histories short enough for their positions to share a float64 key with a time (2^11 × 2^41 ms < 2^53). */
const PACKED_POSITIONS = 2 ** 11;
const PACKED_MAX_MS = 2 ** 41;

/**
 * Positions of `history`, most recent first, ties in list order: the order of a stable sort by time, got by
 * one native sort of packed keys instead of a comparator reading two dates per comparison (a tenth of the
 * walk's preparation, for a history of a few dozen).
 */
export function newestFirst(history: readonly { at: Date }[]): ArrayLike<number> {
  const n = history.length;
  const keys = new Float64Array(n);
  let packable = n <= PACKED_POSITIONS;
  for (let k = 0; k < n && packable; k++) {
    const t = history[k]!.at.getTime();
    if (!(t >= 0 && t < PACKED_MAX_MS)) packable = false;
    // Ascending keys read backwards: newest first, and among equal times the earlier position first.
    else keys[k] = t * PACKED_POSITIONS + (PACKED_POSITIONS - 1 - k);
  }
  if (!packable) return Array.from({ length: n }, (_, k) => k).sort((a, b) => history[b]!.at.getTime() - history[a]!.at.getTime() || a - b);
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = PACKED_POSITIONS - 1 - (keys[n - 1 - k]! % PACKED_POSITIONS);
  return order;
}
