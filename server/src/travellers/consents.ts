/**
 * Changing a consent. The live channel reads consents from the push cache, so the change is written, then
 * the cache forgets the traveller: the very next message is judged on the new consent.
 */
import type { ConsentCategory } from '@escale/shared';
import type { AppContext } from '../context.ts';

export async function setConsent(ctx: Pick<AppContext, 'clock' | 'changes'>, travellerId: string, category: ConsentCategory, granted: boolean): Promise<void> {
  const row = { granted: granted ? 1 : 0, updated_at: ctx.clock.now().toISOString() };
  // Every instance's push cache forgets the traveller when it applies the change (push/follow-changes.ts).
  await ctx.changes.record(
    (trx) =>
      trx
        .insertInto('consents')
        .values({ traveller_id: travellerId, category, ...row })
        .onConflict((oc) => oc.columns(['traveller_id', 'category']).doUpdateSet(row))
        .execute(),
    () => [{ type: 'traveller_changed', travellerId }],
  );
}
