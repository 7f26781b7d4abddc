/**
 * What differs between the two columns of the demo's comparison: which ideas only one side has, and how
 * far each shared idea moved. Pure, so the columns only render it.
 */
import type { Suggestion } from '@escale/shared';

/** How a row stands against the other column: absent there, or ranked `by` places higher here (negative: lower). */
export type RowDiff = { kind: 'only' } | { kind: 'moved'; by: number };

export interface ComparisonDiff {
  profiled: RowDiff[];
  other: RowDiff[];
}

/**
 * The same idea on both sides is the same item, not the same suggestion id (each ranking names its own).
 * The kind is part of the key so that ids of places, events and offers can never be taken for one another.
 */
export const itemKey = (s: Suggestion): string => `${s.item.kind}:${s.item.id}`;

/** Each key's first rank: a list should not hold an idea twice, and if it did the first one is what is seen. */
function firstRanks(list: readonly Suggestion[]): Map<string, number> {
  const ranks = new Map<string, number>();
  list.forEach((s, index) => {
    const key = itemKey(s);
    if (!ranks.has(key)) ranks.set(key, index);
  });
  return ranks;
}

function against(list: readonly Suggestion[], otherRanks: Map<string, number>): RowDiff[] {
  return list.map((s, index): RowDiff => {
    const there = otherRanks.get(itemKey(s));
    return there === undefined ? { kind: 'only' } : { kind: 'moved', by: there - index };
  });
}

export function diffComparison(profiled: readonly Suggestion[], other: readonly Suggestion[]): ComparisonDiff {
  return { profiled: against(profiled, firstRanks(other)), other: against(other, firstRanks(profiled)) };
}

/** The short visible mark of a row: "Only here" is said by the caller; a move reads "↑2", "↓1" or "=". */
export function moveMark(by: number): string {
  if (by > 0) return `↑${by}`;
  if (by < 0) return `↓${-by}`;
  return '=';
}
