import { describe, expect, it } from 'vitest';
import type { Checkin } from '../checkins-row.ts';
import { chronologicalSplit, PROTOCOL, runProtocol, samplesFor, trajectoriesOf } from './protocol.ts';
import { TINY_OPTIONS, tinyCheckins } from './test-checkins.ts';

const visits = (rows: readonly Checkin[]) => rows.map((c) => `${c.userId}:${c.venueId}`);
const hours = (rows: readonly Checkin[]) => rows.map((c) => (c.at.getTime() - Date.UTC(2012, 3, 2)) / 3_600_000);

describe('the next-POI protocol on a hand-made set', () => {
  const p = runProtocol(tinyCheckins(), TINY_OPTIONS);

  it('uses the published thresholds and shares by default', () => {
    expect(PROTOCOL).toEqual({ minPoiCheckins: 10, minUserCheckins: 10, gapHours: 24, trainShare: 0.8, validationShare: 0.1 });
  });

  it('drops rare POIs, then rare users, one pass each', () => {
    expect(p.filtered).toEqual({ pois: 1, poiRows: 1, users: 2, userRows: 2 });
    expect(p.kept).toHaveLength(20);
    expect(new Set(p.kept.map((c) => c.userId))).toEqual(new Set(['alice', 'bob@N00', 'carol', 'eve']));
    // pX is down to one check-in once dan is gone, and stays: the POI pass is not repeated.
    expect(p.kept.filter((c) => c.venueId === 'pX')).toHaveLength(1);
  });

  it('splits all check-ins by time, whatever the user', () => {
    expect(hours(p.rows.train)).toEqual([0, 1, 2, 3, 4, 5, 30, 31, 54, 60, 80, 100]);
    expect(hours(p.rows.validation)).toEqual([101, 102, 103, 104]);
    expect(hours(p.rows.test)).toEqual([130, 131, 140, 141]);
  });

  it('cuts trajectories at gaps of more than 24 hours, not at exactly 24', () => {
    expect(p.trajectories.map((t) => `${t[0]!.userId} ${hours(t).join(',')}`)).toEqual([
      'alice 0,1',
      'alice 30,54',
      'alice 100,101',
      'alice 140,141',
      'bob@N00 2,3',
      'bob@N00 31',
      'bob@N00 80,102',
      'carol 4,5',
      'carol 60',
      'carol 130,131',
      'eve 103,104',
    ]);
    expect(p.singletons).toBe(2);
  });

  it('makes one sample per trajectory ending in validation or test, and drops users and targets unseen in train', () => {
    expect(p.samples.validation.map((s) => [s.id, visits(s.prefix), s.target.venueId, s.newPlace])).toEqual([
      ['alice#3', ['alice:p1'], 'p3', true],
      ['bob@N00#3', ['bob@N00:p1'], 'p2', false],
    ]);
    expect(p.samples.test.map((s) => [s.id, visits(s.prefix), s.target.venueId, s.newPlace])).toEqual([['alice#4', ['alice:p3'], 'p3', false]]);
    expect(p.dropped).toEqual({ validation: { unknownUser: 1, unknownPoi: 0 }, test: { unknownUser: 0, unknownPoi: 1 } });
    expect(p.candidates).toEqual(['p1', 'p2', 'p3', 'pX']);
  });

  it('keeps only new targets for the next-new-place task', () => {
    expect(samplesFor(p.samples.validation, 'new').map((s) => s.id)).toEqual(['alice#3']);
    expect(samplesFor(p.samples.validation, 'next')).toHaveLength(2);
    expect(samplesFor(p.samples.test, 'new')).toEqual([]);
  });
});

describe('chronologicalSplit', () => {
  it('rounds the shares down: 80/10/10 of 25 rows is 20, 2 and 3', () => {
    const rows = Array.from({ length: 25 }, (_v, i) => i);
    const split = chronologicalSplit(rows as unknown as Checkin[], PROTOCOL);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([20, 2, 3]);
  });
});

describe('trajectoriesOf', () => {
  it('orders each user’s check-ins by time before cutting, whatever the file order', () => {
    const rows = tinyCheckins().filter((c) => c.userId === 'carol');
    expect(trajectoriesOf([...rows].reverse(), 24).map(hours)).toEqual([[4, 5], [60], [130, 131]]);
  });
});
