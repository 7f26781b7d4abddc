/**
 * The few facts about every place that candidate generation tests before anything else (category, price
 * level, opening hours, whether anything is held there, its walk-index node), in flat typed arrays by spatial-index
 * position. Most places near a traveller are turned down by these facts alone (closed kind at this hour,
 * over budget, dismissed), and reading a byte in an array costs nothing next to following a place object
 * and its strings through the heap of a 100k-place graph (docs/RANKING.md, Speed).
 */
import { CATEGORY_IDS, type CategoryId } from '@escale/shared';

/** Bits of `held`. */
export const HOLDS_EVENTS = 1;
export const HOLDS_OFFERS = 2;
/** `priceLevel` of a place whose price level is unknown. */
export const UNKNOWN_PRICE = -1;

const CODES = new Map<CategoryId, number>(CATEGORY_IDS.map((id, code) => [id, code]));

export function categoryCode(id: CategoryId): number {
  return CODES.get(id)!;
}

interface TablePlace {
  category: CategoryId;
  priceLevel: number | null;
  openingHours: string | null;
  lat: number;
  lon: number;
}

export interface TableRow<P extends TablePlace = TablePlace> {
  place: P;
  events: readonly unknown[];
  offers: readonly unknown[];
  node: number;
}

export class PlaceTable<P extends TablePlace = TablePlace> {
  readonly category: Uint8Array;
  readonly priceLevel: Int8Array;
  readonly held: Uint8Array;
  readonly node: Int32Array;
  /**
   * The opening-hours string of each place, one shared string per distinct value: equal strings are one
   * object, whose hash is computed once, and the few hundred of them stay in cache.
   */
  readonly openingHours: (string | null)[];
  /** The place objects themselves, for the few places that pass: one read fewer than through the row. */
  readonly place: P[];
  readonly lat: Float64Array;
  readonly lon: Float64Array;

  /** `generation` and `walk` name what the rows were built from, so the owner can tell a stale table. */
  constructor(
    rows: readonly TableRow<P>[],
    readonly generation: number,
    readonly walk: unknown,
  ) {
    const n = rows.length;
    this.category = new Uint8Array(n);
    this.priceLevel = new Int8Array(n);
    this.held = new Uint8Array(n);
    this.node = new Int32Array(n);
    this.openingHours = new Array<string | null>(n);
    this.place = new Array<P>(n);
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    const shared = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      this.category[i] = categoryCode(row.place.category);
      this.priceLevel[i] = row.place.priceLevel ?? UNKNOWN_PRICE;
      this.node[i] = row.node;
      this.place[i] = row.place;
      this.lat[i] = row.place.lat;
      this.lon[i] = row.place.lon;
      const hours = row.place.openingHours;
      if (hours !== null && !shared.has(hours)) shared.set(hours, hours);
      this.openingHours[i] = hours === null ? null : shared.get(hours)!;
      this.updateHeld(i, row);
    }
  }

  /** After an event or offer moved in or out of the place at `position`. */
  updateHeld(position: number, row: TableRow): void {
    this.held[position] = (row.events.length > 0 ? HOLDS_EVENTS : 0) | (row.offers.length > 0 ? HOLDS_OFFERS : 0);
  }
}
