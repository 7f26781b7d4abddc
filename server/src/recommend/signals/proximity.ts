/**
 * proximity: how short the walk is. Walking minutes, not metres, because that is what a traveller weighs;
 * the value halves about every 10 minutes of walk, so 5 min ≈ 0.7 and 20 min ≈ 0.25.
 */
import type { PersonalDataRef } from '@escale/shared';
import type { Position, RankingContext } from '../context.ts';
import { localClock } from '../local-clock.ts';
import { clamp01, type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

const HALF_LIFE_MINUTES = 10;

/** The position read, as the panel lists it: the same for every candidate of a ranking, so built once. */
const positionRefs = new WeakMap<RankingContext, PersonalDataRef[]>();

function positionRef(ctx: RankingContext, position: Position): PersonalDataRef[] {
  let refs = positionRefs.get(ctx);
  if (!refs) {
    refs = [{ category: 'location', kind: 'position', evidence: { key: 'data.position', params: { time: localClock(position.at, ctx.city.timezone) } }, at: position.at.toISOString() }];
    positionRefs.set(ctx, refs);
  }
  return refs;
}

export const proximity: Signal = {
  id: 'proximity',
  compute(c, ctx): SignalResult {
    if (!ctx.position || c.meters === null || c.walkMinutes === null) {
      return { value: 0, evidence: fixedEvidence('proximity.unknown'), personalData: NO_DATA };
    }
    const minutes = c.runMinutes ?? c.walkMinutes;
    return {
      value: clamp01(Math.pow(0.5, minutes / HALF_LIFE_MINUTES)),
      evidence: { key: c.runMinutes === undefined ? 'proximity.walk' : 'proximity.run', params: { meters: Math.round(c.meters), minutes } },
      personalData: positionRef(ctx, ctx.position),
    };
  },
};
