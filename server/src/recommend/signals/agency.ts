/**
 * agency: the agency's promotions. Its own signal, so a promotion is always visible as such in the panel
 * and never blended into another signal; its small default weight caps how far it can lift a place, and the
 * promotion's boost (0.1–1) is its value while the promotion runs.
 */
import type { Evidence } from '@escale/shared';
import { runningPromotion } from '../promotions.ts';
import { type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

const NOT_PROMOTED: SignalResult = Object.freeze({ value: 0, evidence: fixedEvidence('agency.not_promoted'), personalData: NO_DATA });

export const agency: Signal = {
  id: 'agency',
  compute(c, ctx): SignalResult {
    const promotion = runningPromotion(c, ctx.promotions, ctx.now);
    if (promotion === null) return NOT_PROMOTED;
    return { value: promotion.boost, evidence: promotionEvidence(ctx.agencyName, promotion.label), personalData: NO_DATA };
  },
};

/** "Promoted by your agency (X)", with the agency's label when it gave one. */
export function promotionEvidence(agencyName: string, label: string | null): Evidence {
  return label === null ? { key: 'agency.promoted', params: { agency: agencyName } } : { key: 'agency.promoted_as', params: { agency: agencyName, label } };
}
