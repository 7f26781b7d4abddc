import { describe, expect, it } from 'vitest';
import { demoSearch, readDemoUrl } from './demo-url.ts';

describe('the demo’s address', () => {
  it('reopens the same trip, moment (to the minute), speed, comparison and layout', () => {
    const state = { trip: 'lea-paris', t: Date.parse('2026-11-24T18:40:27Z'), speed: 120, compare: 'taste' as const, presenter: true };
    const back = readDemoUrl(demoSearch(state));
    expect(back).toEqual({ ...state, t: Date.parse('2026-11-24T18:40:00Z') });
    expect(demoSearch(state)).toBe('?trip=lea-paris&t=2026-11-24T18%3A40Z&speed=120&compare=taste&presenter=1');
  });

  it('ignores what it does not know instead of failing', () => {
    expect(readDemoUrl('?trip=../etc&t=yesterday&speed=7&compare=timing')).toEqual({ trip: null, t: null, speed: 60, compare: null, presenter: false });
    expect(readDemoUrl('?compare=non_profiled').compare).toBe('non_profiled');
  });
});
