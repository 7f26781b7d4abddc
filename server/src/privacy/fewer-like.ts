/**
 * "Fewer like this": a category or tag the traveller asked to see less of. An instruction, like "Not
 * interested": kept and obeyed whatever the consents, listed in My data, and taken back from there or with
 * the card's Undo. Each write is a `traveller_changed` change, so the next ranking on any instance obeys it.
 */
import type { FewerLike, InterestRef } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { fewerLikeOf } from './queries.ts';

/** The most a traveller may hold: enough for every category and many tags, bounded for the ranking's sake. */
export const FEWER_LIKE_MAX = 64;

export type FewerDeps = Pick<AppContext, 'db' | 'changes' | 'clock'>;

/** Adds (or renews) one; returns false when the traveller already holds the maximum. */
export async function addFewerLike(ctx: FewerDeps, travellerId: string, interest: InterestRef): Promise<boolean> {
  const at = ctx.clock.now().toISOString();
  return ctx.changes.record(
    async (trx) => {
      const held = await trx.selectFrom('fewer_like').select(['kind', 'interest_id']).where('traveller_id', '=', travellerId).execute();
      const already = held.some((h) => h.kind === interest.kind && h.interest_id === interest.id);
      if (!already && held.length >= FEWER_LIKE_MAX) return false;
      await trx
        .insertInto('fewer_like')
        .values({ traveller_id: travellerId, kind: interest.kind, interest_id: interest.id, at })
        .onConflict((oc) => oc.columns(['traveller_id', 'kind', 'interest_id']).doUpdateSet({ at }))
        .execute();
      return true;
    },
    (added) => (added ? [{ type: 'traveller_changed', travellerId }] : []),
  );
}

/** Takes one back; returns whether it was held. */
export async function removeFewerLike(ctx: FewerDeps, travellerId: string, interest: InterestRef): Promise<boolean> {
  return ctx.changes.record(
    async (trx) => {
      const result = await trx.deleteFrom('fewer_like').where('traveller_id', '=', travellerId).where('kind', '=', interest.kind).where('interest_id', '=', interest.id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    (removed) => (removed ? [{ type: 'traveller_changed', travellerId }] : []),
  );
}

export const fewerLikeList = async (ctx: Pick<AppContext, 'db'>, travellerId: string): Promise<{ fewer: FewerLike[] }> => ({ fewer: await fewerLikeOf(ctx.db, travellerId) });
