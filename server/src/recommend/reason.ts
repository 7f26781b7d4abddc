/**
 * The one line a card gives as its reason. The card already states the distance and the opening hours as
 * facts, so the reason is the strongest contribution that says something else (a stated interest, the
 * traveller's taste, the trip, the party, the budget, what others thought); an event's timing ("starts in
 * 40 min") is a reason of its own. With nothing beyond the facts, the reason says so plainly.
 */
import type { Evidence, SignalContribution, SignalId } from '@escale/shared';

/** Shown elsewhere on the card: the walk line, the hours line, the promotion badge. */
const SHOWN_AS_FACTS: ReadonlySet<SignalId> = new Set<SignalId>(['proximity', 'timing', 'agency']);

export function reasonOf(contributions: readonly SignalContribution[], kind: 'place' | 'event' | 'offer', openNow: boolean): Evidence {
  let best: SignalContribution | null = null;
  for (const c of contributions) {
    if (c.points <= 0) continue;
    if (SHOWN_AS_FACTS.has(c.signal) && !(c.signal === 'timing' && kind === 'event')) continue;
    if (!best || c.points > best.points) best = c;
  }
  if (best) return best.evidence;
  return { key: openNow ? 'reason.near_open' : 'reason.near', params: {} };
}
