/**
 * A tiny check-in set built by hand for the next-POI tests, small enough that the filters, the split, the
 * trajectories and the samples can be worked out on paper (they are, in protocol.test.ts). Times are hours
 * after Monday 2 April 2012, 00:00 UTC.
 */
import type { Checkin } from '../checkins-row.ts';
import type { ProtocolOptions } from './protocol.ts';

/** Thresholds of 2 and a 60/20/20 split, so that 20 kept rows make a train of 12, a validation and a test of 4. */
export const TINY_OPTIONS: ProtocolOptions = { minPoiCheckins: 2, minUserCheckins: 2, gapHours: 24, trainShare: 0.6, validationShare: 0.2 };

/** ~1.1 km apart north–south, pX ~0.85 km west of p1. */
export const POSITIONS: Record<string, [number, number]> = {
  p1: [40.7, -74.0],
  p2: [40.71, -74.0],
  p3: [40.72, -74.0],
  p4: [40.73, -74.0],
  pX: [40.7, -74.01],
  r: [40.69, -74.0],
};

const T0 = Date.UTC(2012, 3, 2);

/** [user, venue, hour]: the 20 kept rows in time order, then the 3 the filters drop. */
const ROWS: [string, string, number][] = [
  // train (12)
  ['alice', 'p1', 0],
  ['alice', 'p2', 1],
  ['bob@N00', 'p2', 2],
  ['bob@N00', 'p1', 3],
  ['carol', 'p1', 4],
  ['carol', 'p3', 5],
  ['alice', 'pX', 30], // alice: a gap of 29 h, a new trajectory
  ['bob@N00', 'p3', 31],
  ['alice', 'p2', 54], // exactly 24 h after pX: the same trajectory
  ['carol', 'p2', 60],
  ['bob@N00', 'p1', 80], // 49 h after p3: bob's p3 was a trajectory of one
  ['alice', 'p1', 100],
  // validation (4)
  ['alice', 'p3', 101], // target: new to alice
  ['bob@N00', 'p2', 102], // target: bob went to p2 in train
  ['eve', 'p4', 103],
  ['eve', 'p4', 104], // eve is not in train: dropped
  // test (4)
  ['carol', 'p3', 130],
  ['carol', 'p4', 131], // p4 is not in train: dropped
  ['alice', 'p3', 140],
  ['alice', 'p3', 141], // target in the prefix (alice's p3 at 101 was in validation, which no method sees)
  // dropped by the filters
  ['dan', 'r', 10], // r has one check-in: dropped by the POI pass
  ['dan', 'pX', 11], // dan then has one check-in: dropped by the user pass (pX keeps alice's one: a single pass)
  ['fay', 'p1', 20], // one check-in: dropped by the user pass
];

export function tinyCheckins(): Checkin[] {
  return ROWS.map(([userId, venueId, hour], i) => ({
    line: i + 1,
    userId,
    venueId,
    categoryId: null,
    categoryName: venueId === 'p3' ? 'Bar' : venueId === 'pX' ? 'Office' : 'Coffee Shop',
    lat: POSITIONS[venueId]![0],
    lon: POSITIONS[venueId]![1],
    tzOffsetMinutes: -240,
    at: new Date(T0 + hour * 3_600_000),
  }));
}
