/**
 * What the methods may know, built from train check-ins alone: the candidate POIs (every venue seen in
 * train), where each is, how often it was visited, by whom, and which POI followed which within a
 * trajectory. Validation and test rows never enter, whichever split is being answered.
 */
import type { Checkin } from '../checkins-row.ts';
import type { Protocol } from './protocol.ts';

/** A check-in as a query carries it: from a sample's prefix, read from the file or from a samples file. */
export interface QueryCheckin {
  venueId: string;
  lat: number;
  lon: number;
  at: Date;
}

/** What a method is asked: who, and the trajectory so far (its last check-in is where and when). */
export interface Query {
  user: string;
  prefix: readonly QueryCheckin[];
}

export interface TrainStats {
  /** Candidate venue ids, sorted: a POI is its index in this list. */
  pois: readonly string[];
  index: ReadonlyMap<string, number>;
  lat: Float64Array;
  lon: Float64Array;
  /** The category name of each POI's first train check-in (null when the file has none). */
  categoryName: readonly (string | null)[];
  /** Train check-ins per POI. */
  popularity: Float64Array;
  /** POIs by popularity, most first, ties by id: the order every tie falls back to. */
  byPopularity: Int32Array;
  /** Position of each POI in `byPopularity`. */
  popularityRank: Int32Array;
  /** from POI → (next POI → times), over consecutive train check-ins of one trajectory. */
  transitions: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** user → (POI → train check-ins). */
  userVisits: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** The train rows themselves, for a method that builds its own model (Escale's travel graph). */
  train: readonly Checkin[];
  /** `user|venue|ms` of each train row: a prefix check-in that is one is already counted. */
  trainKeys: ReadonlySet<string>;
}

const rowKey = (user: string, c: QueryCheckin) => `${user}|${c.venueId}|${c.at.getTime()}`;

/** The prefix check-ins that are not train rows: a trajectory across the split's edge starts in train. */
export function prefixBeyondTrain(stats: TrainStats, query: Query): QueryCheckin[] {
  return query.prefix.filter((c) => !stats.trainKeys.has(rowKey(query.user, c)));
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function trainStats(protocol: Pick<Protocol, 'rows' | 'trajectories' | 'candidates'>): TrainStats {
  const pois = protocol.candidates;
  const index = new Map(pois.map((id, i) => [id, i]));
  const n = pois.length;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const categoryName: (string | null)[] = new Array(n).fill(null);
  const seen = new Uint8Array(n);
  const popularity = new Float64Array(n);
  const userVisits = new Map<string, Map<number, number>>();
  // Train rows are in time order: the first one of a POI gives its position and category.
  for (const c of protocol.rows.train) {
    const i = index.get(c.venueId)!;
    if (!seen[i]) {
      seen[i] = 1;
      lat[i] = c.lat;
      lon[i] = c.lon;
      categoryName[i] = c.categoryName;
    }
    popularity[i]!++;
    let visits = userVisits.get(c.userId);
    if (!visits) userVisits.set(c.userId, (visits = new Map()));
    bump(visits, i);
  }
  const inTrain = new Set(protocol.rows.train);
  const transitions = new Map<number, Map<number, number>>();
  for (const t of protocol.trajectories) {
    for (let k = 1; k < t.length; k++) {
      if (!inTrain.has(t[k - 1]!) || !inTrain.has(t[k]!)) continue;
      const from = index.get(t[k - 1]!.venueId)!;
      let next = transitions.get(from);
      if (!next) transitions.set(from, (next = new Map()));
      bump(next, index.get(t[k]!.venueId)!);
    }
  }
  // Ids are sorted, so the index breaks ties by id.
  const byPopularity = Int32Array.from(pois.keys()).sort((a, b) => popularity[b]! - popularity[a]! || a - b);
  const popularityRank = new Int32Array(n);
  byPopularity.forEach((poi, r) => (popularityRank[poi] = r));
  const trainKeys = new Set(protocol.rows.train.map((c) => rowKey(c.userId, c)));
  return { pois, index, lat, lon, categoryName, popularity, byPopularity, popularityRank, transitions, userVisits, train: protocol.rows.train, trainKeys };
}

/**
 * The user's visits per POI: train check-ins plus the prefix's beyond train (a prefix venue unknown to
 * train is left out: it is no candidate).
 */
export function visitsOf(stats: TrainStats, query: Query): Map<number, number> {
  const visits = new Map(stats.userVisits.get(query.user) ?? []);
  for (const c of prefixBeyondTrain(stats, query)) {
    const i = stats.index.get(c.venueId);
    if (i !== undefined) bump(visits, i);
  }
  return visits;
}

/** POIs the user has been to, as far as a method can know (train and prefix): the next new place is none of them. */
export function visitedOf(stats: TrainStats, query: Query): Set<number> {
  return new Set(visitsOf(stats, query).keys());
}
