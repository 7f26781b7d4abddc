/**
 * budget: the traveller's budget level (1 = €, 4 = €€€€; profile data) against the place's price level or
 * the event's or offer's price. What is above the budget never reaches a signal (hard-rules.ts: a stated
 * budget is obeyed); among the rest, this says "within your budget", "free" or "price not known".
 */
import { notedByParams, type PersonalDataRef, priceLevelOfPrice } from '@escale/shared';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';
import { type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

/** The price level of what is suggested: the event's or offer's price in its currency, else the place's level; 0 = free. */
export function priceLevelOf(c: Candidate): number | null {
  if (c.kind === 'event') return priceLevelOfPrice(c.event.price, c.event.currency);
  if (c.kind === 'offer') return priceLevelOfPrice(c.offer.price, c.offer.currency);
  return c.place.priceLevel;
}

/** The budget read, as the panel lists it: the same for every candidate of a ranking, so built once. */
const budgetRefs = new WeakMap<RankingContext, PersonalDataRef[]>();

function budgetRef(ctx: RankingContext, max: number): PersonalDataRef[] {
  let refs = budgetRefs.get(ctx);
  if (!refs) {
    const by = ctx.profile?.noted?.budget;
    const evidence = by ? { key: 'data.advisor_budget', params: { budget: max, ...notedByParams(by) } } : { key: 'data.budget', params: { budget: max } };
    refs = [{ category: 'profile', kind: 'budget', evidence, at: null }];
    budgetRefs.set(ctx, refs);
  }
  return refs;
}

export const budget: Signal = {
  id: 'budget',
  compute(c, ctx): SignalResult {
    const max = ctx.profile?.budget ?? null;
    if (max === null) return { value: 0, evidence: fixedEvidence('budget.unknown'), personalData: NO_DATA };
    const personalData = budgetRef(ctx, max);
    const level = priceLevelOf(c);
    if (level === 0 || (level === null && (c.place.category === 'park' || c.place.category === 'market'))) {
      return { value: 1, evidence: fixedEvidence('budget.free'), personalData };
    }
    if (level === null) return { value: 0.5, evidence: fixedEvidence('budget.unknown'), personalData };
    if (level <= max) return { value: 1, evidence: { key: 'budget.within', params: { level } }, personalData };
    return { value: level === max + 1 ? 0.15 : 0, evidence: { key: 'budget.above', params: { level, budget: max } }, personalData };
  },
};
