/**
 * The one line a card gives as its reason. The card already states the distance and the opening hours as
 * facts, so the reason is the strongest contribution that says something else (a stated interest, the
 * traveller's taste, the trip, the party, free entry, what others thought when they thought well of it); an
 * event's timing ("starts in 40 min") is a reason of its own. With nothing beyond the facts, the reason says
 * so plainly ("near you and open now", or "open now" when no position was used).
 */
import type { Evidence, SignalContribution, SignalId } from '@escale/shared';

/** Shown elsewhere on the card: the walk line, the hours line, the promotion badge. */
const SHOWN_AS_FACTS: ReadonlySet<SignalId> = new Set<SignalId>(['proximity', 'timing', 'agency']);
/**
 * True of nearly every place, so no reason to pick this one: "within your budget", "no special needs
 * given", "not marked as child-friendly", "not among your interests". Free entry is a reason.
 */
const SAYS_NOTHING: ReadonlySet<string> = new Set(['budget.within', 'budget.unknown', 'party.none', 'party.neutral_children', 'party.wheelchair_unknown', 'interests.neutral']);
/** Below this, "4.1 from 30 reviews" is middling, not a reason to go. */
const POPULAR = 0.6;

function saysSomething(c: SignalContribution): boolean {
  if (SAYS_NOTHING.has(c.evidence.key)) return false;
  return c.signal !== 'popularity' || c.value >= POPULAR;
}

/** `located`: a position was used, so "near you" is true; without one (the non-profiled feed, location off) it is not said. */
export function reasonOf(contributions: readonly SignalContribution[], kind: 'place' | 'event' | 'offer', openNow: boolean, located = true): Evidence {
  let best: SignalContribution | null = null;
  for (const c of contributions) {
    if (c.points <= 0) continue;
    if (SHOWN_AS_FACTS.has(c.signal) && !(c.signal === 'timing' && kind === 'event')) continue;
    if (!saysSomething(c)) continue;
    if (!best || c.points > best.points) best = c;
  }
  if (best) return best.evidence;
  if (!located) return { key: openNow ? 'reason.open' : 'reason.in_area', params: {} };
  return { key: openNow ? 'reason.near_open' : 'reason.near', params: {} };
}
