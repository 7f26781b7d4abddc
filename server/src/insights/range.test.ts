import { describe, expect, it } from 'vitest';
import { AgencyInsightsQuery } from '@escale/shared';
import { HttpError } from '../http/errors.ts';
import { resolveRange } from './range.ts';

const TODAY = '2026-12-09'; // a Wednesday

describe('the range of an insights request', () => {
  it('is the last four weeks to today when none is asked for', () => {
    const r = resolveRange({ bucket: 'day' }, TODAY);
    expect(r).toMatchObject({ from: '2026-11-12', to: TODAY });
    expect(r.buckets).toHaveLength(28);
    expect(r.buckets.at(-1)).toBe(TODAY);
  });

  it('runs four weeks from a day given alone, never past today', () => {
    expect(resolveRange({ from: '2026-12-01', bucket: 'day' }, TODAY)).toMatchObject({ from: '2026-12-01', to: TODAY });
    expect(resolveRange({ from: '2026-10-01', bucket: 'day' }, TODAY)).toMatchObject({ from: '2026-10-01', to: '2026-10-28' });
  });

  it('widens week buckets to whole ISO weeks, Monday to Sunday', () => {
    const r = resolveRange({ from: '2026-11-26', to: TODAY, bucket: 'week' }, TODAY);
    expect(r).toEqual({ from: '2026-11-23', to: '2026-12-13', buckets: ['2026-11-23', '2026-11-30', '2026-12-07'] });
  });

  it('refuses a range that ends before it starts, or spans more than 366 days', () => {
    expect(() => resolveRange({ from: '2026-12-09', to: '2026-12-01', bucket: 'day' }, TODAY)).toThrow(HttpError);
    expect(() => resolveRange({ from: '2025-12-08', to: '2026-12-09', bucket: 'day' }, TODAY)).toThrow(/at most 366 days/);
    expect(resolveRange({ from: '2025-12-09', to: '2026-12-09', bucket: 'day' }, TODAY).buckets).toHaveLength(366);
  });
});

describe('the insights query', () => {
  it('takes days that exist, a known grouping and bucket, and a group of that grouping', () => {
    expect(AgencyInsightsQuery.parse({})).toEqual({ by: 'category', bucket: 'day' });
    expect(AgencyInsightsQuery.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(AgencyInsightsQuery.safeParse({ from: '2026-12-09', to: '2026-12-01' }).success).toBe(false);
    expect(AgencyInsightsQuery.safeParse({ from: '2025-01-01', to: '2026-12-01' }).success).toBe(false);
    expect(AgencyInsightsQuery.safeParse({ by: 'traveller' }).success).toBe(false);
    expect(AgencyInsightsQuery.safeParse({ bucket: 'hour' }).success).toBe(false);
    expect(AgencyInsightsQuery.safeParse({ by: 'signal', group: 'museum' }).success).toBe(false);
    expect(AgencyInsightsQuery.safeParse({ by: 'category', group: 'museum' }).success).toBe(true);
    expect(AgencyInsightsQuery.safeParse({ travellerId: 'x' }).success).toBe(false);
  });
});
