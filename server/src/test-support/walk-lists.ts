/** What a walk's steps depend on, read off a walk index for tests that compare two indexes. */
import { CATEGORY, PLACE, TAG, TRAVELLER, type WalkIndex } from '../graph/walk-index.ts';

/**
 * Every node's neighbours, kind by kind, in order, by key. A node without any is left out: a rebuild gives
 * one to every traveller, an append only to one with a walked row.
 */
export function orderedNeighbours(index: WalkIndex): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (let n = 0; n < index.nodeCount; n++) {
    const key = index.keyOf(n);
    if (key === '' || index.nodeOf(key) !== n) continue; // an erased traveller's emptied node
    const lists = ([PLACE, TRAVELLER, TAG, CATEGORY] as const).map((kind) => Array.from({ length: index.degree(n, kind) }, (_v, i) => index.keyOf(index.neighbour(n, kind, i))));
    if (lists.some((list) => list.length > 0)) out.set(key, lists);
  }
  return out;
}
