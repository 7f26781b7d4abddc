/**
 * Ending a session, whatever ends it (sign-out, expiry, demo mode switched off): the row goes, everyone
 * holding it live is told (its sockets close with 4401), and a demo session takes its visitor with it.
 */
import type { AppContext } from '../context.ts';
import { eraseDemoVisitor } from '../demo/visitors.ts';
import type { BusEvents } from '../bus/bus.ts';
import type { EraseDeps } from '../travellers/erase.ts';
import { deleteSession } from './sessions.ts';

export async function endSession(
  ctx: EraseDeps & Pick<AppContext, 'logger'>,
  session: { id: string; travellerId: string },
  reason: BusEvents['session_ended']['reason'],
): Promise<void> {
  await deleteSession(ctx.db, session.id);
  ctx.bus.emit('session_ended', { sessionId: session.id, travellerId: session.travellerId, reason }, (err) => ctx.logger.error({ err }, 'a session_ended listener failed'));
  // A demo visitor exists for one session only: with it gone, nothing of the visitor is kept.
  await eraseDemoVisitor(ctx, session.travellerId);
}
