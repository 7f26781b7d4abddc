import { describe, expect, it } from 'vitest';
import { cityClock } from '../checkins-clock.ts';
import { DEFAULT_WEIGHTS, SIGNAL_IDS, WEIGHT_BOUNDS } from '@escale/shared';
import { escaleMethod, NEXTPOI_WEIGHTS } from './escale-method.ts';
import { runProtocol } from './protocol.ts';
import { TINY_OPTIONS, tinyCheckins } from './test-checkins.ts';
import { trainStats } from './train-stats.ts';

const checkins = tinyCheckins();
const protocol = runProtocol(checkins, TINY_OPTIONS);
const stats = trainStats(protocol);
const escale = escaleMethod(stats, cityClock(checkins), 'tiny');
const names = (ranking: Int32Array) => Array.from(ranking, (i) => stats.pois[i]);
const [, bob] = protocol.samples.validation;
const alice = protocol.samples.test[0]!;

describe('Escale as a next-POI method', () => {
  it('ranks every candidate, all of them from the ranker itself in the next-place task', () => {
    const { ranking, fromRanker } = escale(bob!, 'next');
    expect(names(ranking).sort()).toEqual(['p1', 'p2', 'p3', 'pX']);
    expect(fromRanker).toBe(4);
  });

  it('leaves the places the user visited, in train or in the prefix, to the popularity tail in the next-new-place task', () => {
    const forBob = escale(bob!, 'new');
    expect(forBob.fromRanker).toBe(1);
    expect(names(forBob.ranking)).toEqual(['pX', 'p1', 'p2', 'p3']);
    // alice's prefix holds p3, the one place she had not visited in train.
    expect(escale(alice, 'new')).toEqual({ ranking: Int32Array.from([0, 1, 2, 3]), fromRanker: 0 });
  });

  it('ranks with weights any agency could set, per task', () => {
    for (const task of ['next', 'new'] as const) {
      const weights = { ...DEFAULT_WEIGHTS, ...NEXTPOI_WEIGHTS[task] };
      for (const id of SIGNAL_IDS) {
        expect(weights[id]).toBeGreaterThanOrEqual(WEIGHT_BOUNDS[id].min);
        expect(weights[id]).toBeLessThanOrEqual(WEIGHT_BOUNDS[id].max);
      }
    }
  });

  it('answers a user that train never saw', () => {
    const { ranking, fromRanker } = escale({ user: 'stranger', prefix: alice.prefix }, 'new');
    expect(fromRanker).toBe(3); // the prefix's p3 counts as visited
    expect(names(ranking).at(-1)).toBe('p3');
  });
});
