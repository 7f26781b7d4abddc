/**
 * party: who the traveller is with — children's ages and accessibility needs (profile data). Children make
 * kid-friendly places rise; bars, clubs and jazz clubs are excluded for them by a hard rule (not-for-children.ts),
 * and score nothing here should they be scored at all; a wheelchair need makes places tagged accessible rise
 * (unknown access scores nothing). A solo adult with no needs gets no points either way, and the panel says so.
 * A party or need the traveller's advisor noted counts the same, and the datum says who noted it.
 */
import { notedByParams, type PersonalDataRef } from '@escale/shared';
import { hasTag } from '../candidate.ts';
import { notForChildren } from '../not-for-children.ts';
import { type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

const NO_PARTY: SignalResult = Object.freeze({ value: 0, evidence: fixedEvidence('party.none'), personalData: NO_DATA });

export const party: Signal = {
  id: 'party',
  compute(c, ctx): SignalResult {
    const p = ctx.profile?.party;
    if (!p || (p.childrenAges.length === 0 && p.accessibility.length === 0)) {
      return NO_PARTY;
    }
    const personalData: PersonalDataRef[] = [];
    const values: number[] = [];
    let evidenceKey = 'party.none';

    if (p.childrenAges.length > 0) {
      const by = ctx.profile?.noted?.party;
      const params = { adults: p.adults, children: p.childrenAges.length };
      personalData.push({ category: 'profile', kind: 'party', evidence: by ? { key: 'data.advisor_party', params: { ...params, ...notedByParams(by) } } : { key: 'data.party', params }, at: null });
      if (notForChildren(c)) {
        values.push(0);
        evidenceKey = 'party.not_for_children';
      } else if (hasTag(c, 'kid-friendly')) {
        values.push(1);
        evidenceKey = 'party.kid_friendly';
      } else {
        values.push(0.3);
        evidenceKey = 'party.neutral_children';
      }
    }
    if (p.accessibility.includes('wheelchair')) {
      const by = ctx.profile?.noted?.accessibility.wheelchair;
      const evidence = by ? { key: 'data.advisor_accessibility', params: { need: 'wheelchair', ...notedByParams(by) } } : { key: 'data.accessibility', params: { need: 'wheelchair' } };
      personalData.push({ category: 'profile', kind: 'party', evidence, at: null });
      const accessible = hasTag(c, 'wheelchair');
      values.push(accessible ? 1 : 0);
      // The access fact speaks louder than the children's one when it is positive or unknown.
      if (accessible || evidenceKey !== 'party.not_for_children') evidenceKey = accessible ? 'party.wheelchair' : 'party.wheelchair_unknown';
    }
    const value = values.length ? Math.min(...values) : 0;
    return { value, evidence: fixedEvidence(evidenceKey), personalData };
  },
};
