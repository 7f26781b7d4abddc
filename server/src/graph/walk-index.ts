/**
 * A compact, typed-array view of the travel graph for random walks: places, travellers, tags and categories
 * as integer nodes with CSR adjacency, each place's neighbours grouped by kind so a walk can choose "a
 * co-visiting traveller" or "a shared tag" in O(1). graphology stays the model; this index is derived from
 * it (toolchain note: graphology's accessors are too slow for a hot path over a million edges) and patched
 * with an overlay as interactions arrive, until the next rebuild.
 */
import type { MultiDirectedGraph } from 'graphology';

export const PLACE = 0;
export const TRAVELLER = 1;
export const TAG = 2;
export const CATEGORY = 3;
export type WalkKind = typeof PLACE | typeof TRAVELLER | typeof TAG | typeof CATEGORY;

const KIND_OF_TYPE: Record<string, WalkKind | undefined> = { place: PLACE, traveller: TRAVELLER, tag: TAG, category: CATEGORY };

/** Interactions that say "I liked this" count twice as much as a visit in the walk. */
const EDGE_WEIGHT: Record<string, number> = { liked: 2, visited: 1, booked: 2 };

interface GraphLike {
  forEachNode(cb: (key: string, attrs: { type: string }) => void): void;
  forEachEdge(cb: (key: string, attrs: { type: string; kind?: string }, source: string, target: string) => void): void;
}

export class WalkIndex {
  /** Node kinds; nodes appended after the build live in `extraKind`. */
  private constructor(
    readonly keys: string[],
    private readonly kindArr: Uint8Array,
    readonly byKey: Map<string, number>,
    /** CSR: neighbours of n are targets[offsets[n] .. offsets[n+1]), sorted by kind (travellers, places, tags, categories). */
    private readonly offsets: Int32Array,
    private readonly targets: Int32Array,
    /** Start of each kind's run inside a node's neighbours: kindStart[n * 4 + kind]. */
    private readonly kindStart: Int32Array,
    private readonly kindEnd: Int32Array,
  ) {}

  private readonly extraKind: WalkKind[] = [];
  /** Edges added since the build: node → neighbours of a kind, keyed `node * 4 + kind`. */
  private readonly overlay = new Map<number, number[]>();
  private overlayEdges = 0;

  static fromGraph(graph: MultiDirectedGraph | GraphLike): WalkIndex {
    const g = graph as unknown as GraphLike;
    const keys: string[] = [];
    const kinds: number[] = [];
    const byKey = new Map<string, number>();
    g.forEachNode((key, attrs) => {
      const kind = KIND_OF_TYPE[attrs.type];
      if (kind === undefined) return;
      byKey.set(key, keys.length);
      keys.push(key);
      kinds.push(kind);
    });
    const n = keys.length;
    const kindArr = Uint8Array.from(kinds);

    // Pass 1: degree per (node, neighbour kind), counting weights as repeated entries.
    const counts = new Int32Array(n * 4);
    const forEachWalkEdge = (cb: (a: number, b: number, weight: number) => void) =>
      g.forEachEdge((_k, attrs, source, target) => {
        let weight = 0;
        if (attrs.type === 'interaction') weight = EDGE_WEIGHT[attrs.kind ?? ''] ?? 0;
        else if (attrs.type === 'tagged' || attrs.type === 'in_category') weight = 1;
        if (weight === 0) return;
        const a = byKey.get(source);
        const b = byKey.get(target);
        if (a !== undefined && b !== undefined) cb(a, b, weight);
      });
    forEachWalkEdge((a, b, w) => {
      counts[a * 4 + kindArr[b]!]! += w;
      counts[b * 4 + kindArr[a]!]! += w;
    });

    // Offsets and per-kind runs.
    const offsets = new Int32Array(n + 1);
    const kindStart = new Int32Array(n * 4);
    const kindEnd = new Int32Array(n * 4);
    let total = 0;
    for (let node = 0; node < n; node++) {
      offsets[node] = total;
      for (let k = 0; k < 4; k++) {
        kindStart[node * 4 + k] = total;
        total += counts[node * 4 + k]!;
        kindEnd[node * 4 + k] = kindStart[node * 4 + k]!;
      }
    }
    offsets[n] = total;

    // Pass 2: fill (kindEnd advances as a write cursor and ends at the run's end).
    const targets = new Int32Array(total);
    forEachWalkEdge((a, b, w) => {
      for (let i = 0; i < w; i++) {
        targets[kindEnd[a * 4 + kindArr[b]!]!++] = b;
        targets[kindEnd[b * 4 + kindArr[a]!]!++] = a;
      }
    });
    return new WalkIndex(keys, kindArr, byKey, offsets, targets, kindStart, kindEnd);
  }

