/**
 * The compact index of the travel graph's relations, for random walks and popularity: places, travellers,
 * tags and categories as integer nodes with CSR adjacency, each node's neighbours grouped by kind so a walk
 * can choose "a co-visiting traveller" or "a shared tag" in O(1). Built in one pass from the catalogue's
 * places and the interaction rows (interaction-index.ts), never from graph edges: at a million places an
 * edge object per relation took gigabytes. Interactions that arrive after the build go to an overlay
 * (an append buffer), until the graph swaps in a compacted index built in the background (travel-graph.ts).
 */
import { PRACTICAL_TAGS } from '@escale/shared';
import { grown, type InteractionIndex, INTERACTION_KINDS } from './interaction-index.ts';
import type { PlaceIds } from './place-ids.ts';

export const PLACE = 0;
export const TRAVELLER = 1;
export const TAG = 2;
export const CATEGORY = 3;
export type WalkKind = typeof PLACE | typeof TRAVELLER | typeof TAG | typeof CATEGORY;

/** Interactions that say "I liked this" count twice as much as a visit in the walk. */
const EDGE_WEIGHT: Record<string, number> = { liked: 2, visited: 1, booked: 2 };
/** The same, by the interaction rows' kind code. */
export const WEIGHT_OF_CODE = Uint8Array.from(INTERACTION_KINDS, (k) => EDGE_WEIGHT[k] ?? 0);

/** What the index is built from: the catalogue's places and the interaction rows (travel-graph.ts). */
export interface WalkSource {
  places: PlaceIds;
  /** Every place in the catalogue (not archived), in the catalogue's order, with what the walk reads of it. */
  forEachPlace(visit: (n: number, cityId: string, category: string, tags: readonly string[]) => void): void;
  interactions: InteractionIndex;
  /** Rows of `interactions` below this are built in (a snapshot); the default is every row. */
  rowsUpTo?: number;
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

const PLACE_PREFIX = 'place:';
const TRAVELLER_PREFIX = 'traveller:';

/**
 * Rows between two yields of a build run in slices (`buildInSlices`): some milliseconds of work, so a
 * compaction in the background leaves the rankings their turn.
 */
export const ROWS_PER_SLICE = 200_000;

export class WalkIndex {
  /**
   * Node kinds; nodes appended after the build live in `extraKind`. Places are nodes 0 … placeCount − 1, by
   * their number (place-ids.ts); then the public travellers; then tags and categories, per city.
   */
  private constructor(
    private readonly places: PlaceIds,
    private readonly placeCount: number,
    /** Keys of the nodes after the places (travellers, tags, categories, extra nodes). */
    private readonly otherKeys: string[],
    private readonly kindArr: Uint8Array,
    private readonly otherNodes: Map<string, number>,
    /** Traveller slot (interaction-index.ts) → node, -1 for a private or dropped one. */
    private readonly travellerNodes: Int32Array,
    /**
     * CSR with per-kind runs: the neighbours of kind k of node n are targets[runs[4n + k] .. runs[4n + k + 1]),
     * kinds in order (places, travellers, tags, categories). One array for starts and ends, so a node's four
     * degrees sit in one cache line: the walk is bound by memory latency, not arithmetic.
     */
    private readonly runs: Int32Array,
    private readonly targets: Int32Array,
    /** Rows of the interaction index built in: later ones are in the overlay. */
    readonly rowsUpTo: number,
  ) {
    this.patchedNodes = new Uint8Array(kindArr.length);
    this.overlayOf = new Int32Array(kindArr.length);
  }

  private readonly extraKind: WalkKind[] = [];
  /**
   * Edges added since the build. An interaction only ever adds to a traveller's places and to a place's
   * travellers, so a node has at most one appended list, found by its node number: `overlayOf[node]` is its
   * index in `overlayLists`, plus one (0: none). An array read per append, where a Map keyed by node and
   * kind cost a quarter of an append at a million places (hashing, probing, rehashing as it grew).
   */
  private overlayOf: Int32Array;
  private readonly overlayLists: number[][] = [];
  /**
   * The whole neighbour list of a node and kind that lost entries since the build (an undo, an erasure),
   * keyed `node * 4 + kind`: it replaces the CSR run and the appended list, and takes that key's later appends.
   */
  private readonly replaced = new Map<number, number[]>();
  /** 1 for a built node whose neighbours changed since the build (appended or taken back). */
  private readonly patchedNodes: Uint8Array;
  /** Whether anything changed since the build: until then every read goes straight to the CSR arrays. */
  private changed = false;
  private overlayEdges = 0;
  private removedEdges = 0;
  /** Travellers first seen after the build, by slot. */
  private readonly extraTravellers = new Map<number, number>();

