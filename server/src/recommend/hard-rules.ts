/**
 * Rules that are not weighed but obeyed: a candidate that breaks one is never suggested, whatever its score.
 * Each returns the reason, so tests and the evaluation can say why something is absent.
 */
import type { Candidate } from './candidate.ts';
import { candidateTags } from './candidate.ts';
import type { RankingContext } from './context.ts';

export type ExclusionReason =
  | 'dismissed_or_been_there'
  | 'visited'
  | 'disliked'
  | 'closed_at_arrival'
  | 'closes_too_soon'
  | 'event_started'
  | 'event_too_far_ahead'
  | 'sold_out';

/** A place that closes less than this long after the traveller arrives is not worth the walk. */
export const MIN_MINUTES_OPEN_AFTER_ARRIVAL = 20;
/** Events further ahead than this are for planning, not for a push "for the next hours". */
export const EVENT_HORIZON_HOURS = 8;

export function exclusionReason(c: Candidate, ctx: RankingContext, options: { allowVisited?: boolean } = {}): ExclusionReason | null {
  if (ctx.exclusions.has(c.place.id)) return 'dismissed_or_been_there';
  if (!options.allowVisited && ctx.visited.has(c.place.id)) return 'visited';

  if (ctx.profile) {
    const tags = new Set(candidateTags(c));
    const disliked = ctx.profile.dislikes.some((d) => (d.kind === 'category' ? d.id === c.place.category : tags.has(d.id)));
    if (disliked) return 'disliked';
  }

  if (c.kind === 'event') {
    if (c.event.startsAt.getTime() <= c.arrival.getTime()) return 'event_started';
    if (c.event.startsAt.getTime() - ctx.now.getTime() > EVENT_HORIZON_HOURS * 3600_000) return 'event_too_far_ahead';
    if (c.event.seatsLeft <= 0) return 'sold_out';
    return null;
  }
  if (c.kind === 'offer' && c.offer.seatsLeft <= 0) return 'sold_out';

  if (c.hours.kind === 'closed') return 'closed_at_arrival';
  if (c.hours.kind === 'open' && c.hours.closesAt) {
    const minutesOpen = (c.hours.closesAt.getTime() - c.arrival.getTime()) / 60_000;
    if (minutesOpen < MIN_MINUTES_OPEN_AFTER_ARRIVAL) return 'closes_too_soon';
  }
  return null;
}
