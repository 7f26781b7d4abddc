/**
 * Radius queries over places. kdbush is static, so the index is rebuilt lazily after a change: a rebuild
 * of 100k points takes tens of milliseconds, far cheaper than a dynamic tree on every query.
 *
 * A query is a box search in the tree, one distance per point in the box, read from the tree's coordinates,
 * and one native sort of packed keys. A k-nearest search with a priority queue (geokdbush, used before)
 * allocated a queue entry per tree node visited: the largest source of garbage in a ranking.
 */
import KDBush from 'kdbush';
/**
 * Distance for ranking nearby places: an equirectangular projection, within 0.1 % of the great-circle
 * distance at the few kilometres of a walk, at a fraction of haversine's trigonometry per place.
 */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

function nearDistanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * RAD * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = (lat2 - lat1) * RAD;
  return Math.sqrt(x * x + y * y) * EARTH_RADIUS_M;
}

export interface Located {
  id: string;
  lat: number;
  lon: number;
}

/** Items near a point, as positions in the index's current item list, nearest first. */
export interface Nearest {
  positions: readonly number[];
  meters: Float64Array;
}

export class SpatialIndex<T extends Located> {
  private items: T[] = [];
  private index: KDBush | null = null;
  private readonly byId = new Map<string, T>();
  private positions: Map<string, number> | null = null;
  /** Counts rebuilds: positions of one generation mean nothing in another. */
  generation = 0;

  set(item: T): void {
    this.byId.set(item.id, item);
    this.index = null;
  }

  delete(id: string): void {
    if (this.byId.delete(id)) this.index = null;
  }

  /** False after a change, until the next query rebuilds the index. */
  get current(): boolean {
    return this.index !== null;
  }

  get size(): number {
    return this.byId.size;
  }

  private ensureIndex(): KDBush {
    if (this.index) return this.index;
    // Positions follow the tree's own order, so places near each other sit next to each other in every
    // array indexed by position (the place table's columns): a query then reads a few runs of memory
    // rather than a scattering of cache misses. The first tree only gives that order.
    const unordered = [...this.byId.values()];
    this.items = unordered.length === 0 ? [] : Array.from(kdTree(unordered).ids, (i) => unordered[i]!);
    this.positions = null;
    this.generation++;
    this.index = kdTree(this.items);
    return this.index;
  }

  /**
   * Items within `radiusMeters`, nearest first, at most `max`, each passed through `as` with its distance
   * (one object per result, built by the caller's shape).
   */
  near<R>(lat: number, lon: number, radiusMeters: number, max: number, as: (item: T, meters: number) => R): R[] {
    const { positions, meters } = this.nearest(lat, lon, radiusMeters, max);
    const out: R[] = new Array(positions.length);
    for (let k = 0; k < positions.length; k++) out[k] = as(this.items[positions[k]!]!, meters[k]!);
    return out;
  }

  /** As near, without building an object per item: for callers that can reject most items by position. */
  nearest(lat: number, lon: number, radiusMeters: number, max: number): Nearest {
    const index = this.ensureIndex();
    if (this.items.length === 0) return { positions: [], meters: new Float64Array(0) };
    const latSpan = radiusMeters / (EARTH_RADIUS_M * RAD);
    // The widest longitude span the radius can cover, at the box's latitude farthest from the equator.
    const cosEdge = Math.cos(Math.min(90, Math.abs(lat) + latSpan) * RAD);
    const lonSpan = cosEdge > 1e-9 ? latSpan / cosEdge : 360;
    const within = withinBox(index, lon - lonSpan, lat - latSpan, lon + lonSpan, lat + latSpan, lat, lon, radiusMeters);
    const count = Math.min(max, within);
    const order = nearestFirst(scratch.meters, within, radiusMeters, count);
    const positions: number[] = new Array(count);
    const sorted = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      positions[k] = scratch.positions[order[k]!]!;
      sorted[k] = scratch.meters[order[k]!]!;
    }
    return { positions, meters: sorted };
  }

  /** The current item list, in position order (rebuilt after a change; see `generation`). */
  list(): readonly T[] {
    this.ensureIndex();
    return this.items;
  }

  /** The item's position in the current list. */
  positionOf(id: string): number | undefined {
    this.ensureIndex();
    this.positions ??= new Map(this.items.map((item, i) => [item.id, i]));
    return this.positions.get(id);
  }
}

function kdTree(items: readonly Located[]): KDBush {
  const index = new KDBush(Math.max(1, items.length));
  for (const item of items) index.add(item.lon, item.lat);
  if (items.length === 0) index.add(0, 0); // kdbush needs one point; callers check for no items
  return index.finish();
}

/**
 * What a box search found within the radius, in the tree's order: buffers reused by every query (a query
 * reads them before the next one starts), so that a query allocates only what it returns.
 */
