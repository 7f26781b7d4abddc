/**
 * An agency's promotions as the ranker reads them: by what they promote, so the agency signal finds a
 * candidate's promotion with one lookup. Only the traveller's own agency's promotions are looked at: a
 * promotion says "promoted by your agency", which another agency's never is.
 */
import type { Promotion } from '../catalogue/model.ts';
import type { Candidate } from './candidate.ts';

export type PromotionsByTarget = Readonly<Record<Promotion['target']['kind'], ReadonlyMap<string, readonly Promotion[]>>>;

export const NO_PROMOTIONS: PromotionsByTarget = Object.freeze({ place: new Map(), event: new Map(), offer: new Map() });

/** The promotion running for `c` at `now` (the strongest, should two overlap), or null. */
export function runningPromotion(c: Candidate, promotions: PromotionsByTarget, now: Date): Promotion | null {
  const list = promotions[c.kind].get(c.id);
  if (list === undefined) return null;
  const t = now.getTime();
  let best: Promotion | null = null;
  for (const p of list) {
    if (p.startsAt.getTime() <= t && t < p.endsAt.getTime() && (best === null || p.boost > best.boost)) best = p;
  }
  return best;
}

/** Every agency's promotions, kept up to date as the catalogue changes (travel-graph.ts holds one). */
export class PromotionIndex {
  private readonly byId = new Map<string, Promotion>();
  private readonly byAgency = new Map<string, PromotionsByTarget>();

  upsert(promotion: Promotion): void {
    const previous = this.byId.get(promotion.id);
    this.byId.set(promotion.id, promotion);
    this.rebuild(promotion.agencyId);
    if (previous && previous.agencyId !== promotion.agencyId) this.rebuild(previous.agencyId);
  }

  get(id: string): Promotion | undefined {
    return this.byId.get(id);
  }

  remove(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) return;
    this.byId.delete(id);
    this.rebuild(previous.agencyId);
  }

  of(agencyId: string): PromotionsByTarget {
    return this.byAgency.get(agencyId) ?? NO_PROMOTIONS;
  }

  all(): IterableIterator<Promotion> {
    return this.byId.values();
  }

  /** An agency has a few promotions at most: its lookup is rebuilt whole, and read as is by every ranking. */
  private rebuild(agencyId: string): void {
    const maps = { place: new Map<string, Promotion[]>(), event: new Map<string, Promotion[]>(), offer: new Map<string, Promotion[]>() };
    for (const p of this.byId.values()) {
      if (p.agencyId !== agencyId) continue;
      const list = maps[p.target.kind].get(p.target.id);
      if (list) list.push(p);
      else maps[p.target.kind].set(p.target.id, [p]);
    }
    if (maps.place.size + maps.event.size + maps.offer.size === 0) this.byAgency.delete(agencyId);
    else this.byAgency.set(agencyId, maps);
  }
}
