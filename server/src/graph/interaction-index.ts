/**
 * Every traveller's interactions with places, as columns: a million places carry ten million interactions,
 * and as graph edges (an object, a key string and adjacency entries each) they took gigabytes and minutes to
 * build. Here an interaction is one row of four numbers, a traveller and a place are small integers, and a
 * traveller's rows are chained so that "the same interaction again" and "everything this traveller did"
 * read only their own rows.
 *
 * Rows are appended and never moved: a taken-back interaction is marked dead and unlinked. So "the rows up
 * to n" is a stable snapshot, which the walk index compacts from while new rows keep arriving
 * (walk-index.ts). Dead rows are reclaimed by `compact()` when they pass half of all rows.
 */
import type { Interaction, InteractionKind } from '../travellers/model.ts';
import type { PlaceIds } from './place-ids.ts';

export const INTERACTION_KINDS: readonly InteractionKind[] = ['liked', 'visited', 'been_there', 'dismissed', 'saved'];
const KIND_CODE = new Map<InteractionKind, number>(INTERACTION_KINDS.map((k, i) => [k, i]));
/** The kind code of a row taken back. */
const DEAD = 255;
const NONE = -1;
/** A slot of the fact table whose row died: probing goes on past it. */
const GONE = -2;
const FIRST_CAPACITY = 1024;
/** The fact table is kept at most this full (open addressing slows sharply beyond). */
const MAX_LOAD = 0.6;

/**
 * The live rows and the travellers of an index, as a snapshot holds them (graph-snapshot.ts): rows in their
 * order, travellers renumbered densely in the order first seen (a dropped traveller leaves no gap).
 */
export interface IndexRows {
  travellerIds: string[];
  /** 1 for a private traveller, by traveller number. */
  privateFlags: Uint8Array;
  travellerOf: Int32Array;
  placeOf: Int32Array;
  kindCode: Uint8Array;
  atMs: Float64Array;
}

/**
 * Where `exportRows` writes the rows, kept from one export to the next and grown only when the rows
 * outgrow it: what an export returns is a view of it, valid until the next export into the same columns.
 */
export class ExportColumns {
  travellerOf = new Int32Array(0);
  placeOf = new Int32Array(0);
  kindCode = new Uint8Array(0);
  atMs = new Float64Array(0);
  private renumbered = new Int32Array(0);
  /** Rows the last export wrote. */
  private written = 0;

  /** Room for `rows` rows. */
  hold(rows: number): void {
    this.travellerOf = grown(this.travellerOf, rows);
    this.placeOf = grown(this.placeOf, rows);
    this.kindCode = grown(this.kindCode, rows);
    this.atMs = grown(this.atMs, rows);
  }

  /**
   * Records that an export wrote `rows` rows, and clears those of the export before beyond them: rows taken
   * back since (an erasure) are not kept in memory until the columns are written over.
   */
  wrote(rows: number): void {
    if (rows < this.written) {
      this.travellerOf.fill(0, rows, this.written);
      this.placeOf.fill(0, rows, this.written);
      this.kindCode.fill(0, rows, this.written);
      this.atMs.fill(0, rows, this.written);
    }
    this.written = rows;
  }

  /** A traveller slot → dense number array of `slots` entries, every one NONE. */
  renumberingFor(slots: number): Int32Array {
    this.renumbered = grown(this.renumbered, slots);
    return this.renumbered.fill(NONE, 0, slots);
  }
}

/** One row, as `forEach` hands it out: the traveller and place as numbers, the kind as its code. */
export type RowVisitor = (traveller: number, place: number, kind: number, at: number, row: number) => void;

export interface AddedRow {
  row: number;
  added: boolean;
  before: number | null;
  traveller: number;
  place: number;
}

export const kindOf = (code: number): InteractionKind => INTERACTION_KINDS[code]!;
export const codeOf = (kind: InteractionKind): number => KIND_CODE.get(kind)!;