const scratch = { positions: new Uint32Array(1024), meters: new Float64Array(1024), keys: new Float64Array(1024), stack: new Int32Array(3 * 64) };

/**
 * kdbush's box search (the same walk down the tree as its `range`), measuring each point in the box as it
 * goes, from the tree's own coordinate array: the tree keeps points of one area together in memory, where
 * the item positions it returns are scattered over the whole catalogue. Writes the points within `radius`
 * of (lat, lon) to `scratch` and returns how many there are. One plain loop over a typed-array stack: a
 * closure per point and an array stack made a query a seventh slower (125 against 108 µs at 100k places,
 * measured in one process alternating both).
 */
function withinBox(index: KDBush, minX: number, minY: number, maxX: number, maxY: number, lat: number, lon: number, radius: number): number {
  const { ids, coords, nodeSize } = index;
  let count = 0;
  let stack = scratch.stack;
  let top = 0;
  stack[top++] = 0;
  stack[top++] = ids.length - 1;
  stack[top++] = 0;
  while (top > 0) {
    const axis = stack[--top]!;
    const right = stack[--top]!;
    const left = stack[--top]!;
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) {
        const x = coords[2 * i]!;
        const y = coords[2 * i + 1]!;
        if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
          const d = nearDistanceMeters(lat, lon, y, x);
          if (d <= radius) count = keep(count, ids[i]!, d);
        }
      }
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m]!;
    const y = coords[2 * m + 1]!;
    if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
      const d = nearDistanceMeters(lat, lon, y, x);
      if (d <= radius) count = keep(count, ids[m]!, d);
    }
    if (top + 6 > stack.length) stack = scratch.stack = grow(stack, new Int32Array(stack.length * 2));
    if (axis === 0 ? minX <= x : minY <= y) {
      stack[top++] = left;
      stack[top++] = m - 1;
      stack[top++] = 1 - axis;
    }
    if (axis === 0 ? maxX >= x : maxY >= y) {
      stack[top++] = m + 1;
      stack[top++] = right;
      stack[top++] = 1 - axis;
    }
  }
  return count;
}

/** Appends a found point to the scratch buffers, growing them as needed; returns the new count. */
function keep(count: number, position: number, meters: number): number {
  if (count === scratch.positions.length) {
    scratch.positions = grow(scratch.positions, new Uint32Array(count * 2));
    scratch.meters = grow(scratch.meters, new Float64Array(count * 2));
  }
  scratch.positions[count] = position;
  scratch.meters[count] = meters;
  return count + 1;
}

function grow<T extends Uint32Array | Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Positions below 2^20 and distances to the millimetre below 1,000 km share one float64 key exactly (2^20 × 10^9 < 2^53). */
const POSITION_BITS = 2 ** 20;
const PACKED_MAX_METERS = 1_000_000;

/**
 * The order of the `wanted` nearest of the first `count` entries of `meters`, nearest first; equal
 * distances (to the millimetre) keep the tree's order, so a query is deterministic. Packed keys, all
 * distinct: the nearest `wanted` are selected first (a busy street has twice as many places within reach as
 * a ranking reads), then one numeric sort of those, with no comparator calls.
 */
function nearestFirst(meters: Float64Array, count: number, radiusMeters: number, wanted: number): ArrayLike<number> {
  if (count >= POSITION_BITS || radiusMeters > PACKED_MAX_METERS) {
    return Array.from({ length: count }, (_, k) => k)
      .sort((a, b) => meters[a]! - meters[b]! || a - b)
      .slice(0, wanted);
  }
  if (scratch.keys.length < count) scratch.keys = new Float64Array(scratch.positions.length);
  const keys = scratch.keys.subarray(0, count);
  for (let k = 0; k < count; k++) keys[k] = Math.round(meters[k]! * 1000) * POSITION_BITS + k;
  if (wanted < count) selectSmallest(keys, wanted);
  const nearest = keys.subarray(0, wanted).sort();
  const order = new Uint32Array(wanted);
  for (let k = 0; k < wanted; k++) order[k] = nearest[k]! % POSITION_BITS;
  return order;
}

/**
 * Moves the `k` smallest of `keys` (distinct) to its first `k` places, in no particular order: Hoare's
 * quickselect, median of three, expected linear time.
 */
export function selectSmallest(keys: Float64Array, k: number): void {
  let left = 0;
  let right = keys.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    const a = keys[left]!;
    const b = keys[mid]!;
    const c = keys[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const t = keys[i]!;
        keys[i++] = keys[j]!;
        keys[j--] = t;
      }
    }
    // [left, j] ≤ pivot ≤ [i, right]; the k-th smallest (index k − 1) is in one of them or between.
    if (k - 1 <= j) right = j;
    else if (k - 1 >= i) left = i;
    else return;
  }
}
