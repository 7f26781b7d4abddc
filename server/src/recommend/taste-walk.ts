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
  /**
   * The traveller this one was copied from (a demo visitor's persona): the same history under another
   * name, so never a connector either, or the walk would echo the traveller's own places back.
   */
  twin?: number | undefined;
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
export const STEP_BUDGET = 300;
/** Steps every start gets, however small its weight: one old visit still says something. */
const MIN_STEPS_PER_START = 10;
/** Probability to restart from a start node after each hop: short walks stay close to the traveller's taste. */
export const RESTART = 0.35;
/** Stop early once this many candidates have this many visits: the ranking is settled. */
const EARLY_STOP_CANDIDATES = 30;
const EARLY_STOP_VISITS = 6;
/** Connector mix from a place: mostly co-visiting travellers, then shared tags, then the category. */
const P_TRAVELLER = 0.65;
const P_TAG = 0.25;

/** Which kind of connector to hop through from a place, given its degrees by kind; -1 when it has none. */
function pickConnectorKind(travellers: number, tags: number, categories: number, r: number): WalkKind | -1 {
  const wT = travellers > 0 ? P_TRAVELLER : 0;
  const wG = tags > 0 ? P_TAG : 0;
  const wC = categories > 0 ? 1 - P_TRAVELLER - P_TAG : 0;
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
/**
 * One bit per node, set for the candidates: most hops land on a place that is not one, and this answer
 * sits in 16 KB of cache at 100k places, where the slot array's would be a miss in half a megabyte.
 */
let isCandidate = new Uint32Array(0);
let metAsConnector = new Int32Array(0);

function scratch(nodeCount: number): void {
  if (slotOfNode.length < nodeCount) {
    slotOfNode = new Int32Array(nodeCount + 1024).fill(-1);
    isCandidate = new Uint32Array(Math.ceil((nodeCount + 1024) / 32));
    metAsConnector = new Int32Array(nodeCount + 1024);
  }
}

export function tasteWalk(input: TasteWalkInput): TasteWalkResult {
  const { index, queries, candidates, self, twin } = input;
  const rand = mulberry32(input.seed);
  const q = queries.length;
  const n = candidates.length;
  scratch(index.nodeCount);
  for (let i = 0; i < n; i++) {
    const node = candidates[i]!;
    slotOfNode[node] = i;
    isCandidate[node >>> 5]! |= 1 << (node & 31);
  }
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
  // The inner loop reads the CSR arrays directly (a node's four degrees share a cache line) and goes through
  // the index's methods only for the few nodes patched since the build: a walk is bound by memory
  // latency, and a method call or a Map lookup per hop would cost as much as the hop.
  const { runs, targets } = index.arrays();

  for (let qi = 0; qi < q && settled < EARLY_STOP_CANDIDATES; qi++) {
    const query = queries[qi]!;
    const queryBudget = Math.max(MIN_STEPS_PER_START, Math.round((budget * query.weight) / weightSum));
    const startKind = index.kind(query.node);
    let used = 0;
    while (used < queryBudget && settled < EARLY_STOP_CANDIDATES) {
      // A start at a tag or category behaves as a connector: the first hop picks one of its places.
      let current = query.node;
      let first = startKind !== PLACE;
      for (;;) {
        let connector: number;
        let connectorKind: WalkKind;
        if (first) {
          connector = current;
          connectorKind = startKind;
          first = false;
        } else {
          const patched = index.patched(current);
          const b = current * 4;
          const dT = patched ? index.degree(current, TRAVELLER) : runs[b + TRAVELLER + 1]! - runs[b + TRAVELLER]!;
          const dG = patched ? index.degree(current, TAG) : runs[b + TAG + 1]! - runs[b + TAG]!;
          const dC = patched ? index.degree(current, CATEGORY) : runs[b + CATEGORY + 1]! - runs[b + CATEGORY]!;
          const kind = pickConnectorKind(dT, dG, dC, rand());
          if (kind === -1) break;
          const i = Math.floor(rand() * (kind === TRAVELLER ? dT : kind === TAG ? dG : dC));
          connector = patched ? index.neighbour(current, kind, i) : targets[runs[b + kind]! + i]!;
          if (connector === self || connector === twin) break;
          connectorKind = kind;
        }
        const patched = index.patched(connector);
        const b = connector * 4;
        const places = patched ? index.degree(connector, PLACE) : runs[b + PLACE + 1]! - runs[b + PLACE]!;
        if (places === 0) break;
        const i = Math.floor(rand() * places);
        const next = patched ? index.neighbour(connector, PLACE, i) : targets[runs[b + PLACE]! + i]!;
        used++;
        steps++;
        if (connectorKind === TRAVELLER && metAsConnector[connector]!++ === 0) travellersMet.push(connector);
        if (isCandidate[next >>> 5]! & (1 << (next & 31))) {
          const s = slotOfNode[next]!;
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
  const lookalikes = mostMet(travellersMet, LOOKALIKES);
  // Reset the scratch arrays for the next walk, touching only what this one used.
  for (const node of candidates) {
    slotOfNode[node] = -1;
    isCandidate[node >>> 5] = 0;
  }
  for (const node of travellersMet) metAsConnector[node] = 0;
  return { score, bestQuery, connector, lookalikes, steps };
}

/** How many lookalikes a walk reports: the panel counts them, it never names them. */
const LOOKALIKES = 20;

/**
 * The `k` travellers met most (ties: lower node first), by insertion into a short sorted list: a walk meets
 * hundreds of travellers, and sorting them all to keep twenty was a tenth of the walk's own time.
 */
function mostMet(met: readonly number[], k: number): { node: number; visits: number }[] {
  const top: { node: number; visits: number }[] = [];
  for (let i = 0; i < met.length; i++) {
    const node = met[i]!;
    const visits = metAsConnector[node]!;
    if (top.length === k) {
      const last = top[k - 1]!;
      if (visits < last.visits || (visits === last.visits && node > last.node)) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && (top[at - 1]!.visits < visits || (top[at - 1]!.visits === visits && top[at - 1]!.node > node))) at--;
    top.splice(at, 0, { node, visits });
  }
  return top;
}

/** Per-node marks for `coVisitors`, stamped per call so that nothing is cleared or allocated. */
let coVisitMark = new Int32Array(0);
let coVisitStamp = 0;

/** Travellers (other than `self` and its `twin`) who interacted with both places: the "co-visitors" named in evidence. */
export function coVisitors(index: WalkIndex, a: number, b: number, self: number | undefined, twin?: number): number {
  if (coVisitMark.length < index.nodeCount) coVisitMark = new Int32Array(index.nodeCount + 1024);
  // Two stamps per call: "met at a" and "already counted", so a traveller listed twice (a like weighs two
  // entries) is counted once.
  if (coVisitStamp > 0x3ffffff0) {
    coVisitMark.fill(0);
    coVisitStamp = 0;
  }
  const metAtA = ++coVisitStamp;
  const counted = ++coVisitStamp;
  const da = index.degree(a, TRAVELLER);
  const db = index.degree(b, TRAVELLER);
  for (let i = 0; i < da; i++) coVisitMark[index.neighbour(a, TRAVELLER, i)] = metAtA;
  let common = 0;
  for (let i = 0; i < db; i++) {
    const t = index.neighbour(b, TRAVELLER, i);
    if (t !== self && t !== twin && coVisitMark[t] === metAtA) {
      coVisitMark[t] = counted;
      common++;
    }
  }
  return common;
}
