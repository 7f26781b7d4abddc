/**
 * Changing a consent, and the record of every change. The live channel reads consents from the push
 * cache, so the change is written, then every instance's cache forgets the traveller (push/follow-changes.ts):
 * the very next message is judged on the new consent, on whichever instance it arrives. Withdrawing is
 * as easy as giving (GDPR Art. 7): one call either way, and each change is kept with its time.
 */
import { type Change, CONSENT_CATEGORIES, type ConsentCategory, type ConsentEvent, type Consents, EMPTY_PROFILE, NO_CONSENTS } from '@escale/shared';
import { HISTORY_KINDS, type InteractionKind } from './model.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../store/db.ts';
import { forgetEvents } from '../insights/events.ts';

export async function setConsent(ctx: Pick<AppContext, 'clock' | 'changes' | 'afterTurn'>, travellerId: string, category: ConsentCategory, granted: boolean): Promise<void> {
  // Writes still queued for the end of the turn (a position just received) commit first, so that a withdrawal
  // deletes them too instead of one landing after it.
  if (!granted) await ctx.afterTurn.flush();
  const at = ctx.clock.now().toISOString();
  const row = { granted: granted ? 1 : 0, updated_at: at };
  await ctx.changes.record(
    async (trx): Promise<Change[]> => {
      const before = await trx.selectFrom('consents').select('granted').where('traveller_id', '=', travellerId).where('category', '=', category).executeTakeFirst();
      await trx
        .insertInto('consents')
        .values({ traveller_id: travellerId, category, ...row })
        .onConflict((oc) => oc.columns(['traveller_id', 'category']).doUpdateSet(row))
        .execute();
      // Withdrawn: what was collected under it goes too, not just unused (docs/PRIVACY.md). The wallet is
      // the exception: bookings are the traveller's own documents, kept until they delete them or erase all.
      const forgotten = granted ? [] : await forgetCategory(trx, travellerId, category);
      // The history records what changed; saying again what is already so is not a change.
      if ((before?.granted ?? 0) !== row.granted)
        await trx
          .insertInto('consent_history')
          .values({ traveller_id: travellerId, category, granted: row.granted, at })
          .onConflict((oc) => oc.columns(['traveller_id', 'category', 'at']).doUpdateSet({ granted: row.granted }))
          .execute();
      return forgotten;
    },
    (forgotten) => [...forgotten, { type: 'traveller_changed', travellerId }],
  );
}

/** Deletes what was collected under a consent being withdrawn; returns the changes every instance must apply. */
async function forgetCategory(trx: Db, travellerId: string, category: ConsentCategory): Promise<Change[]> {
  switch (category) {
    case 'location':
      await trx.deleteFrom('positions').where('traveller_id', '=', travellerId).execute();
      return [];
    case 'history': {
      // Likes, visits and places saved; "Not interested" and "Been there" are instructions, and stay.
      const kinds = [...HISTORY_KINDS];
      const gone = await trx.deleteFrom('interactions').where('traveller_id', '=', travellerId).where('kind', 'in', kinds).returning(['place_id', 'kind']).execute();
      // The agency's insights counted those likes: they go with them.
      await forgetEvents(trx, travellerId, 'liked');
      return gone.map((i) => ({ type: 'interaction_removed', travellerId, placeId: i.place_id, kind: i.kind as InteractionKind }));
    }
    case 'profile':
      await trx
        .updateTable('travellers')
        .set({ likes: '[]', dislikes: '[]', party: JSON.stringify(EMPTY_PROFILE.party), budget: null })
        .where('id', '=', travellerId)
        .execute();
      // What they told their advisors was kept under the same consent (advisor-notes/): it goes too.
      await trx.deleteFrom('advisor_notes').where('traveller_id', '=', travellerId).execute();
      return [];
    case 'wallet':
      return [];
  }
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
