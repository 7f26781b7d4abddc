/**
 * Erasing a traveller: their sessions end (sockets close), their rows go (every table cascades from
 * `travellers`), and whatever holds them in memory (the travel graph, the push cache, the live channel)
 * lets go. Demo visitors are erased this way when their session ends; the privacy screen's erasure will
 * be the same call.
 */
import type { Change } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { Db } from '../store/db.ts';
import { travellerDigest } from './erased.ts';

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
    async (trx) => {
      await redactChanges(trx, travellerId);
      return Number((await trx.deleteFrom('travellers').where('id', '=', travellerId).executeTakeFirst()).numDeletedRows);
    },
    () => [{ type: 'traveller_erased', travellerDigest: travellerDigest(travellerId) }],
  );
  return deleted > 0;
}

/**
 * The change log's entries that name the traveller (their feedback, their sessions, their creation) become
 * `redacted`: nothing of theirs outlives the erasure there either. An instance that had not applied one yet
 * misses nothing that matters, since the erasure that follows lets go of all of it (and closes their sockets).
 */
async function redactChanges(trx: Db, travellerId: string): Promise<void> {
  // LIKE narrows the read; the exact test is done here, since `_` in an id is a LIKE wildcard.
  const named = JSON.stringify(travellerId);
  const rows = await trx.selectFrom('change_log').select(['position', 'change']).where('change', 'like', `%${travellerId}%`).execute();
  const positions = rows.filter((r) => r.change.includes(named)).map((r) => r.position);
  if (positions.length > 0) await trx.updateTable('change_log').set({ change: REDACTED }).where('position', 'in', positions).execute();
}

const REDACTED = JSON.stringify({ type: 'redacted' } satisfies Change);
