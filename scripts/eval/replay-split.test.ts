import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkins-reader.ts';
import { splitByUser } from './replay-split.ts';

let line = 0;
function checkin(userId: string, venueId: string, at: string, categoryName = 'Bar'): Checkin {
  return { line: ++line, userId, venueId, categoryId: 'c', categoryName, lat: 40.7, lon: -74, tzOffsetMinutes: -240, at: new Date(at) };
}
const leisure = (c: Checkin) => c.categoryName !== 'Office';

describe('splitByUser', () => {
  it('takes the chronologically last 20 % of each user’s leisure check-ins as the test set, whatever the file order', () => {
    const u1 = Array.from({ length: 10 }, (_v, i) => checkin('1', `v${i}`, `2012-04-${String(10 + i).padStart(2, '0')}T12:00:00Z`));
    const shuffled = [u1[9]!, u1[3]!, u1[0]!, u1[8]!, u1[5]!, u1[1]!, u1[7]!, u1[2]!, u1[6]!, u1[4]!];
    const { train, test } = splitByUser(shuffled, leisure);
    expect(test.map((t) => t.target.venueId)).toEqual(['v8', 'v9']);
    expect(train.map((c) => c.venueId)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7']);
    expect(Math.max(...train.map((c) => c.at.getTime()))).toBeLessThan(Math.min(...test.map((t) => t.target.at.getTime())));
  });

  it('splits each user on their own, and gives no test set to a user with fewer than 5 leisure check-ins', () => {
    const a = Array.from({ length: 5 }, (_v, i) => checkin('7', `a${i}`, `2012-05-0${i + 1}T10:00:00Z`));
    const b = Array.from({ length: 4 }, (_v, i) => checkin('8', `b${i}`, `2012-05-0${i + 1}T10:00:00Z`));
    const { train, test } = splitByUser([...a, ...b], leisure);
    expect(test.map((t) => [t.userId, t.target.venueId])).toEqual([['7', 'a4']]);
    expect(train.filter((c) => c.userId === '8')).toHaveLength(4);
  });

  it('counts only leisure check-ins in the 80/20 but takes the position from the previous check-in of any kind', () => {
    const rows = [
      checkin('3', 'bar1', '2012-06-01T20:00:00Z'),
      checkin('3', 'bar2', '2012-06-02T20:00:00Z'),
      checkin('3', 'bar1', '2012-06-03T20:00:00Z'),
      checkin('3', 'bar3', '2012-06-04T20:00:00Z'),
      checkin('3', 'office', '2012-06-05T09:00:00Z', 'Office'),
      checkin('3', 'bar1', '2012-06-05T20:00:00Z'),
    ];
    const { train, history, test } = splitByUser(rows, leisure);
    expect(train).toHaveLength(4);
    // The office before the test check-in is history (a transition's origin), not training.
    expect(history.map((c) => c.venueId)).toEqual(['bar1', 'bar2', 'bar1', 'bar3', 'office']);
    expect(test).toHaveLength(1);
    expect(test[0]!.previous.venueId).toBe('office');
    expect(test[0]!.newVenue).toBe(false);
  });

  it('marks a test venue as new only when the user never checked in there before', () => {
    const rows = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v1', 'v9'].map((v, i) => checkin('4', v, `2012-07-${String(i + 1).padStart(2, '0')}T18:00:00Z`));
    const { test } = splitByUser(rows, leisure);
    expect(test.map((t) => [t.target.venueId, t.newVenue])).toEqual([
      ['v1', false],
      ['v9', true],
    ]);
  });
});
