/**
 * agency: the agency's promotions. Its own signal, so a promotion is always visible as such in the panel
 * and never blended into another signal; its small default weight caps how far it can lift a place.
 */
import type { Signal, SignalResult } from './signal.ts';

export const agency: Signal = {
  id: 'agency',
  compute(c, ctx): SignalResult {
    if (c.kind === 'offer' && c.offer.promoted) {
      return { value: 1, evidence: { key: 'agency.promoted', params: { agency: ctx.agencyName } }, personalData: [] };
    }
    return { value: 0, evidence: { key: 'agency.not_promoted', params: {} }, personalData: [] };
  },
};
