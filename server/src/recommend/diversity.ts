/**
 * Diversity re-ranking: a greedy pass that discounts a candidate for each already-picked suggestion of the
 * same category, so three ramen bars do not fill a push of three. The discount only reorders; the score
 * shown stays the candidate's own.
 */
import type { Scored } from './rank.ts';

export const SAME_CATEGORY_DISCOUNT = 0.75;

export function diversify(ordered: Scored[], limit: number, alreadyPicked: Scored[] = []): Scored[] {
  const picked: Scored[] = [];
  const perCategory = new Map<string, number>();
  for (const s of alreadyPicked) perCategory.set(s.candidate.place.category, (perCategory.get(s.candidate.place.category) ?? 0) + 1);
  const pool = ordered.slice(0, Math.max(limit * 10, 30));
  while (picked.length < limit && pool.length > 0) {
    let bestIndex = 0;
    let bestAdjusted = -Infinity;
    pool.forEach((s, i) => {
      const seen = perCategory.get(s.candidate.place.category) ?? 0;
      const adjusted = s.score * Math.pow(SAME_CATEGORY_DISCOUNT, seen);
      if (adjusted > bestAdjusted) {
        bestAdjusted = adjusted;
        bestIndex = i;
      }
    });
    const [chosen] = pool.splice(bestIndex, 1);
    // Say so when a higher-scored candidate was passed over for its category: the panel explains the order.
    const passedOver = pool.find((s) => s.score > chosen!.score);
    picked.push(passedOver ? { ...chosen!, variedFrom: passedOver.candidate.place.category } : chosen!);
    const cat = chosen!.candidate.place.category;
    perCategory.set(cat, (perCategory.get(cat) ?? 0) + 1);
  }
  return picked;
}
