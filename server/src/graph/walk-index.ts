/**
 * A compact, typed-array view of the travel graph for random walks: places, travellers, tags and categories
 * as integer nodes with CSR adjacency, each place's neighbours grouped by kind so a walk can choose "a
 * co-visiting traveller" or "a shared tag" in O(1). graphology stays the model; this index is derived from
 * it (toolchain note: graphology's accessors are too slow for a hot path over a million edges) and patched
 * with an overlay as interactions arrive, until the next rebuild.
 */
import type { MultiDirectedGraph } from 'graphology';
import { PRACTICAL_TAGS } from '@escale/shared';

export const PLACE = 0;
export const TRAVELLER = 1;
export const TAG = 2;
export const CATEGORY = 3;
export type WalkKind = typeof PLACE | typeof TRAVELLER | typeof TAG | typeof CATEGORY;

const KIND_OF_TYPE: Record<string, WalkKind | undefined> = { place: PLACE, traveller: TRAVELLER, tag: TAG, category: CATEGORY };

/** Interactions that say "I liked this" count twice as much as a visit in the walk. */
const EDGE_WEIGHT: Record<string, number> = { liked: 2, visited: 1, booked: 2 };

interface GraphLike {
  forEachNode(cb: (key: string, attrs: { type: string; private?: boolean; place?: { cityId: string } }) => void): void;
  forEachEdge(cb: (key: string, attrs: { type: string; kind?: string }, source: string, target: string) => void): void;
}

/** The walk's node of a tag or category (`tag:wine`) in one city: `tag:wine@paris`. */
export function scopedKey(key: string, cityId: string): string {
  return `${key}@${cityId}`;
}

/** The tag or category id of a walk node's key (`tag:wine@paris` → `wine`). */
export function idOfWalkKey(key: string): string {
  const id = key.slice(key.indexOf(':') + 1);
  const at = id.lastIndexOf('@');
  return at < 0 ? id : id.slice(0, at);
}

export class WalkIndex {
  /** Node kinds; nodes appended after the build live in `extraKind`. */
  private constructor(
    readonly keys: string[],
    private readonly kindArr: Uint8Array,
    readonly byKey: Map<string, number>,
    /** Place id (without the `place:` prefix) → node: the ranking looks places up by id, many per request. */
    private readonly placeNodes: Map<string, number>,
    /**
     * CSR with per-kind runs: the neighbours of kind k of node n are targets[runs[4n + k] .. runs[4n + k + 1]),
     * kinds in order (places, travellers, tags, categories). One array for starts and ends, so a node's four
     * degrees sit in one cache line: the walk is bound by memory latency, not arithmetic.
     */
    private readonly runs: Int32Array,
    private readonly targets: Int32Array,
  ) {
    this.patchedNodes = new Uint8Array(kindArr.length);
  }

  private readonly extraKind: WalkKind[] = [];
  /** Edges added since the build: node → neighbours of a kind, keyed `node * 4 + kind`. */
  private readonly overlay = new Map<number, number[]>();
  /** 1 for a built node that has overlay edges. */
  private readonly patchedNodes: Uint8Array;
  private overlayEdges = 0;

