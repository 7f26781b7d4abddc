/**
 * Ending a session, whatever ends it (sign-out, expiry, demo mode switched off): the row goes, everyone
 * holding it live is told (its sockets close with 4401), and a demo session takes its visitor with it.
 */
import { eraseDemoVisitor } from '../demo/visitors.ts';
import type { BusEvents } from '../bus/bus.ts';
import type { EraseDeps } from '../travellers/erase.ts';
import { deleteSession } from './sessions.ts';

/** Every instance closes the session's sockets and forgets its clock when it applies the change. */
export async function endSession(ctx: EraseDeps, session: { id: string; travellerId: string }, reason: BusEvents['session_ended']['reason']): Promise<void> {
  await ctx.changes.record(
    (trx) => deleteSession(trx, session.id),
    () => [{ type: 'session_ended', sessionId: session.id, travellerId: session.travellerId, reason }],
  );
  // A demo visitor exists for one session only: with it gone, nothing of the visitor is kept.
  await eraseDemoVisitor(ctx, session.travellerId);
}

/** Every session of the traveller, on every device ("sign out everywhere", a new password). */
export async function endAllSessions(ctx: EraseDeps, travellerId: string): Promise<void> {
  const sessions = await ctx.db.selectFrom('sessions').select(['id_hash']).where('traveller_id', '=', travellerId).execute();
  for (const s of sessions) await endSession(ctx, { id: s.id_hash, travellerId }, 'signed_out');
}