  /** Builds the whole index at once. */
  static build(source: WalkSource): WalkIndex {
    const steps = WalkIndex.buildInSlices(source);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * The build as a generator that yields every ROWS_PER_SLICE rows or places: a caller may run it to the end
   * (`build`) or a slice per turn of the event loop (a compaction in the background, travel-graph.ts). The
   * source must not change meanwhile, but for rows appended at or after `rowsUpTo`.
   */
  static *buildInSlices(source: WalkSource): Generator<void, WalkIndex> {
    const { places, interactions } = source;
    const rowsUpTo = source.rowsUpTo ?? interactions.rows;
    const placeCount = places.size;
    const otherKeys: string[] = [];
    const kinds: number[] = [];
    const otherNodes = new Map<string, number>();
    const addOther = (key: string, kind: number): number => {
      const node = placeCount + otherKeys.length;
      otherNodes.set(key, node);
      otherKeys.push(key);
      kinds.push(kind);
      return node;
    };
    // Public travellers, in the order first seen; a private traveller (a demo visitor) is nobody's
    // connector: no node, and their rows are skipped.
    const slots = interactions.travellerSlots;
    const travellerNodes = new Int32Array(slots).fill(-1);
    for (let t = 0; t < slots; t++) {
      const id = interactions.travellerId(t);
      if (id !== null && !interactions.isPrivate(t)) travellerNodes[t] = addOther(TRAVELLER_PREFIX + id, TRAVELLER);
    }
    // A place's tags and category, as nodes of that tag in the place's city (`scopedKey`): a walk through
    // "wine" stays in the city it started in. Practical tags (access, setting) say how a place is, not what
    // anyone likes: no walk goes through one. Kept as (place, node) pairs for the two passes below.
    const linkPlace: number[] = [];
    const linkNode: number[] = [];
    const scoped = (key: string, city: string, kind: number) => {
      const k = scopedKey(key, city);
      return otherNodes.get(k) ?? addOther(k, kind);
    };
    source.forEachPlace((n, city, category, tags) => {
      linkPlace.push(n);
      linkNode.push(scoped(`category:${category}`, city, CATEGORY));
      for (const tag of tags) {
        if (PRACTICAL_TAGS.has(tag)) continue;
        linkPlace.push(n);
        linkNode.push(scoped(`tag:${tag}`, city, TAG));
      }
    });
    yield;
    // The rows the walk reads (a public traveller, a kind with a weight), a slice between yields.
    function* walkedRows(edge: (traveller: number, place: number, weight: number) => void): Generator<void> {
      for (let from = 0; from < rowsUpTo; from += ROWS_PER_SLICE) {
        const to = Math.min(rowsUpTo, from + ROWS_PER_SLICE);
        interactions.forEach(
          (t, p, kind) => {
            const w = WEIGHT_OF_CODE[kind]!;
            const a = travellerNodes[t]!;
            if (w > 0 && a >= 0) edge(a, p, w);
          },
          from,
          to,
        );
        yield;
      }
    }
    const n = placeCount + otherKeys.length;
    const kindArr = new Uint8Array(n);
    for (let i = 0; i < kinds.length; i++) kindArr[placeCount + i] = kinds[i]!;

    // Pass 1: degree per (node, neighbour kind), counting weights as repeated entries.
    const counts = new Int32Array(n * 4);
    for (let i = 0; i < linkPlace.length; i++) {
      const a = linkPlace[i]!;
      const b = linkNode[i]!;
      counts[a * 4 + kindArr[b]!]!++;
      counts[b * 4 + PLACE]!++;
    }
    yield* walkedRows((a, p, w) => {
      counts[a * 4 + PLACE]! += w;
      counts[p * 4 + TRAVELLER]! += w;
    });

    // Per-kind runs: each run ends where the next begins (the last node's last run ends at runs[4n]).
    const runs = new Int32Array(n * 4 + 1);
    for (let slot = 0; slot < n * 4; slot++) runs[slot + 1] = runs[slot]! + counts[slot]!;

    // Pass 2: fill, with a write cursor per run, in the same order as pass 1.
    const targets = new Int32Array(runs[n * 4]!);
    const cursor = runs.slice(0, n * 4);
    for (let i = 0; i < linkPlace.length; i++) {
      const a = linkPlace[i]!;
      const b = linkNode[i]!;
      targets[cursor[a * 4 + kindArr[b]!]!++] = b;
      targets[cursor[b * 4 + PLACE]!++] = a;
    }
    yield;
    yield* walkedRows((a, p, w) => {
      for (let i = 0; i < w; i++) {
        targets[cursor[a * 4 + PLACE]!++] = p;
        targets[cursor[p * 4 + TRAVELLER]!++] = a;
      }
    });
    return new WalkIndex(places, placeCount, otherKeys, kindArr, otherNodes, travellerNodes, runs, targets, rowsUpTo);
  }

  get nodeCount(): number {
    return this.kindArr.length + this.extraKind.length;
  }

  get edgeEntries(): number {
    return this.targets.length + (this.overlayEdges - this.removedEdges) * 2;
  }

  /** Entries in the CSR arrays (each edge twice, weighted): what a compaction rewrites. */
  get builtEntries(): number {
    return this.targets.length;
  }

  /** Edges appended or taken back since the build: what a compaction would fold in. */
  get overlaySize(): number {
    return this.overlayEdges + this.removedEdges;
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
    return this.changed && (node >= this.kindArr.length || this.patchedNodes[node] === 1);
  }

  /** The node of a place, by the place's id (a place added after the build has none: the graph rebuilds). */
  placeNode(placeId: string): number | undefined {
    const n = this.places.find(placeId);
    return n !== undefined && n < this.placeCount ? n : undefined;
  }

  /** The node of a key (`place:…`, `traveller:…`, or a scoped tag or category), if the index has it. */
  nodeOf(key: string): number | undefined {
    return key.startsWith(PLACE_PREFIX) ? this.placeNode(key.slice(PLACE_PREFIX.length)) : this.otherNodes.get(key);
  }

  /** The key of a node (see nodeOf); a place's is made on demand, as a million of them are never asked for. */
  keyOf(node: number): string {
    return node < this.placeCount ? PLACE_PREFIX + this.places.id(node) : this.otherKeys[node - this.placeCount]!;
  }

  kind(node: number): WalkKind {
    return (node < this.kindArr.length ? this.kindArr[node] : this.extraKind[node - this.kindArr.length]) as WalkKind;
  }

  /** Number of neighbours of `kind` (weighted), base and overlay. */
  degree(node: number, kind: WalkKind): number {
    // The hot path of the walk: no Map lookup while nothing was added since the build.
    const slot = node * 4 + kind;
    if (!this.changed) return this.runs[slot + 1]! - this.runs[slot]!;
    const whole = this.replaced.get(slot);
    if (whole) return whole.length;
    const base = node < this.kindArr.length ? this.runs[slot + 1]! - this.runs[slot]! : 0;
    return base + (this.appended(node, kind)?.length ?? 0);
  }

  /** The i-th neighbour of `kind` (0 ≤ i < degree). */
  neighbour(node: number, kind: WalkKind, i: number): number {
    const slot = node * 4 + kind;
    if (!this.changed) return this.targets[this.runs[slot]! + i]!;
    const whole = this.replaced.get(slot);
    if (whole) return whole[i]!;
    if (node < this.kindArr.length) {
      const start = this.runs[slot]!;
      const baseCount = this.runs[slot + 1]! - start;
      if (i < baseCount) return this.targets[start + i]!;
      i -= baseCount;
    }
    return this.appended(node, kind)![i]!;
  }

  /** The traveller's node (undefined for a private traveller, or one the index has not met). */
  travellerNode(slot: number): number | undefined {
    const node = slot < this.travellerNodes.length ? this.travellerNodes[slot]! : (this.extraTravellers.get(slot) ?? -1);
    return node < 0 ? undefined : node;
  }

  /**
   * Records a row of the interaction index without a rebuild (its traveller public). `slot` and `place` are
   * the row's numbers; a place newer than the build has no node (the graph rebuilds after a new place).
   */
  addInteraction(slot: number, travellerId: string, place: number, kindCode: number): void {
    const weight = WEIGHT_OF_CODE[kindCode]!;
    if (weight === 0 || place >= this.placeCount) return;
    let traveller = this.travellerNode(slot);
    if (traveller === undefined) {
      traveller = this.placeCount + this.otherKeys.length;
      this.otherKeys.push(TRAVELLER_PREFIX + travellerId);
      this.otherNodes.set(TRAVELLER_PREFIX + travellerId, traveller);
      this.extraKind.push(TRAVELLER);
      this.extraTravellers.set(slot, traveller);
    }
    this.patch(traveller);
    this.patch(place);
    for (let i = 0; i < weight; i++) {
      this.push(traveller * 4 + PLACE, place);
      this.push(place * 4 + TRAVELLER, traveller);
    }
    this.overlayEdges += weight;
  }

  /**
   * Takes a row back without a rebuild (an undo): its `weight` entries in the traveller's places and in the
   * place's travellers. `before` is the weight of the traveller's earlier rows at that place
   * (InteractionIndex.locate): entries are in row order, so those are the entries that go, and the lists left
   * are the ones a rebuild would make, in the same order (a walk then takes the same steps as after a rebuild).
   */
  removeInteraction(slot: number, place: number, kindCode: number, before: number): void {
    const weight = WEIGHT_OF_CODE[kindCode]!;
    const traveller = this.travellerNode(slot);
    if (weight === 0 || traveller === undefined || place >= this.placeCount) return;
    const a = takeOut(this.wholeList(traveller * 4 + PLACE), place, before, weight);
    const b = takeOut(this.wholeList(place * 4 + TRAVELLER), traveller, before, weight);
    // Both lists hold the row's entries: a difference means the caller's `before` was wrong, a bug that must
    // surface rather than leave an index that no longer matches the rows.
    if (a !== weight || b !== weight) throw new Error(`walk index: row of traveller slot ${slot} at place ${place} not found (${a}, ${b} of ${weight} entries)`);
    this.removedEdges += weight;
  }

  /**
   * Takes a traveller out altogether (an erasure): every entry of theirs in the places' lists, their own
   * list, and their key, so that nothing in the index names them any longer.
   */
  dropTraveller(slot: number): void {
    const traveller = this.travellerNode(slot);
    if (traveller === undefined) return;
    const own = this.wholeList(traveller * 4 + PLACE);
    for (const place of new Set(own)) takeOut(this.wholeList(place * 4 + TRAVELLER), traveller, 0, Infinity);
    this.removedEdges += own.length;
    own.length = 0;
    const key = this.otherKeys[traveller - this.placeCount]!;
    this.otherNodes.delete(key);
    this.otherKeys[traveller - this.placeCount] = '';
    if (slot < this.travellerNodes.length) this.travellerNodes[slot] = -1;
    else this.extraTravellers.delete(slot);
  }

  private patch(node: number): void {
    this.changed = true;
    if (node < this.patchedNodes.length) this.patchedNodes[node] = 1;
  }

  /** The neighbour list of a node and kind as one array in `replaced`, made from the CSR run and overlay once. */
  private wholeList(key: number): number[] {
    let list = this.replaced.get(key);
    if (list) return list;
    const node = key >> 2;
    this.patch(node);
    list = node < this.kindArr.length ? Array.from(this.targets.subarray(this.runs[key]!, this.runs[key + 1]!)) : [];
    const appended = this.appended(node, (key & 3) as WalkKind);
    if (appended) {
      for (const target of appended) list.push(target);
      appended.length = 0; // the replaced list takes this node's appends from now on
    }
    this.replaced.set(key, list);
    return list;
  }

  private push(slot: number, target: number): void {
    // Most appends find no replaced list (undos are rare): one Map lookup then, not two.
    const list = this.replaced.size > 0 ? this.replaced.get(slot) : undefined;
    if (list) return void list.push(target);
    const node = slot >> 2;
    this.overlayOf = grown(this.overlayOf, node + 1); // nodes added after the build
    const at = this.overlayOf[node]!;
    if (at > 0) this.overlayLists[at - 1]!.push(target);
    else this.overlayOf[node] = this.overlayLists.push([target]);
  }

  /** The node's appended list, if it is of `kind` (a traveller's places, a place's travellers) and has one. */
  private appended(node: number, kind: WalkKind): number[] | undefined {
    if (kind !== (node < this.placeCount ? TRAVELLER : PLACE) || node >= this.overlayOf.length) return undefined;
    const at = this.overlayOf[node]!;
    return at > 0 ? this.overlayLists[at - 1] : undefined;
  }
}

/**
 * Removes from `list`, in place, up to `count` entries equal to `target`, from its `skip`-th occurrence on
 * (the others keep their order); returns how many went.
 */
function takeOut(list: number[], target: number, skip: number, count: number): number {
  let seen = 0;
  let removed = 0;
  let write = 0;
  for (let read = 0; read < list.length; read++) {
    const x = list[read]!;
    if (x === target && removed < count && seen++ >= skip) {
      removed++;
      continue;
    }
    list[write++] = x;
  }
  list.length = write;
  return removed;
}
