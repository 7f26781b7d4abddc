/**
 * Sends the changes queued on the phone, oldest first, one at a time. Online, a change is queued and sent
 * at once, so there is one path whether or not the network is there. A change the server has already
 * applied (its answer was lost) is answered again from its idempotency key; a change to a booking that moved
 * on meanwhile comes back 412 and waits for the traveller's decision; a refused one waits to be discarded.
 */
import { getWallet, addBooking, cancelBooking, editBooking, newKey } from '../wallet/wallet-api.ts';
import { ApiFailure } from '../api/api.ts';
import { deleteOp, putOp, queuedOps } from './local-db.ts';
import { rebase, type OutboxOp } from './outbox-ops.ts';

/** Omit over each member of a union (plain Omit would merge the members). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A change to queue: the outbox gives it its order and time, and a key unless it has one. */
export type NewOp = OmitEach<OutboxOp, 'key' | 'seq' | 'createdAt' | 'problem'> & { key?: string };
/** A change as a screen asks for it (the traveller is the screen's). */
export type WalletChange = OmitEach<NewOp, 'travellerId'>;

let lastSeq = 0;
/** Queues a change (a fresh idempotency key unless one is given). */
export async function enqueue(op: NewOp): Promise<void> {
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  await putOp({ ...op, key: op.key ?? newKey(), seq: lastSeq, createdAt: new Date().toISOString(), problem: null } as OutboxOp);
}

function send(op: OutboxOp) {
  switch (op.kind) {
    case 'add':
      return addBooking(op.edit, op.key);
    case 'edit':
      return editBooking(op.bookingId, op.edit, op.key, op.base.revision);
    case 'cancel':
      return cancelBooking(op.bookingId, op.key, op.base.revision);
  }
}

export interface DrainResult {
  /** Changes the server now has. */
  sent: number;
  /** The network is down (or the server unreachable): the rest waits for the next attempt. */
  stalled: boolean;
}

let running: Promise<DrainResult> | null = null;

/** Sends what is queued for the traveller; concurrent calls share one run, so no change is sent twice at once. */
export function drainOutbox(travellerId: string): Promise<DrainResult> {
  running ??= drain(travellerId).finally(() => (running = null));
  return running;
}

async function drain(travellerId: string): Promise<DrainResult> {
  let sent = 0;
  for (const op of await queuedOps(travellerId)) {
    if (op.problem) continue;
    try {
      await send(op);
      await deleteOp(op.key);
      sent++;
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.code === 'network' || error.status >= 500 || error.status === 0) return { sent, stalled: true };
      if (error.status === 412 && op.kind !== 'add') {
        const current = (await getWallet()).bookings.find((b) => b.id === op.bookingId);
        if (current) await putOp({ ...op, problem: { kind: 'conflict', current } });
        else await putOp({ ...op, problem: { kind: 'refused', message: error.message } });
      } else {
        await putOp({ ...op, problem: { kind: 'refused', message: error.message } });
      }
    }
  }
  return { sent, stalled: false };
}

/** "Keep mine": the change is sent again over the booking as it is now (a new key: it is a new request). */
export async function keepMine(op: OutboxOp): Promise<void> {
  if (op.problem?.kind !== 'conflict' || op.kind === 'add') return;
  const current = op.problem.current;
  await deleteOp(op.key);
  if (op.kind === 'edit') await enqueue({ ...op, key: newKey(), base: current, edit: rebase(op.base, op.edit, current) });
  else await enqueue({ ...op, key: newKey(), base: current });
}

/** "Keep the server's" (or discard a refused change): the queued change is dropped. */
export const discard = (op: OutboxOp) => deleteOp(op.key);