  get nodeCount(): number {
    return this.keys.length;
  }

  get edgeEntries(): number {
    return this.targets.length + this.overlayEdges * 2;
  }

  get overlaySize(): number {
    return this.overlayEdges;
  }

  /**
   * Direct access to the CSR arrays for the walk's inner loop, when no overlay edge exists (then every
   * neighbour is in them); null otherwise, and the walk goes through `degree`/`neighbour`.
   */
  csr(): { kinds: Uint8Array; kindStart: Int32Array; kindEnd: Int32Array; targets: Int32Array } | null {
    if (this.overlayEdges > 0) return null;
    return { kinds: this.kindArr, kindStart: this.kindStart, kindEnd: this.kindEnd, targets: this.targets };
  }

  kind(node: number): WalkKind {
    return (node < this.kindArr.length ? this.kindArr[node] : this.extraKind[node - this.kindArr.length]) as WalkKind;
  }

  /** Number of neighbours of `kind` (weighted), base and overlay. */
  degree(node: number, kind: WalkKind): number {
    // The hot path of the walk: no Map lookup while nothing was added since the build.
    if (this.overlayEdges === 0) return this.kindEnd[node * 4 + kind]! - this.kindStart[node * 4 + kind]!;
    const base = node < this.kindArr.length ? this.kindEnd[node * 4 + kind]! - this.kindStart[node * 4 + kind]! : 0;
    return base + (this.overlay.get(node * 4 + kind)?.length ?? 0);
  }

  /** The i-th neighbour of `kind` (0 ≤ i < degree). */
  neighbour(node: number, kind: WalkKind, i: number): number {
    if (this.overlayEdges === 0) return this.targets[this.kindStart[node * 4 + kind]! + i]!;
    if (node < this.kindArr.length) {
      const start = this.kindStart[node * 4 + kind]!;
      const baseCount = this.kindEnd[node * 4 + kind]! - start;
      if (i < baseCount) return this.targets[start + i]!;
      i -= baseCount;
    }
    return this.overlay.get(node * 4 + kind)![i]!;
  }

  private ensureNode(key: string, kind: WalkKind): number {
    let node = this.byKey.get(key);
    if (node === undefined) {
      node = this.keys.length;
      this.keys.push(key);
      this.extraKind.push(kind);
      this.byKey.set(key, node);
    }
    return node;
  }

  /** Records an interaction without a rebuild. */
  addInteraction(travellerKey: string, placeKey: string, interactionKind: string): void {
    const weight = EDGE_WEIGHT[interactionKind] ?? 0;
    const place = this.byKey.get(placeKey);
    if (weight === 0 || place === undefined) return;
    const traveller = this.ensureNode(travellerKey, TRAVELLER);
    for (let i = 0; i < weight; i++) {
      this.push(traveller * 4 + PLACE, place);
      this.push(place * 4 + TRAVELLER, traveller);
    }
    this.overlayEdges += weight;
  }

  private push(slot: number, target: number): void {
    const list = this.overlay.get(slot);
    if (list) list.push(target);
    else this.overlay.set(slot, [target]);
  }
}
