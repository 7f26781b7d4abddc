/** Ranks for one traveller and publishes the result to all their connections, saying what triggered it. */
import { toZonedIso, type TriggerKind } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { Position } from '../recommend/context.ts';
import type { Traveller } from '../travellers/model.ts';
import type { Hub } from './hub.ts';

/** The brief's push policy: a push carries at most three suggestions. */
export const PUSH_SIZE = 3;

export async function pushSuggestions(
  ctx: AppContext,
  hub: Hub,
  traveller: Traveller,
  position: Position | null,
  trigger: TriggerKind,
): Promise<void> {
  const now = ctx.clock.now();
  const result = ctx.recommender.suggest({ traveller, now, position, limit: PUSH_SIZE });
  await hub.publish(
    traveller.id,
    {
      type: 'suggestions',
      at: toZonedIso(now, ctx.city.timezone),
      trigger: { kind: trigger, evidence: { key: `trigger.${trigger}`, params: {} } },
      position: position ? { lat: position.lat, lon: position.lon } : null,
      items: result.items,
      coldStart: result.coldStart,
    },
    now,
  );
}
