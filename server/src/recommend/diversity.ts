/**
 * Diversity re-ranking: a greedy pass that discounts a candidate for each already-picked suggestion of the
 * same category, so three ramen bars do not fill a push of three. The discount only reorders; the score
 * shown stays the candidate's own.
 */
import type { Scored } from './rank.ts';

export const SAME_CATEGORY_DISCOUNT = 0.75;

export function diversify(ordered: Scored[], limit: number, alreadyPicked: Scored[] = []): Scored[] {
  const picked: Scored[] = [];
  const pool = ordered.slice(0, Math.max(limit * 10, 30));
  // Categories as small numbers and each one's discount so far (0.75^picked), so that the loop below, run
  // once per pick over the whole pool, reads two arrays instead of a Map and a power per candidate.
  const codes = new Map<string, number>();
  const category = new Int32Array(pool.length);
  for (let i = 0; i < pool.length; i++) {
    const id = pool[i]!.candidate.place.category;
    let code = codes.get(id);
    if (code === undefined) codes.set(id, (code = codes.size));
    category[i] = code;
  }
  const seen = new Int32Array(codes.size);
  const discount = new Float64Array(codes.size).fill(1);
  for (const s of alreadyPicked) {
    const code = codes.get(s.candidate.place.category);
    if (code !== undefined) discount[code] = Math.pow(SAME_CATEGORY_DISCOUNT, ++seen[code]!);
  }
  const taken = new Uint8Array(pool.length);
  while (picked.length < Math.min(limit, pool.length)) {
    let bestIndex = -1;
    let bestAdjusted = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const adjusted = pool[i]!.score * discount[category[i]!]!;
      if (adjusted > bestAdjusted || bestIndex < 0) {
        bestAdjusted = adjusted;
        bestIndex = i;
      }
    }
    taken[bestIndex] = 1;
    const chosen = pool[bestIndex]!;
    // Say so when a higher-scored candidate was passed over for its category: the panel explains the order.
    let passedOver: Scored | undefined;
    for (let i = 0; i < pool.length && !passedOver; i++) if (!taken[i] && pool[i]!.score > chosen.score) passedOver = pool[i];
    picked.push(passedOver ? { ...chosen, variedFrom: passedOver.candidate.place.category } : chosen);
    const code = category[bestIndex]!;
    discount[code] = Math.pow(SAME_CATEGORY_DISCOUNT, ++seen[code]!);
  }
  return picked;
}
