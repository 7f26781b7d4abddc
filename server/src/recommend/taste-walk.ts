/**
 * The taste walk: a personalised random walk with restarts on the travel graph, in the spirit of
 * Pinterest's Pixie. Walks start from what the traveller liked, visited or booked (and their stated
 * interests), hop place → connector → place where a connector is another traveller who interacted with the
 * place, a tag or a category, and count how often each candidate place is reached. Per start node the counts
 * are kept apart and combined with Pixie's boosting, (Σ √visits)², so a place reached from several of the
 * traveller's places beats one reached often from a single one. Bounded by a step budget with early
 * stopping; seeded, so the same inputs give the same output.
 */
import { CATEGORY, PLACE, TAG, TRAVELLER, type WalkIndex, type WalkKind } from '../graph/walk-index.ts';
import { mulberry32 } from './seeded-random.ts';

export interface TasteQuery {
  node: number;
  weight: number;
}

export interface TasteWalkInput {
  index: WalkIndex;
  queries: TasteQuery[];
  /** The traveller's own node: never a connector, or the walk would only find their own places again. */
  self: number | undefined;
  /** Place nodes to score (the ranking's candidates). */
  candidates: number[];
  seed: number;
  budget?: number;
}

export interface TasteWalkResult {
  /** Boosted visit score per candidate, aligned with `candidates`. */
  score: Float64Array;
  /** Index into `queries` of the start that contributed most to each candidate, or -1. */
  bestQuery: Int32Array;
  /**
   * The connector on the most-travelled last hop into each candidate, or -1: first the kind of connector
   * the walk used most (other travellers together, a tag, the category), then its busiest node.
   */
  connector: Int32Array;
  /** Travellers met as connectors, most met first: the lookalikes ("travellers like you"). */
  lookalikes: { node: number; visits: number }[];
  steps: number;
}

/** Steps per ranking: with early stopping, enough to separate the candidates of one neighbourhood. */
export const STEP_BUDGET = 1_200;
/** Probability to restart from a start node after each hop: short walks stay close to the traveller's taste. */
export const RESTART = 0.35;
/** Stop early once this many candidates have this many visits: the ranking is settled. */
const EARLY_STOP_CANDIDATES = 30;
const EARLY_STOP_VISITS = 6;
/** Connector mix from a place: mostly co-visiting travellers, then shared tags, then the category. */
const P_TRAVELLER = 0.65;
const P_TAG = 0.25;

type Degree = (node: number, kind: WalkKind) => number;

function pickConnectorKind(degree: Degree, place: number, r: number): WalkKind | -1 {
  const hasT = degree(place, TRAVELLER) > 0;
  const hasG = degree(place, TAG) > 0;
  const hasC = degree(place, CATEGORY) > 0;
  const wT = hasT ? P_TRAVELLER : 0;
  const wG = hasG ? P_TAG : 0;
  const wC = hasC ? 1 - P_TRAVELLER - P_TAG : 0;
  const total = wT + wG + wC;
  if (total === 0) return -1;
  const x = r * total;
  return x < wT ? TRAVELLER : x < wT + wG ? TAG : CATEGORY;
}

/**
 * Scratch arrays indexed by node, reused across walks (the server ranks one request at a time per process):
 * allocating them per ranking, or using Maps on every hop, costs more than the walk itself.
 */
let slotOfNode = new Int32Array(0);
let metAsConnector = new Int32Array(0);

function scratch(nodeCount: number): void {
  if (slotOfNode.length < nodeCount) {
    slotOfNode = new Int32Array(nodeCount + 1024).fill(-1);
    metAsConnector = new Int32Array(nodeCount + 1024);
  }
}

