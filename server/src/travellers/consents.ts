/**
 * Changing a consent. The live channel reads consents from the push cache, so the change is written, then
 * the cache forgets the traveller: the very next message is judged on the new consent.
 */
import type { ConsentCategory } from '@escale/shared';
import type { AppContext } from '../context.ts';

export async function setConsent(ctx: Pick<AppContext, 'db' | 'clock' | 'pushCache'>, travellerId: string, category: ConsentCategory, granted: boolean): Promise<void> {
  const row = { granted: granted ? 1 : 0, updated_at: ctx.clock.now().toISOString() };
  await ctx.db
    .insertInto('consents')
    .values({ traveller_id: travellerId, category, ...row })
    .onConflict((oc) => oc.columns(['traveller_id', 'category']).doUpdateSet(row))
    .execute();
  ctx.pushCache.invalidate(travellerId);
}
