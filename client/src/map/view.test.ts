import { describe, expect, it } from 'vitest';
import { boundsOf } from './view.ts';

describe('boundsOf', () => {
  it('spans the traveller and every suggested place', () => {
    expect(
      boundsOf([
        [2.35, 48.86],
        [2.38, 48.87],
        [2.33, 48.85],
      ]),
    ).toEqual([
      [2.33, 48.85],
      [2.38, 48.87],
    ]);
  });
  it('is a point for a single place', () => {
    expect(boundsOf([[2.35, 48.86]])).toEqual([
      [2.35, 48.86],
      [2.35, 48.86],
    ]);
  });
  it('is null when there is nothing to show', () => {
    expect(boundsOf([])).toBeNull();
  });
});