export function tasteWalk(input: TasteWalkInput): TasteWalkResult {
  const { index, queries, candidates, self } = input;
  const rand = mulberry32(input.seed);
  const q = queries.length;
  const n = candidates.length;
  scratch(index.nodeCount);
  candidates.forEach((node, i) => (slotOfNode[node] = i));
  const perQuery = new Float64Array(n * q);
  const totalVisits = new Int32Array(n);
  // Busiest connector per candidate and kind, by a Boyer–Moore majority vote: O(1) memory per slot, exact
  // whenever one connector carries most of the traffic, which is what the panel shows.
  const kindVisits = new Float64Array(n * 4);
  const voteNode = new Int32Array(n * 4).fill(-1);
  const voteCount = new Int32Array(n * 4);
  const travellersMet: number[] = [];
  let settled = 0;
  let steps = 0;
  const budget = input.budget ?? STEP_BUDGET;
  const weightSum = queries.reduce((sum, x) => sum + x.weight, 0) || 1;
  // The inner loop reads the CSR arrays directly when it can: method calls per hop cost as much as the hop.
  const csr = index.csr();
  const degree: Degree = csr
    ? (node, kind) => csr.kindEnd[node * 4 + kind]! - csr.kindStart[node * 4 + kind]!
    : (node, kind) => index.degree(node, kind);
  const neighbour = csr
    ? (node: number, kind: WalkKind, i: number) => csr.targets[csr.kindStart[node * 4 + kind]! + i]!
    : (node: number, kind: WalkKind, i: number) => index.neighbour(node, kind, i);
  const kindOf = csr ? (node: number) => csr.kinds[node] as WalkKind : (node: number) => index.kind(node);

  for (let qi = 0; qi < q && settled < EARLY_STOP_CANDIDATES; qi++) {
    const query = queries[qi]!;
    const queryBudget = Math.max(50, Math.round((budget * query.weight) / weightSum));
    const startsAtPlace = kindOf(query.node) === PLACE;
    let used = 0;
    while (used < queryBudget && settled < EARLY_STOP_CANDIDATES) {
      // A start at a tag or category behaves as a connector: the first hop picks one of its places.
      let current = query.node;
      let first = !startsAtPlace;
      for (;;) {
        let connector: number;
        let connectorKind: WalkKind;
        if (first) {
          connector = current;
          connectorKind = kindOf(current);
          first = false;
        } else {
          const kind = pickConnectorKind(degree, current, rand());
          if (kind === -1) break;
          connector = neighbour(current, kind, Math.floor(rand() * degree(current, kind)));
          if (connector === self) break;
          connectorKind = kind;
        }
        const places = degree(connector, PLACE);
        if (places === 0) break;
        const next = neighbour(connector, PLACE, Math.floor(rand() * places));
        used++;
        steps++;
        if (connectorKind === TRAVELLER && metAsConnector[connector]!++ === 0) travellersMet.push(connector);
        const s = slotOfNode[next]!;
        if (s >= 0) {
          perQuery[s * q + qi]! += 1;
          if (++totalVisits[s]! === EARLY_STOP_VISITS) settled++;
          const v = s * 4 + connectorKind;
          kindVisits[v]! += 1;
          if (voteNode[v] === connector) voteCount[v]!++;
          else if (voteCount[v] === 0) {
            voteNode[v] = connector;
            voteCount[v] = 1;
          } else voteCount[v]!--;
        }
        current = next;
        if (rand() < RESTART || used >= queryBudget) break;
      }
    }
  }

  const score = new Float64Array(n);
  const bestQuery = new Int32Array(n).fill(-1);
  const connector = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    let root = 0;
    let best = 0;
    for (let qi = 0; qi < q; qi++) {
      const v = perQuery[s * q + qi]!;
      root += Math.sqrt(v);
      if (v > best) {
        best = v;
        bestQuery[s] = qi;
      }
    }
    score[s] = root * root;
    // The kind of connector the walk used most, then its busiest node.
    let kind = -1;
    let most = 0;
    for (let k = 0; k < 4; k++) {
      if (kindVisits[s * 4 + k]! > most) {
        most = kindVisits[s * 4 + k]!;
        kind = k;
      }
    }
    if (kind >= 0) connector[s] = voteNode[s * 4 + kind]!;
  }
  const lookalikes = travellersMet
    .map((node) => ({ node, visits: metAsConnector[node]! }))
    .sort((a, b) => b.visits - a.visits || a.node - b.node)
    .slice(0, 20);
  // Reset the scratch arrays for the next walk, touching only what this one used.
  for (const node of candidates) slotOfNode[node] = -1;
  for (const node of travellersMet) metAsConnector[node] = 0;
  return { score, bestQuery, connector, lookalikes, steps };
}

/** Travellers (other than `self`) who interacted with both places: the "co-visitors" named in evidence. */
export function coVisitors(index: WalkIndex, a: number, b: number, self: number | undefined): number {
  const da = index.degree(a, TRAVELLER);
  const db = index.degree(b, TRAVELLER);
  const [small, smallDeg, large, largeDeg] = da <= db ? [a, da, b, db] : [b, db, a, da];
  const seen = new Set<number>();
  for (let i = 0; i < largeDeg; i++) seen.add(index.neighbour(large, TRAVELLER, i));
  const common = new Set<number>();
  for (let i = 0; i < smallDeg; i++) {
    const t = index.neighbour(small, TRAVELLER, i);
    if (t !== self && seen.has(t)) common.add(t);
  }
  return common.size;
}