  static fromGraph(graph: MultiDirectedGraph | GraphLike): WalkIndex {
    const g = graph as unknown as GraphLike;
    const keys: string[] = [];
    const kinds: number[] = [];
    const byKey = new Map<string, number>();
    const placeNodes = new Map<string, number>();
    const add = (key: string, kind: number) => {
      byKey.set(key, keys.length);
      keys.push(key);
      kinds.push(kind);
    };
    const cityOfPlace = new Map<string, string>();
    g.forEachNode((key, attrs) => {
      const kind = KIND_OF_TYPE[attrs.type];
      // A private traveller (a demo visitor) is nobody's connector: left out, their edges are skipped too.
      if (kind === undefined || attrs.private) return;
      // Tags and categories are nodes per city (below): a walk through "wine" stays in the city it started in.
      if (kind === TAG || kind === CATEGORY) return;
      if (kind === PLACE) {
        placeNodes.set(key.slice(key.indexOf(':') + 1), keys.length);
        cityOfPlace.set(key, attrs.place?.cityId ?? '');
      }
      add(key, kind);
    });
    // A place's tag or category is the node of that tag in the place's city (`scopedKey`).
    const walkTarget = (type: string, source: string, target: string): string | undefined => {
      if (type !== 'tagged' && type !== 'in_category') return target;
      // Practical tags (access, setting) say how a place is, not what anyone likes: no walk goes through one.
      if (type === 'tagged' && PRACTICAL_TAGS.has(target.slice(target.indexOf(':') + 1))) return undefined;
      const city = cityOfPlace.get(source);
      return city === undefined ? undefined : scopedKey(target, city);
    };
    g.forEachEdge((_k, attrs, source, target) => {
      const scoped = walkTarget(attrs.type, source, target);
      if (scoped !== undefined && scoped !== target && !byKey.has(scoped)) add(scoped, attrs.type === 'tagged' ? TAG : CATEGORY);
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
        const walked = walkTarget(attrs.type, source, target);
        const a = byKey.get(source);
        const b = walked === undefined ? undefined : byKey.get(walked);
        if (a !== undefined && b !== undefined) cb(a, b, weight);
      });
    forEachWalkEdge((a, b, w) => {
      counts[a * 4 + kindArr[b]!]! += w;
      counts[b * 4 + kindArr[a]!]! += w;
    });

    // Per-kind runs: each run ends where the next begins (the last node's last run ends at runs[4n]).
    const runs = new Int32Array(n * 4 + 1);
    for (let slot = 0; slot < n * 4; slot++) runs[slot + 1] = runs[slot]! + counts[slot]!;

    // Pass 2: fill, with a write cursor per run.
    const targets = new Int32Array(runs[n * 4]!);
    const cursor = runs.slice(0, n * 4);
    forEachWalkEdge((a, b, w) => {
      for (let i = 0; i < w; i++) {
        targets[cursor[a * 4 + kindArr[b]!]!++] = b;
        targets[cursor[b * 4 + kindArr[a]!]!++] = a;
      }
    });
    return new WalkIndex(keys, kindArr, byKey, placeNodes, runs, targets);
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
   * Direct access to the CSR arrays for the walk's inner loop: a node for which `patched(node)` is true has
   * overlay edges (or was added after the build) and must be read through `degree`/`neighbour`; every other
   * node's neighbours are all in the arrays.
   */
  arrays(): { kinds: Uint8Array; runs: Int32Array; targets: Int32Array } {
    return { kinds: this.kindArr, runs: this.runs, targets: this.targets };
  }

  /** Whether a node has edges outside the CSR arrays (see `arrays`). */
  patched(node: number): boolean {
    return this.overlayEdges > 0 && (node >= this.kindArr.length || this.patchedNodes[node] === 1);
  }

  /** The node of a place, by the place's id. */
  placeNode(placeId: string): number | undefined {
    return this.placeNodes.get(placeId);
  }

  kind(node: number): WalkKind {
    return (node < this.kindArr.length ? this.kindArr[node] : this.extraKind[node - this.kindArr.length]) as WalkKind;
  }

  /** Number of neighbours of `kind` (weighted), base and overlay. */
  degree(node: number, kind: WalkKind): number {
    // The hot path of the walk: no Map lookup while nothing was added since the build.
    const slot = node * 4 + kind;
    if (this.overlayEdges === 0) return this.runs[slot + 1]! - this.runs[slot]!;
    const base = node < this.kindArr.length ? this.runs[slot + 1]! - this.runs[slot]! : 0;
    return base + (this.overlay.get(node * 4 + kind)?.length ?? 0);
  }

  /** The i-th neighbour of `kind` (0 ≤ i < degree). */
  neighbour(node: number, kind: WalkKind, i: number): number {
    const slot = node * 4 + kind;
    if (this.overlayEdges === 0) return this.targets[this.runs[slot]! + i]!;
    if (node < this.kindArr.length) {
      const start = this.runs[slot]!;
      const baseCount = this.runs[slot + 1]! - start;
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
    for (const node of [traveller, place]) if (node < this.patchedNodes.length) this.patchedNodes[node] = 1;
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
