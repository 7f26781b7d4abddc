import { describe, expect, it } from 'vitest';
import { blend, blendInput, blendScores, EQUAL_WEIGHTS, proximityPart, rankUnder, tuneBlend, tuningCase, type BlendWeights } from './blend.ts';
import { runProtocol } from './protocol.ts';
import { TINY_OPTIONS, tinyCheckins } from './test-checkins.ts';
import { trainStats, type Query } from './train-stats.ts';

const protocol = runProtocol(tinyCheckins(), TINY_OPTIONS);
const stats = trainStats(protocol);
const names = (ranking: Int32Array) => Array.from(ranking, (i) => stats.pois[i]);
const only = (part: keyof BlendWeights['weights']): BlendWeights => ({ weights: { popularity: 0, proximity: 0, frequency: 0, transition: 0, userProximity: 0, [part]: 1 }, halfMeters: 1000 });
const bob = protocol.samples.validation[1]! as Query;

describe('the blend', () => {
  it('normalises each part to [0, 1] per query', () => {
    const scores = blendScores(stats, blendInput(stats, bob), EQUAL_WEIGHTS);
    expect(Math.max(...scores)).toBeLessThanOrEqual(5);
    expect([...proximityPart(Float64Array.from([300, 1300, 2300]), 1000)].map((x) => +x.toFixed(3))).toEqual([1, 0.5, 0.25]);
  });

  it('is each simple part alone when the others weigh nothing', () => {
    expect(names(blend(stats, bob, only('transition')))).toEqual(['p2', 'p3', 'p1', 'pX']);
    expect(names(blend(stats, bob, only('proximity')))).toEqual(['p1', 'pX', 'p2', 'p3']);
    expect(names(blend(stats, bob, only('popularity')))).toEqual(['p1', 'p2', 'p3', 'pX']);
  });

  it('ranks a target without sorting, ties by popularity, excluded places not counted', () => {
    const scores = Float64Array.from([1, 1, 0.5, 2]); // p1, p2, p3, pX
    expect(rankUnder(stats, scores, 1)).toBe(3); // pX, then p1 (more popular at the same score)
    expect(rankUnder(stats, scores, 1, new Set([3]))).toBe(2);
  });

  it('tunes towards the part that finds the targets, on the cases it is given only', () => {
    // Targets that only the transition part puts first: bob, after p1, goes to p2.
    const cases = [tuningCase(stats, bob, 'p2', false)!, tuningCase(stats, bob, 'p2', false)!];
    const tuned = tuneBlend(stats, cases);
    expect(tuned.mrr).toBe(1);
    expect(names(blend(stats, bob, tuned.blend))[0]).toBe('p2');
    expect(tuned.evaluations).toBeGreaterThan(1);
  });
});
