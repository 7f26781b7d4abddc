import { describe, expect, it } from 'vitest';
import type { Suggestion } from '@escale/shared';
import { suggestion } from '../testing/fixtures.ts';
import { diffComparison, itemKey, moveMark } from './compare-diff.ts';

/** A place suggestion named after its id, as the server would send it for Léa in Paris. */
function place(id: string): Suggestion {
  const base = suggestion();
  return suggestion({ id: `sug-${id}`, item: { ...base.item, id, title: id, place: { ...base.item.place, id, name: id } } });
}

describe('diffComparison', () => {
  it('marks the ideas only one side has', () => {
    const diff = diffComparison([place('a'), place('b')], [place('b'), place('c')]);
    expect(diff.profiled[0]).toEqual({ kind: 'only' });
    expect(diff.other[1]).toEqual({ kind: 'only' });
  });

  it('says how many places a shared idea moved, seen from each column', () => {
    const diff = diffComparison([place('a'), place('b'), place('c')], [place('c'), place('a'), place('b')]);
    // "a" is first with the profile and second without: one place higher on the profiled side.
    expect(diff.profiled).toEqual([
      { kind: 'moved', by: 1 },
      { kind: 'moved', by: 1 },
      { kind: 'moved', by: -2 },
    ]);
    expect(diff.other).toEqual([
      { kind: 'moved', by: 2 },
      { kind: 'moved', by: -1 },
      { kind: 'moved', by: -1 },
    ]);
  });

  it('says an idea at the same rank did not move', () => {
    const diff = diffComparison([place('a'), place('b')], [place('a'), place('c')]);
    expect(diff.profiled[0]).toEqual({ kind: 'moved', by: 0 });
    expect(diff.other[0]).toEqual({ kind: 'moved', by: 0 });
  });

  it('matches ideas by their item, not by the suggestion id the ranking gave them', () => {
    const renamed = { ...place('a'), id: 'another-ranking-id' };
    expect(diffComparison([place('a')], [renamed]).profiled).toEqual([{ kind: 'moved', by: 0 }]);
  });

  it('keeps an event and the place it is at apart', () => {
    const venue = place('v');
    const event = { ...venue, item: { ...venue.item, kind: 'event' as const } };
    expect(itemKey(venue)).not.toBe(itemKey(event));
    expect(diffComparison([venue], [event]).profiled).toEqual([{ kind: 'only' }]);
  });

  it('compares with the first rank when a side holds an idea twice', () => {
    const diff = diffComparison([place('a')], [place('b'), place('a'), place('a')]);
    expect(diff.profiled).toEqual([{ kind: 'moved', by: 1 }]);
  });

  it('handles empty sides', () => {
    expect(diffComparison([], [])).toEqual({ profiled: [], other: [] });
    expect(diffComparison([place('a')], []).profiled).toEqual([{ kind: 'only' }]);
  });
});

describe('moveMark', () => {
  it('writes up, down and unchanged with an arrow and the number of places', () => {
    expect(moveMark(2)).toBe('↑2');
    expect(moveMark(-1)).toBe('↓1');
    expect(moveMark(0)).toBe('=');
  });
});
