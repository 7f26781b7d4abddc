/** "Wallet gap": the traveller is in free time of at least `minGapMinutes` before their next booking. */
import type { PushSettings } from '@escale/shared';
import type { Gap } from '../../wallet/timeline.ts';
import type { PushState } from '../state.ts';
import type { Firing } from './firing.ts';

export function walletGapTrigger(settings: PushSettings, state: PushState, gap: Gap | null, clock: (d: Date) => string): Firing | null {
  if (!settings.triggers.wallet_gap || !gap || state.lastGap === gap.key) return null;
  return {
    kind: 'wallet_gap',
    evidence: { key: 'trigger.wallet_gap', params: { from: clock(gap.from), until: clock(gap.until) } },
    remember: { lastGap: gap.key },
  };
}
