/**
 * The same moment ranked two ways, for the demo's side-by-side: the traveller's feed as they have it, and
 * the non-profiled feed or the feed with one personal signal off. Both are the real recommender on the
 * session's clock; nothing is stored, and the traveller's own settings are left as they are.
 */
import { DEMO_COMPARE_SIZE, type DemoCompareQuery, type DemoComparison } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { Clock } from '../clock.ts';
import { localIso } from '../recommend/local-clock.ts';
import type { Traveller } from '../travellers/model.ts';
import { DEFAULT_RANKING_SETTINGS } from '@escale/shared';

/** The traveller as the variant ranks them: non-profiled, or with one more personal signal off. */
export function variantOf(traveller: Traveller, variant: DemoCompareQuery['variant']): Traveller {
  const ranking = traveller.ranking ?? DEFAULT_RANKING_SETTINGS;
  if (variant === 'non_profiled') return { ...traveller, ranking: { ...ranking, nonProfiled: true } };
  const signalsOff = ranking.signalsOff.includes(variant) ? ranking.signalsOff : [...ranking.signalsOff, variant];
  return { ...traveller, ranking: { ...ranking, signalsOff } };
}

export async function compare(ctx: Pick<AppContext, 'recommender' | 'pushCache' | 'cities'>, traveller: Traveller, clock: Clock, query: DemoCompareQuery): Promise<DemoComparison> {
  const now = clock.now();
  const at = { lat: query.lat, lon: query.lon, at: now };
  const bookings = await ctx.pushCache.bookingsAround(traveller.id, now);
  // As the feed does (push-service.ts): the position only with location consent, and never non-profiled.
  const rank = (t: Traveller) => {
    const position = t.consents.location && !t.ranking?.nonProfiled ? at : null;
    return ctx.recommender.ranking({ traveller: t, now, position, bookings }).top(DEMO_COMPARE_SIZE).items;
  };
  return {
    at: localIso(now, ctx.cities.of(traveller.cityId).timezone),
    cityId: traveller.cityId,
    variant: query.variant,
    profiled: rank(traveller),
    other: rank(variantOf(traveller, query.variant)),
  };
}
