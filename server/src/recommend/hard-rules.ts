/**
 * Rules that are not weighed but obeyed: a candidate that breaks one is never suggested, whatever its score.
 * Each returns the reason, so tests and the evaluation can say why something is absent.
 */
import { CategoryId } from '@escale/shared';
import { categoryCode, UNKNOWN_PRICE, type PlaceTable } from '../graph/place-table.ts';
import type { TravelGraph } from '../graph/travel-graph.ts';
import { hasTag, type Candidate } from './candidate.ts';
import type { HoursState } from './opening-hours.ts';
import type { RankingContext } from './context.ts';
import { localHour } from './local-clock.ts';
import { priceLevelOf } from './signals/budget.ts';
import { inPossibleHours, inUsualHours } from './category-hours.ts';
import { ADULT_CATEGORIES, notForChildren } from './not-for-children.ts';

/** Every hard rule, by the reason it gives; the public description of the ranking lists each (privacy/ranking-explained.ts). */
export const EXCLUSION_REASONS = [
  'dismissed_or_been_there',
  'visited',
  'disliked',
  'closed_at_arrival',
  'closes_too_soon',
  'probably_closed',
  'not_at_this_hour',
  'over_budget',
  'not_known_accessible',
  'not_for_children',
  'event_started',
  'event_too_far_ahead',
  'sold_out',
  'not_on_sale',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** A place that closes less than this long after the traveller arrives is not worth the walk. */
export const MIN_MINUTES_OPEN_AFTER_ARRIVAL = 20;
/** Local night, when a place whose hours are unknown is assumed closed unless its kind keeps late hours. */
const NIGHT_FROM = 22;
const NIGHT_UNTIL = 7;

/** Events further ahead than this are for planning, not for a push "for the next hours". */
export const EVENT_HORIZON_HOURS = 5;

export interface RuleOptions {
  /** Favourites mode: visited places may come back. */
  allowVisited?: boolean;
  /**
   * For evaluations on a catalogue without any opening hours (the check-in replay): the rules about hours
   * cannot be judged there, so they are not applied. Never set by the product.
   */
  ignoreHours?: boolean;
}

export function exclusionReason(c: Candidate, ctx: RankingContext, options: RuleOptions = {}): ExclusionReason | null {
  return exclusionBeforeHours(c, ctx, options) ?? exclusionByHours(c, ctx, options);
}

/** The rules about the place itself, whatever is suggested there (the place, an event, an offer). */
export function placeExclusion(placeId: string, ctx: RankingContext, options: RuleOptions = {}): ExclusionReason | null {
  if (ctx.exclusions.has(placeId)) return 'dismissed_or_been_there';
  if (!options.allowVisited && ctx.visited.has(placeId)) return 'visited';
  return null;
}

/**
 * The rules a place can be turned down by from the place table alone, prepared once per ranking:
 * dismissed or visited, a bar or club for a party with children (the place and all held there), a disliked
 * category or a price level over the budget (the place itself; its events and offers have their own price
 * and are judged one by one). A subset of exclusionBeforeHours, so screening first never admits what the full
 * rules would refuse, nor refuses what they would admit.
 */
export interface PlaceScreen {
  /** Positions in the place table of the dismissed and (unless allowed) visited places. */
  excluded: Set<number>;
  /** Category codes whose places are dropped with all held there (bars and clubs, with children in the party). */
  excludedCategories: readonly number[];
  dislikedCategories: readonly number[];
  budget: number | null;
}

const isCategoryId = (id: string): id is CategoryId => CategoryId.safeParse(id).success;

export function placeScreen(graph: TravelGraph, ctx: RankingContext, options: RuleOptions = {}): PlaceScreen {
  const excluded = new Set<number>();
  const add = (placeId: string) => {
    const position = graph.slotOf(placeId);
    if (position !== undefined) excluded.add(position);
  };
  for (const placeId of ctx.exclusions) add(placeId);
  if (!options.allowVisited) for (const placeId of ctx.visited) add(placeId);
  const dislikedCategories = (ctx.profile?.dislikes ?? []).flatMap((d) => (d.kind === 'category' && isCategoryId(d.id) ? [categoryCode(d.id)] : []));
  const excludedCategories = withChildren(ctx) ? ADULT_CATEGORIES.map(categoryCode) : [];
  return { excluded, excludedCategories, dislikedCategories, budget: ctx.profile?.budget ?? null };
}

/** Whether the screen drops the place with everything held there (its events and offers too). */
export function screenDropsAll(screen: PlaceScreen, table: PlaceTable, position: number): boolean {
  return screen.excluded.has(position) || (screen.excludedCategories.length > 0 && screen.excludedCategories.includes(table.category[position]!));
}

/** Children in the party: the traveller's own, or the one their advisor noted (merged in the profile). */
const withChildren = (ctx: RankingContext): boolean => (ctx.profile?.party.childrenAges.length ?? 0) > 0;

/** Whether the place itself (not what is held there) passes the screen's category and budget rules. */
export function screenPasses(screen: PlaceScreen, table: PlaceTable, position: number): boolean {
  if (screen.dislikedCategories.length > 0 && screen.dislikedCategories.includes(table.category[position]!)) return false;
  const level = table.priceLevel[position]!;
  return screen.budget === null || level === UNKNOWN_PRICE || level <= screen.budget;
}

/**
 * The rules that do not depend on opening hours: checked first, so the hours are evaluated only for
 * candidates that survive them (candidates.ts), which is most of the saving on a busy street.
 */
export function exclusionBeforeHours(c: Candidate, ctx: RankingContext, options: RuleOptions = {}): ExclusionReason | null {
  return placeExclusion(c.place.id, ctx, options) ?? itemExclusion(c, ctx);
}

/** exclusionBeforeHours without the place rules, for a candidate whose place already passed them (a screen). */
export function itemExclusion(c: Candidate, ctx: RankingContext): ExclusionReason | null {
  if (ctx.profile) {
    for (const d of ctx.profile.dislikes) {
      if (d.kind === 'category' ? d.id === c.place.category : hasTag(c, d.id)) return 'disliked';
    }
    // A stated budget is obeyed like a dislike: the budget signal only ranks what fits.
    const level = priceLevelOf(c);
    if (ctx.profile.budget !== null && level !== null && level > ctx.profile.budget) return 'over_budget';
    // For a wheelchair user a place of unknown access is a gamble they did not ask for: only known access.
    if (ctx.profile.party.accessibility.includes('wheelchair') && !hasTag(c, 'wheelchair')) return 'not_known_accessible';
    // A bar, a club, a jazz club or what is held there is no place for children, however near or well rated:
    // scoring it low (the party signal alone, before) still let it into a family's feed late in the evening.
    if (ctx.profile.party.childrenAges.length > 0 && notForChildren(c)) return 'not_for_children';
  }

  if (c.kind === 'event') {
    if (c.event.startsAt.getTime() <= c.arrival.getTime()) return 'event_started';
    if (c.event.startsAt.getTime() - ctx.now.getTime() > EVENT_HORIZON_HOURS * 3600_000) return 'event_too_far_ahead';
    if (c.event.seatsLeft <= 0) return 'sold_out';
    return null;
  }
  if (c.kind === 'offer') {
    if (c.offer.seatsLeft <= 0) return 'sold_out';
    if (!onSale(c.offer, ctx.now)) return 'not_on_sale';
  }
  return null;
}

/** Whether an offer may be booked at `now`: within its sale window, each side of which may be open. */
export function onSale(offer: { saleStartsAt: Date | null; saleEndsAt: Date | null }, now: Date): boolean {
  const t = now.getTime();
  return (offer.saleStartsAt === null || offer.saleStartsAt.getTime() <= t) && (offer.saleEndsAt === null || t < offer.saleEndsAt.getTime());
}

/** The rules on opening hours at arrival, for places and offers (an event's own time is what counts). */
export function exclusionByHours(c: Candidate, ctx: RankingContext, options: RuleOptions = {}): ExclusionReason | null {
  if (options.ignoreHours || c.kind === 'event') return null;
  return hoursExclusion(c.place.category, c.hours, c.arrival, localHour(c.arrival, ctx.city.timezone));
}

/** exclusionByHours for a place or offer of `category` whose hours at `arrival` (local `hour`) are `hours`. */
export function hoursExclusion(category: CategoryId, hours: HoursState, arrival: Date, hour: number): ExclusionReason | null {
  if (hours.kind === 'closed') return 'closed_at_arrival';
  // Outside the hours when such a place can make sense, nothing is suggested whatever its hours say
  // (category-hours.ts); in them but outside the usual hours, only when known to be open.
  if (!inPossibleHours(category, hour)) return 'not_at_this_hour';
  const usual = inUsualHours(category, hour);
  if (!usual && hours.kind !== 'open') return 'probably_closed';
  // Unknown hours are not "open": never at night, when a wrong guess sends someone to a closed door.
  if (hours.kind === 'unknown' && (hour >= NIGHT_FROM || hour < NIGHT_UNTIL)) return 'probably_closed';
  if (hours.kind === 'open' && hours.closesAt) {
    const minutesOpen = (hours.closesAt.getTime() - arrival.getTime()) / 60_000;
    if (minutesOpen < MIN_MINUTES_OPEN_AFTER_ARRIVAL) return 'closes_too_soon';
  }
  return null;
}
