import { describe, expect, it } from 'vitest';
import { nearest, popular, SIMPLE_BASELINES, transition, userFrequency, userProximity } from './baselines.ts';
import { runProtocol } from './protocol.ts';
import { TINY_OPTIONS, tinyCheckins } from './test-checkins.ts';
import { trainStats, visitedOf, visitsOf, type Query } from './train-stats.ts';

const protocol = runProtocol(tinyCheckins(), TINY_OPTIONS);
const stats = trainStats(protocol);
const names = (ranking: Int32Array) => Array.from(ranking, (i) => stats.pois[i]);
const aliceVal: Query = protocol.samples.validation[0]!;
const bobVal: Query = protocol.samples.validation[1]!;
const aliceTest = protocol.samples.test[0]!;

describe('train statistics', () => {
  it('count train check-ins only, and transitions only between train check-ins of one trajectory', () => {
    expect(Object.fromEntries(stats.pois.map((id, i) => [id, stats.popularity[i]]))).toEqual({ p1: 5, p2: 4, p3: 2, pX: 1 });
    const edges = [...stats.transitions].flatMap(([from, to]) => [...to].map(([t, n]) => `${stats.pois[from]}→${stats.pois[t]} ${n}`));
    // bob's p1 (train) → p2 (validation) is no train transition.
    expect(edges.sort()).toEqual(['p1→p2 1', 'p1→p3 1', 'p2→p1 1', 'pX→p2 1']);
  });

  it('add a prefix check-in beyond train to the user’s visits, but not one train already counts', () => {
    const alice = (q: Query) => Object.fromEntries([...visitsOf(stats, q)].map(([i, n]) => [stats.pois[i], n]));
    expect(alice(aliceTest)).toEqual({ p1: 2, p2: 2, pX: 1, p3: 1 }); // the prefix's p3 is a test row
    expect(alice(aliceVal)).toEqual({ p1: 2, p2: 2, pX: 1 }); // the prefix's p1 at 100 h is a train row
    expect([...visitedOf(stats, aliceTest)].map((i) => stats.pois[i]).sort()).toEqual(['p1', 'p2', 'p3', 'pX']);
  });
});

describe('baselines', () => {
  it('most popular: train check-ins per POI', () => {
    expect(names(popular(stats))).toEqual(['p1', 'p2', 'p3', 'pX']);
  });

  it('nearest: distance from the last check-in of the prefix', () => {
    expect(names(nearest(stats, bobVal))).toEqual(['p1', 'pX', 'p2', 'p3']);
  });

  it('user frequency: train and prefix visits, ties by popularity', () => {
    expect(names(userFrequency(stats, aliceTest))).toEqual(['p1', 'p2', 'p3', 'pX']);
    expect(names(userFrequency(stats, { user: 'stranger', prefix: aliceTest.prefix }))).toEqual(['p3', 'p1', 'p2', 'pX']);
  });

  it('transition: what followed the last POI in train, ties by popularity', () => {
    expect(names(transition(stats, bobVal))).toEqual(['p2', 'p3', 'p1', 'pX']);
    // Nothing ever followed p3 in train: popularity alone.
    expect(names(transition(stats, aliceTest))).toEqual(['p1', 'p2', 'p3', 'pX']);
  });

  it('user visits × proximity: a near venue of the user’s beats a more frequent far one', () => {
    // From pX, alice's pX (1 visit, here) beats p1 (2 visits, 0.85 km) and p2 (2 visits, 1.3 km).
    const atPX: Query = { user: 'alice', prefix: [{ venueId: 'zz', lat: 40.7, lon: -74.01, at: new Date('2012-04-20T00:00:00Z') }] };
    expect(names(userProximity(stats, atPX))).toEqual(['pX', 'p1', 'p2', 'p3']);
  });

  it('every baseline ranks every candidate once', () => {
    for (const { rank } of Object.values(SIMPLE_BASELINES)) expect([...rank(stats, aliceVal)].sort()).toEqual([0, 1, 2, 3]);
  });
});
