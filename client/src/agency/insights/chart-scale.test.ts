import { describe, expect, it } from 'vitest';
import { labelledTicks, niceMax } from './chart-scale.ts';

describe('a bar chart’s scale', () => {
  it('tops the axis at a round number, never below five travellers', () => {
    expect(niceMax(0)).toBe(5);
    expect(niceMax(5)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(42)).toBe(50);
    expect(niceMax(120)).toBe(200);
  });

  it('labels every bucket of a short series, and about seven of a long one, the last included', () => {
    expect(labelledTicks(4)).toEqual([0, 1, 2, 3]);
    const month = labelledTicks(28);
    expect(month.length).toBeLessThanOrEqual(8);
    expect(month[0]).toBe(0);
    expect(month.at(-1)).toBe(27);
    const year = labelledTicks(366);
    expect(year.length).toBeLessThanOrEqual(8);
    expect(year.at(-1)).toBe(365);
  });
});