/** `a` if it holds `size`, else a copy in a longer array (the walk index's per-node arrays grow so too). */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  // 1.5× rather than 2×: at ten million rows a doubling would leave up to 100 MB unused.
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, Math.ceil(a.length * 1.5), FIRST_CAPACITY));
  next.set(a);
  return next;
}

export class InteractionIndex {
  private readonly travellerNumber = new Map<string, number>();
  private travellerIdAt: (string | null)[] = [];
  /** 1 for a private traveller (a demo visitor): in no one else's ranking (travel-graph.ts). */
  private privateFlag = new Uint8Array(0);
  private firstRow = new Int32Array(0);
  private lastRow = new Int32Array(0);

  private travellerOf = new Int32Array(0);
  private placeOf = new Int32Array(0);
  private kindCode = new Uint8Array(0);
  private atMs = new Float64Array(0);
  private nextOfTraveller = new Int32Array(0);
  private rowCount = 0;
  private liveCount = 0;
  /**
   * Open-addressing hash table of live rows by (traveller, place, kind), linear probing: "the same fact
   * again" is one probe or two whatever the traveller's history. A chain walk was O(history) per add, and a
   * build of ten million rows from travellers with hundreds each spent most of its time there; a Map keyed
   * by a number per row would cost some 40 bytes a row, this table 4 bytes a slot.
   */
  private facts = new Int32Array(FIRST_CAPACITY).fill(NONE);
  /** Slots of `facts` holding a row or GONE. */
  private factSlotsUsed = 0;
  /** Bumped when a row dies or rows move (compaction): a snapshot taken before is no longer whole. */
  generation = 0;

  constructor(private readonly places: PlaceIds) {}

  /** Rows ever appended and not yet compacted away (live and dead): a snapshot is "rows below this". */
  get rows(): number {
    return this.rowCount;
  }

  /** Interactions held. */
  get size(): number {
    return this.liveCount;
  }

  /** Travellers held, private ones included. */
  get travellers(): number {
    return this.travellerNumber.size;
  }

  /** Number slots given to travellers so far (a dropped traveller's slot stays empty). */
  get travellerSlots(): number {
    return this.travellerIdAt.length;
  }

  /** Makes room for `more` rows at once (a build that knows its count allocates once). */
  reserve(more: number): void {
    const size = this.rowCount + more;
    this.travellerOf = grown(this.travellerOf, size);
    this.placeOf = grown(this.placeOf, size);
    this.kindCode = grown(this.kindCode, size);
    this.atMs = grown(this.atMs, size);
    this.nextOfTraveller = grown(this.nextOfTraveller, size);
    if (size > this.facts.length * MAX_LOAD) this.rehash(size);
  }

  traveller(id: string): number | undefined {
    return this.travellerNumber.get(id);
  }

  travellerId(t: number): string | null {
    return this.travellerIdAt[t] ?? null;
  }

  isPrivate(t: number): boolean {
    return this.privateFlag[t] === 1;
  }

  /** The traveller's number, given one at first sight. */
  ensureTraveller(id: string, isPrivate = false): number {
    let t = this.travellerNumber.get(id);
    if (t === undefined) {
      t = this.travellerIdAt.length;
      this.travellerNumber.set(id, t);
      this.travellerIdAt.push(id);
      const n = t + 1;
      this.privateFlag = grown(this.privateFlag, n);
      this.firstRow = grown(this.firstRow, n);
      this.lastRow = grown(this.lastRow, n);
      this.firstRow[t] = NONE;
      this.lastRow[t] = NONE;
    }
    if (isPrivate) this.privateFlag[t] = 1;
    return t;
  }

  /** Every traveller held, private ones included, in the order first seen. */
  *travellerIds(): Generator<string> {
    for (const id of this.travellerIdAt) if (id !== null) yield id;
  }

