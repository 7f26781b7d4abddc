import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../../shared/src/eval-scenario.ts';
import { bootstrapMean, districtsOf, overlap } from './persona-spread.ts';

const scenario = (id: string, position: { lat: number; lon: number } | null) =>
  Scenario.parse({
    id,
    title: 'A scenario for the spread test',
    persona: 'lea',
    why: 'test',
    traveller: { personaId: 'lea' },
    position,
    time: '2026-11-24T18:00:00+01:00',
    expect: [{ property: 'atLeast', count: 1 }],
  } satisfies ScenarioInput);

describe('persona spread', () => {
  it('counts shared items over the list length', () => {
    expect(overlap(['a', 'b', 'c'], ['c', 'b', 'a'])).toBe(1);
    expect(overlap(['a', 'b', 'c'], ['a', 'x', 'y'])).toBeCloseTo(1 / 3);
    expect(overlap(['a', 'b'], ['x', 'y', 'z'])).toBe(0);
  });

  it('makes one district of scenario positions closer than 400 m, and skips scenarios without one', () => {
    const districts = districtsOf([
      scenario('bastille', { lat: 48.8532, lon: 2.3692 }),
      scenario('bastille-again', { lat: 48.8545, lon: 2.3701 }), // ≈ 170 m away
      scenario('no-position', null),
      scenario('louvre', { lat: 48.8606, lon: 2.3376 }),
    ]);
    expect(districts.map((d) => d.id)).toEqual(['bastille', 'louvre']);
  });

  it('gives a bootstrap interval that holds the mean, is repeatable, and is a point for a constant', () => {
    const values = [0.33, 0.67, 0.33, 1, 0, 0.33, 0.67, 0.33];
    const a = bootstrapMean(values);
    expect(a.mean).toBeCloseTo(values.reduce((x, y) => x + y) / values.length);
    expect(a.low).toBeLessThan(a.mean);
    expect(a.high).toBeGreaterThan(a.mean);
    expect(bootstrapMean(values)).toEqual(a);
    expect(bootstrapMean([0.5, 0.5, 0.5])).toMatchObject({ low: 0.5, high: 0.5 });
  });
});
