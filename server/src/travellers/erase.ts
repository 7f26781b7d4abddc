/**
 * Erasing a traveller: their sessions end (sockets close), their rows go (every table cascades from
 * `travellers`), and whatever holds them in memory (the travel graph, the push cache, the live channel)
 * lets go. Demo visitors are erased this way when their session ends; the privacy screen's erasure will
 * be the same call.
 */
import type { AppContext } from '../context.ts';

export type EraseDeps = Pick<AppContext, 'db' | 'afterTurn' | 'graph' | 'pushCache' | 'bus'>;

/** Returns whether the traveller existed. */
export async function eraseTraveller(ctx: EraseDeps, travellerId: string): Promise<boolean> {
  // Sessions first, so that no socket of theirs is still pushing while the rows go.
  const sessions = await ctx.db.selectFrom('sessions').select('id_hash').where('traveller_id', '=', travellerId).execute();
  for (const s of sessions) ctx.bus.emit('session_ended', { sessionId: s.id_hash, travellerId, reason: 'erased' });
  // Writes still queued for the end of the turn (a position, a push's record) commit now, so that the
  // cascade below takes them too instead of a late write failing on a traveller who is gone.
  await ctx.afterTurn.flush();
  const result = await ctx.db.deleteFrom('travellers').where('id', '=', travellerId).executeTakeFirst();
  ctx.graph.dropTraveller(travellerId);
  ctx.pushCache.invalidate(travellerId);
  ctx.bus.emit('traveller_erased', { travellerId });
  return Number(result.numDeletedRows) > 0;
}
