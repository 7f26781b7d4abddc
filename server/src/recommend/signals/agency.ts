/**
 * agency: the agency's promotions. Its own signal, so a promotion is always visible as such in the panel
 * and never blended into another signal; its small default weight caps how far it can lift a place.
 */
import { type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

const NOT_PROMOTED: SignalResult = Object.freeze({ value: 0, evidence: fixedEvidence('agency.not_promoted'), personalData: NO_DATA });

export const agency: Signal = {
  id: 'agency',
  compute(c, ctx): SignalResult {
    if (c.kind === 'offer' && c.offer.promoted) {
      return { value: 1, evidence: { key: 'agency.promoted', params: { agency: ctx.agencyName } }, personalData: NO_DATA };
    }
    return NOT_PROMOTED;
  },
};
