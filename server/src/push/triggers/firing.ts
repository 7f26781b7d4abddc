/** What a trigger answers when it fires: which trigger, the sentence the card shows, and what to remember. */
import type { AutoTrigger, Evidence } from '@escale/shared';
import type { PushState } from '../state.ts';

export interface Firing {
  kind: AutoTrigger;
  evidence: Evidence;
  /** State to record once the push has gone out (so the same meal or gap is announced once). */
  remember: Partial<PushState>;
}
