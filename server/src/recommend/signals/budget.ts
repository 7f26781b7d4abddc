/**
 * budget: the traveller's budget level (1 = €, 4 = €€€€; profile data) against the place's price level or
 * the event's or offer's price. What is above the budget never reaches a signal (hard-rules.ts: a stated
 * budget is obeyed); among the rest, this says "within your budget", "free" or "price not known".
 */
import type { Candidate } from '../candidate.ts';
import { type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

/** Euros per person mapped to price levels, for events and offers that have a price rather than a level. */
export function levelOfPrice(eur: number): number {
  if (eur <= 0) return 0;
  if (eur <= 15) return 1;
  if (eur <= 40) return 2;
  if (eur <= 80) return 3;
  return 4;
}

/** The price level of what is suggested: the event's or offer's price, else the place's level; 0 = free. */
export function priceLevelOf(c: Candidate): number | null {
  const price = c.kind === 'event' ? c.event.priceEur : c.kind === 'offer' ? c.offer.priceEur : null;
  return price !== null ? levelOfPrice(price) : c.place.priceLevel;
}

export const budget: Signal = {
  id: 'budget',
  compute(c, ctx): SignalResult {
    const max = ctx.profile?.budget ?? null;
    if (max === null) return { value: 0, evidence: fixedEvidence('budget.unknown'), personalData: NO_DATA };
    const personalData = [{ category: 'profile' as const, kind: 'budget' as const, evidence: { key: 'data.budget', params: { budget: max } }, at: null }];
    const level = priceLevelOf(c);
    if (level === 0 || (level === null && (c.place.category === 'park' || c.place.category === 'market'))) {
      return { value: 1, evidence: fixedEvidence('budget.free'), personalData };
    }
    if (level === null) return { value: 0.5, evidence: fixedEvidence('budget.unknown'), personalData };
    if (level <= max) return { value: 1, evidence: { key: 'budget.within', params: { level } }, personalData };
    return { value: level === max + 1 ? 0.15 : 0, evidence: { key: 'budget.above', params: { level, budget: max } }, personalData };
  },
};
