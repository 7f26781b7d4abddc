/**
 * Erasing a traveller: their sessions end (sockets close), their rows go (every table cascades from
 * `travellers`), and whatever holds them in memory (the travel graph, the push cache, the live channel)
 * lets go. Demo visitors are erased this way when their session ends; the privacy screen's erasure will
 * be the same call.
 */
import type { AppContext } from '../context.ts';

export type EraseDeps = Pick<AppContext, 'db' | 'afterTurn' | 'changes'>;

/**
 * Returns whether the traveller existed. Every instance lets go through the change log: the graph and the
 * push cache (travellers/follow-changes.ts, push/follow-changes.ts), the live channel's sockets and positions.
 */
export async function eraseTraveller(ctx: EraseDeps, travellerId: string): Promise<boolean> {
  // Sessions first, so that no socket of theirs is still pushing while the rows go.
  await ctx.changes.record(
    (trx) => trx.deleteFrom('sessions').where('traveller_id', '=', travellerId).returning('id_hash').execute(),
    (ended) => ended.map((s) => ({ type: 'session_ended', sessionId: s.id_hash, travellerId, reason: 'erased' })),
  );
  // Writes still queued for the end of the turn (a position, a push's record) commit now, so that the
  // cascade below takes them too instead of a late write failing on a traveller who is gone.
  await ctx.afterTurn.flush();
  const deleted = await ctx.changes.record(
    async (trx) => Number((await trx.deleteFrom('travellers').where('id', '=', travellerId).executeTakeFirst()).numDeletedRows),
    () => [{ type: 'traveller_erased', travellerId }],
  );
  return deleted > 0;
}
