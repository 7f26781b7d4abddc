/**
 * Changing a consent, and the record of every change. The live channel reads consents from the push
 * cache, so the change is written, then every instance's cache forgets the traveller (push/follow-changes.ts):
 * the very next message is judged on the new consent, on whichever instance it arrives. Withdrawing is
 * as easy as giving (GDPR Art. 7): one call either way, and each change is kept with its time.
 */
import { CONSENT_CATEGORIES, type ConsentCategory, type ConsentEvent, type Consents, NO_CONSENTS } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { Db } from '../store/db.ts';

export async function setConsent(ctx: Pick<AppContext, 'clock' | 'changes'>, travellerId: string, category: ConsentCategory, granted: boolean): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const row = { granted: granted ? 1 : 0, updated_at: at };
  await ctx.changes.record(
    async (trx) => {
      const before = await trx.selectFrom('consents').select('granted').where('traveller_id', '=', travellerId).where('category', '=', category).executeTakeFirst();
      await trx
        .insertInto('consents')
        .values({ traveller_id: travellerId, category, ...row })
        .onConflict((oc) => oc.columns(['traveller_id', 'category']).doUpdateSet(row))
        .execute();
      // Location off: the stored position goes with it (only the latest is ever kept), not just unused.
      if (category === 'location' && !granted) await trx.deleteFrom('positions').where('traveller_id', '=', travellerId).execute();
      // The history records what changed; saying again what is already so is not a change.
      if ((before?.granted ?? 0) !== row.granted)
        await trx
          .insertInto('consent_history')
          .values({ traveller_id: travellerId, category, granted: row.granted, at })
          .onConflict((oc) => oc.columns(['traveller_id', 'category', 'at']).doUpdateSet({ granted: row.granted }))
          .execute();
    },
    () => [{ type: 'traveller_changed', travellerId }],
  );
}

/** The traveller's consents as stored (a category never set is off). */
export async function consentsOf(db: Db, travellerId: string): Promise<Consents> {
  const rows = await db.selectFrom('consents').select(['category', 'granted']).where('traveller_id', '=', travellerId).execute();
  const consents = { ...NO_CONSENTS };
  for (const r of rows) if ((CONSENT_CATEGORIES as readonly string[]).includes(r.category)) consents[r.category as ConsentCategory] = r.granted === 1;
  return consents;
}

/** Every recorded change, latest first. */
export async function consentHistory(db: Db, travellerId: string): Promise<ConsentEvent[]> {
  const rows = await db.selectFrom('consent_history').selectAll().where('traveller_id', '=', travellerId).orderBy('at', 'desc').orderBy('category').execute();
  return rows.map((r) => ({ category: r.category as ConsentCategory, granted: r.granted === 1, at: r.at }));
}