  private static hash(t: number, place: number, kind: number): number {
    // Two multiplicative mixes (Knuth's and Murmur's constants), kept in 32 bits.
    let h = Math.imul(t, 0x9e3779b1) ^ Math.imul(place + 1, 0x85ebca6b) ^ kind;
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return (h ^ (h >>> 12)) >>> 0;
  }

  /** The slot of the fact's row in `facts`, or of the first free slot where it would go (`facts[slot]` NONE). */
  private slotOf(t: number, place: number, kind: number): number {
    const mask = this.facts.length - 1;
    let slot = InteractionIndex.hash(t, place, kind) & mask;
    let reusable = -1;
    for (;;) {
      const r = this.facts[slot]!;
      if (r === NONE) return reusable >= 0 ? reusable : slot;
      if (r === GONE) {
        if (reusable < 0) reusable = slot;
      } else if (this.travellerOf[r] === t && this.placeOf[r] === place && this.kindCode[r] === kind) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private find(t: number, place: number, kind: number): number {
    const r = this.facts[this.slotOf(t, place, kind)]!;
    return r >= 0 ? r : NONE;
  }

  /** Rebuilds the fact table for the live rows, at a size that leaves `expected` rows at most a third full. */
  private rehash(expected = this.liveCount): void {
    let size = FIRST_CAPACITY;
    while (size * MAX_LOAD < expected * 2) size *= 2;
    this.facts = new Int32Array(size).fill(NONE);
    this.factSlotsUsed = 0;
    for (let r = 0; r < this.rowCount; r++) if (this.kindCode[r] !== DEAD) this.remember(r);
  }

  private remember(r: number): void {
    const mask = this.facts.length - 1;
    let slot = InteractionIndex.hash(this.travellerOf[r]!, this.placeOf[r]!, this.kindCode[r]!) & mask;
    while (this.facts[slot]! >= 0) slot = (slot + 1) & mask;
    if (this.facts[slot] === NONE) this.factSlotsUsed++;
    this.facts[slot] = r;
  }

  private forget(r: number): void {
    this.facts[this.slotOf(this.travellerOf[r]!, this.placeOf[r]!, this.kindCode[r]!)] = GONE;
  }

  /**
   * Records an interaction; the same traveller, place and kind again only moves its time forward (one row
   * per fact, as the store keeps it). Returns the row, whether it is new, the row's time before (null for a
   * new row), and the traveller's and the place's numbers (so a caller looks neither up again).
   */
  add(travellerId: string, placeId: string, kind: InteractionKind, at: number): AddedRow {
    const t = this.ensureTraveller(travellerId);
    const place = this.places.number(placeId);
    const code = codeOf(kind);
    const existing = this.find(t, place, code);
    if (existing !== NONE) {
      const before = this.atMs[existing]!;
      if (at > before) this.atMs[existing] = at;
      return { row: existing, added: false, before, traveller: t, place };
    }
    if (this.rowCount === this.travellerOf.length) this.reserve(1);
    const r = this.rowCount++;
    this.travellerOf[r] = t;
    this.placeOf[r] = place;
    this.kindCode[r] = code;
    this.atMs[r] = at;
    this.nextOfTraveller[r] = NONE;
    if (this.lastRow[t] === NONE) this.firstRow[t] = r;
    else this.nextOfTraveller[this.lastRow[t]!] = r;
    this.lastRow[t] = r;
    this.liveCount++;
    if (this.factSlotsUsed + 1 > this.facts.length * MAX_LOAD) this.rehash();
    else this.remember(r);
    return { row: r, added: true, before: null, traveller: t, place };
  }

  /** The time of a row (the latest of the fact's repeats). */
  at(row: number): number {
    return this.atMs[row]!;
  }

  /**
   * Where a held fact's entries sit among its traveller's entries at its place, for an index that repeats
   * each row `weights[kind]` times in row order (walk-index.ts): the traveller's and the place's numbers,
   * the kind's code, and the weight of the traveller's earlier rows at that place. Null when not held.
   */
  locate(travellerId: string, placeId: string, kind: InteractionKind, weights: Uint8Array): { traveller: number; place: number; code: number; before: number } | null {
    const t = this.travellerNumber.get(travellerId);
    const place = this.places.find(placeId);
    if (t === undefined || place === undefined) return null;
    const code = codeOf(kind);
    const row = this.find(t, place, code);
    if (row === NONE) return null;
    // A traveller's chain is in row order (rows are appended at its end, and compaction keeps the order).
    let before = 0;
    for (let r = this.firstRow[t]!; r !== row; r = this.nextOfTraveller[r]!) if (this.placeOf[r] === place) before += weights[this.kindCode[r]!]!;
    return { traveller: t, place, code, before };
  }

  /** Takes one interaction back; returns its time, or null when it was not held. */
  remove(travellerId: string, placeId: string, kind: InteractionKind): number | null {
    const t = this.travellerNumber.get(travellerId);
    const place = this.places.find(placeId);
    if (t === undefined || place === undefined) return null;
    const code = codeOf(kind);
    let previous = NONE;
    for (let r = this.firstRow[t]!; r !== NONE; previous = r, r = this.nextOfTraveller[r]!) {
      if (this.placeOf[r] !== place || this.kindCode[r] !== code) continue;
      const next = this.nextOfTraveller[r]!;
      if (previous === NONE) this.firstRow[t] = next;
      else this.nextOfTraveller[previous] = next;
      if (this.lastRow[t] === r) this.lastRow[t] = previous;
      const at = this.atMs[r]!;
      this.kill(r);
      this.compactIfSparse();
      return at;
    }
    return null;
  }

  /** Forgets a traveller and every row of theirs (erasure); false when they were not held. */
  dropTraveller(travellerId: string): boolean {
    const t = this.travellerNumber.get(travellerId);
    if (t === undefined) return false;
    for (let r = this.firstRow[t]!; r !== NONE; r = this.nextOfTraveller[r]!) this.kill(r);
    this.firstRow[t] = NONE;
    this.lastRow[t] = NONE;
    this.privateFlag[t] = 0;
    this.travellerNumber.delete(travellerId);
    this.travellerIdAt[t] = null;
    this.compactIfSparse();
    return true;
  }

  private kill(r: number): void {
    this.forget(r);
    this.kindCode[r] = DEAD;
    this.liveCount--;
    this.generation++;
  }

  private compactIfSparse(): void {
    if (this.rowCount > 1024 && this.liveCount < this.rowCount / 2) this.compact();
  }

  /** A traveller's interactions, in the order they were first recorded. */
  of(travellerId: string): Interaction[] {
    const t = this.travellerNumber.get(travellerId);
    if (t === undefined) return [];
    const out: Interaction[] = [];
    for (let r = this.firstRow[t]!; r !== NONE; r = this.nextOfTraveller[r]!) {
      out.push({ travellerId, placeId: this.places.id(this.placeOf[r]!), kind: kindOf(this.kindCode[r]!), at: new Date(this.atMs[r]!) });
    }
    return out;
  }

  /**
   * The live rows and the travellers, for a snapshot (see IndexRows). The row columns are views of
   * `columns`, valid until its next export: a caller that exports again and again (the snapshot writer)
   * keeps one, since ten million rows are 170 MB of columns and allocating that much at once set off two
   * full collections of the whole heap, a second each at a million places.
   */
  exportRows(columns = new ExportColumns()): IndexRows {
    const slots = this.travellerIdAt.length;
    const renumbered = columns.renumberingFor(slots);
    const travellerIds: string[] = [];
    const privateFlags = new Uint8Array(this.travellerNumber.size);
    for (let t = 0; t < slots; t++) {
      const id = this.travellerIdAt[t]!;
      if (id === null) continue;
      renumbered[t] = travellerIds.length;
      privateFlags[travellerIds.length] = this.privateFlag[t]!;
      travellerIds.push(id);
    }
    const n = this.liveCount;
    columns.hold(n);
    const { travellerOf, placeOf, kindCode, atMs } = columns;
    let w = 0;
    for (let r = 0; r < this.rowCount; r++) {
      const k = this.kindCode[r]!;
      if (k === DEAD) continue;
      travellerOf[w] = renumbered[this.travellerOf[r]!]!;
      placeOf[w] = this.placeOf[r]!;
      kindCode[w] = k;
      atMs[w++] = this.atMs[r]!;
    }
    columns.wrote(n);
    return { travellerIds, privateFlags, travellerOf: travellerOf.subarray(0, n), placeOf: placeOf.subarray(0, n), kindCode: kindCode.subarray(0, n), atMs: atMs.subarray(0, n) };
  }

  /**
   * Takes a snapshot's rows in, into an index that holds nothing yet: the rows in their order, each
   * traveller's chain and the fact table built in one pass, no id looked up. The rows must name places of
   * this index's PlaceIds (restored from the same snapshot) and hold each fact once.
   */
  importRows(rows: IndexRows): void {
    if (this.travellerIdAt.length > 0 || this.rowCount > 0) throw new Error('rows are imported into an empty index only');
    const travellers = rows.travellerIds.length;
    const n = rows.travellerOf.length;
    for (let t = 0; t < travellers; t++) this.ensureTraveller(rows.travellerIds[t]!, rows.privateFlags[t] === 1);
    if (this.travellerNumber.size !== travellers) throw new Error('a snapshot lists a traveller twice');
    this.reserve(n);
    for (let r = 0; r < n; r++) {
      const t = rows.travellerOf[r]!;
      const place = rows.placeOf[r]!;
      const code = rows.kindCode[r]!;
      if (t < 0 || t >= travellers || place < 0 || place >= this.places.size || code >= INTERACTION_KINDS.length) throw new Error(`a snapshot row names no known traveller, place or kind (row ${r})`);
      const slot = this.slotOf(t, place, code);
      if (this.facts[slot]! >= 0) throw new Error(`a snapshot holds a fact twice (row ${r})`);
      this.travellerOf[r] = t;
      this.placeOf[r] = place;
      this.kindCode[r] = code;
      this.atMs[r] = rows.atMs[r]!;
      this.nextOfTraveller[r] = NONE;
      if (this.lastRow[t] === NONE) this.firstRow[t] = r;
      else this.nextOfTraveller[this.lastRow[t]!] = r;
      this.lastRow[t] = r;
      this.facts[slot] = r;
      this.factSlotsUsed++;
      this.rowCount = r + 1;
      this.liveCount = r + 1;
    }
  }

  /** Visits every live row in [from, to), in the order appended. */
  forEach(visit: RowVisitor, from = 0, to = this.rowCount): void {
    const kinds = this.kindCode;
    for (let r = from; r < to; r++) {
      const k = kinds[r]!;
      if (k !== DEAD) visit(this.travellerOf[r]!, this.placeOf[r]!, k, this.atMs[r]!, r);
    }
  }

  /** Rewrites the rows without the dead ones, in the same order; chains and row numbers change. */
  compact(): void {
    let w = 0;
    this.firstRow.fill(NONE);
    this.lastRow.fill(NONE);
    for (let r = 0; r < this.rowCount; r++) {
      if (this.kindCode[r] === DEAD) continue;
      const t = this.travellerOf[r]!;
      this.travellerOf[w] = t;
      this.placeOf[w] = this.placeOf[r]!;
      this.kindCode[w] = this.kindCode[r]!;
      this.atMs[w] = this.atMs[r]!;
      this.nextOfTraveller[w] = NONE;
      if (this.lastRow[t] === NONE) this.firstRow[t] = w;
      else this.nextOfTraveller[this.lastRow[t]!] = w;
      this.lastRow[t] = w;
      w++;
    }
    this.rowCount = w;
    this.rehash();
    this.generation++;
  }
}
