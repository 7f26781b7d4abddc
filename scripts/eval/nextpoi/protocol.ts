/**
 * The next-POI protocol of GETNext (Yang et al., SIGIR 2022) and STHGCN (Yan et al., SIGIR 2023), as
 * docs/RANKING.md states it: filter rare POIs then rare users, cut each user's check-ins into trajectories at
 * gaps of more than 24 h, split all check-ins chronologically 80/10/10, and make one sample per trajectory
 * whose last check-in falls in validation or test (that check-in is the target, the earlier ones the prefix).
 */
import type { Checkin } from '../checkins-row.ts';

export interface ProtocolOptions {
  /** POIs with fewer check-ins are dropped first, then users with fewer (one pass each, in that order). */
  minPoiCheckins: number;
  minUserCheckins: number;
  /** A gap longer than this ends a trajectory. */
  gapHours: number;
  trainShare: number;
  validationShare: number;
}

export const PROTOCOL: ProtocolOptions = { minPoiCheckins: 10, minUserCheckins: 10, gapHours: 24, trainShare: 0.8, validationShare: 0.1 };

export type EvalSplit = 'validation' | 'test';
export type SplitName = 'train' | EvalSplit;
export const EVAL_SPLITS: readonly EvalSplit[] = ['validation', 'test'];

/** The two tasks: any next place, or only a place the user had not been to (as far as a method can know). */
export type Task = 'next' | 'new';
export const TASKS: readonly Task[] = ['next', 'new'];
export const TASK_LABELS: Record<Task, string> = { next: 'next place', new: 'next new place' };

export interface Sample {
  /** `<user>#<n>`: the user's n-th trajectory (1-based) in the filtered data, stable from run to run. */
  id: string;
  split: EvalSplit;
  user: string;
  prefix: Checkin[];
  target: Checkin;
  /** The target is in neither the user's train check-ins nor the prefix. */
  newPlace: boolean;
}

export interface Protocol {
  options: ProtocolOptions;
  /** Check-ins kept by the filters, in chronological order (UTC time, then line). */
  kept: Checkin[];
  filtered: { pois: number; poiRows: number; users: number; userRows: number };
  rows: Record<SplitName, Checkin[]>;
  /** Every trajectory of the kept check-ins, each in time order. */
  trajectories: Checkin[][];
  /** Trajectories of one check-in: no sample. */
  singletons: number;
  samples: Record<EvalSplit, Sample[]>;
  /** Samples dropped because train never saw the user or the target POI (the user counted first). */
  dropped: Record<EvalSplit, { unknownUser: number; unknownPoi: number }>;
  /** Venues with a train check-in: the candidates of every sample. */
  candidates: string[];
}

export const chronological = (a: Checkin, b: Checkin) => a.at.getTime() - b.at.getTime() || a.line - b.line;

function countBy(rows: readonly Checkin[], key: (c: Checkin) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of rows) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return counts;
}

/** One pass: rows whose key has fewer than `min` rows go, and how many keys and rows went. */
function dropRare(rows: readonly Checkin[], key: (c: Checkin) => string, min: number) {
  const counts = countBy(rows, key);
  const kept = rows.filter((c) => counts.get(key(c))! >= min);
  return { kept, keys: [...counts.values()].filter((n) => n < min).length, rows: rows.length - kept.length };
}

/** Each user's check-ins cut at gaps longer than `gapHours`; users in id order, trajectories in time order. */
export function trajectoriesOf(rows: readonly Checkin[], gapHours: number): Checkin[][] {
  const byUser = new Map<string, Checkin[]>();
  for (const c of rows) {
    let list = byUser.get(c.userId);
    if (!list) byUser.set(c.userId, (list = []));
    list.push(c);
  }
  const gap = gapHours * 3_600_000;
  const out: Checkin[][] = [];
  for (const user of [...byUser.keys()].sort()) {
    const list = byUser.get(user)!.sort(chronological);
    let current: Checkin[] = [];
    for (const c of list) {
      if (current.length > 0 && c.at.getTime() - current[current.length - 1]!.at.getTime() > gap) {
        out.push(current);
        current = [];
      }
      current.push(c);
    }
    out.push(current);
  }
  return out;
}

/** The first `trainShare` of all check-ins by time, the next `validationShare`, the rest (rounded down). */
export function chronologicalSplit(sorted: readonly Checkin[], options: Pick<ProtocolOptions, 'trainShare' | 'validationShare'>): Record<SplitName, Checkin[]> {
  const trainEnd = Math.floor(sorted.length * options.trainShare);
  const validationEnd = Math.floor(sorted.length * (options.trainShare + options.validationShare));
  return { train: sorted.slice(0, trainEnd), validation: sorted.slice(trainEnd, validationEnd), test: sorted.slice(validationEnd) };
}

export function runProtocol(checkins: readonly Checkin[], options: ProtocolOptions = PROTOCOL): Protocol {
  const byPoi = dropRare(checkins, (c) => c.venueId, options.minPoiCheckins);
  const byUser = dropRare(byPoi.kept, (c) => c.userId, options.minUserCheckins);
  const kept = [...byUser.kept].sort(chronological);
  const rows = chronologicalSplit(kept, options);
  const splitOf = new Map<Checkin, SplitName>();
  for (const split of ['train', 'validation', 'test'] as const) for (const c of rows[split]) splitOf.set(c, split);

  const trainUsers = new Set(rows.train.map((c) => c.userId));
  const trainVenues = new Set(rows.train.map((c) => c.venueId));
  const trainVisits = new Map<string, Set<string>>();
  for (const c of rows.train) {
    let set = trainVisits.get(c.userId);
    if (!set) trainVisits.set(c.userId, (set = new Set()));
    set.add(c.venueId);
  }

  const trajectories = trajectoriesOf(kept, options.gapHours);
  const samples: Record<EvalSplit, Sample[]> = { validation: [], test: [] };
  const dropped: Protocol['dropped'] = { validation: { unknownUser: 0, unknownPoi: 0 }, test: { unknownUser: 0, unknownPoi: 0 } };
  const nth = new Map<string, number>();
  let singletons = 0;
  for (const trajectory of trajectories) {
    const target = trajectory[trajectory.length - 1]!;
    const n = (nth.get(target.userId) ?? 0) + 1;
    nth.set(target.userId, n);
    if (trajectory.length < 2) {
      singletons++;
      continue;
    }
    const split = splitOf.get(target)!;
    if (split === 'train') continue;
    if (!trainUsers.has(target.userId)) {
      dropped[split].unknownUser++;
      continue;
    }
    if (!trainVenues.has(target.venueId)) {
      dropped[split].unknownPoi++;
      continue;
    }
    const prefix = trajectory.slice(0, -1);
    const known = trainVisits.get(target.userId)!;
    const newPlace = !known.has(target.venueId) && !prefix.some((c) => c.venueId === target.venueId);
    samples[split].push({ id: `${target.userId}#${n}`, split, user: target.userId, prefix, target, newPlace });
  }

  return {
    options,
    kept,
    filtered: { pois: byPoi.keys, poiRows: byPoi.rows, users: byUser.keys, userRows: byUser.rows },
    rows,
    trajectories,
    singletons,
    samples,
    dropped,
    candidates: [...trainVenues].sort(),
  };
}

/** The samples of a task: all of them for the next place, those with a new target for the next new place. */
export const samplesFor = (samples: readonly Sample[], task: Task) => (task === 'next' ? [...samples] : samples.filter((s) => s.newPlace));
