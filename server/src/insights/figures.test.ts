import { describe, expect, it } from 'vitest';
import { AgencyInsights, INSIGHT_LIMITS } from '@escale/shared';
import { assembleInsights, figure } from './figures.ts';

const range = { from: '2026-12-07', to: '2026-12-09', buckets: ['2026-12-07', '2026-12-08', '2026-12-09'] };

describe('an insight figure', () => {
  it('is hidden below five travellers, zero included, and shown from five', () => {
    for (const n of [undefined, 0, 1, 4]) expect(figure(n)).toEqual({ hidden: true, value: null });
    expect(figure(5)).toEqual({ hidden: false, value: 5 });
  });
});

describe('the insights answer', () => {
  it('marks every bucket without a shown figure as hidden, and lists the groups the most shown first', () => {
    const answer = assembleInsights({
      range,
      by: 'category',
      bucket: 'day',
      group: null,
      labelOf: (k) => k,
      counts: {
        groups: [
          { action: 'shown', grp: 'bar', n: 6 },
          { action: 'shown', grp: 'museum', n: 9 },
          { action: 'liked', grp: 'bar', n: 5 },
        ],
        series: [{ action: 'shown', bucket: '2026-12-08', n: 12 }],
        totals: [{ action: 'shown', n: 12 }],
      },
    });
    expect(AgencyInsights.parse(answer)).toEqual(answer);
    expect(answer.series.shown).toEqual([
      { hidden: true, value: null },
      { hidden: false, value: 12 },
      { hidden: true, value: null },
    ]);
    expect(answer.series.booked.every((f) => f.hidden)).toBe(true);
    expect(answer.totals).toEqual({ shown: { hidden: false, value: 12 }, liked: { hidden: true, value: null }, dismissed: { hidden: true, value: null }, booked: { hidden: true, value: null } });
    expect(answer.groups.map((g) => g.key)).toEqual(['museum', 'bar']);
    expect(answer.groups[1]!.totals.liked).toEqual({ hidden: false, value: 5 });
    expect(answer.groups[0]!.totals.liked).toEqual({ hidden: true, value: null });
  });

  it(`lists at most ${INSIGHT_LIMITS.maxGroups} groups and says how many more there are`, () => {
    const groups = Array.from({ length: INSIGHT_LIMITS.maxGroups + 3 }, (_, i) => ({ action: 'shown', grp: `osm:node/${i}`, n: 5 + i }));
    const answer = assembleInsights({ range, by: 'place', bucket: 'day', group: null, labelOf: (k) => `Place ${k}`, counts: { groups, series: [], totals: [] } });
    expect(answer.groups).toHaveLength(INSIGHT_LIMITS.maxGroups);
    expect(answer.groupsOmitted).toBe(3);
    expect(answer.groups[0]).toMatchObject({ key: `osm:node/${INSIGHT_LIMITS.maxGroups + 2}`, label: `Place osm:node/${INSIGHT_LIMITS.maxGroups + 2}` });
  });
});
