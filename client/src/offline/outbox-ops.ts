/**
 * Changes to the wallet made on the phone, queued until the server has them. Each carries its own
 * idempotency key (a replay after a lost answer books nothing twice) and, for an edit or a cancellation,
 * the booking as it was when the traveller changed it: the server refuses the change (412) if the booking
 * has moved on since, and the traveller decides. Pure: how queued changes show on the timeline is tested
 * in node.
 */
import type { Booking, BookingEdit, WalletBody } from '@escale/shared';

interface OpBase {
  key: string;
  travellerId: string;
  /** Order of creation: the outbox replays in that order. */
  seq: number;
  createdAt: string;
  /** Set when the server refused the change: a conflict (the booking as it is now) or another reason. */
  problem: { kind: 'conflict'; current: Booking } | { kind: 'refused'; message: string } | null;
}
export type OutboxOp =
  (OpBase & { kind: 'add'; edit: BookingEdit }) | (OpBase & { kind: 'edit'; bookingId: string; edit: BookingEdit; base: Booking }) | (OpBase & { kind: 'cancel'; bookingId: string; base: Booking });

/** The id a booking added offline has until the server gives it one. */
export const pendingId = (key: string) => `pending:${key}`;
export const isPendingId = (id: string) => id.startsWith('pending:');

/** The wallet as the traveller expects to see it: the server's copy with the queued changes applied. */
export function withQueued(wallet: WalletBody, ops: readonly OutboxOp[]): { wallet: WalletBody; queued: Set<string> } {
  let bookings = [...wallet.bookings];
  const queued = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'add') {
      bookings.push({ ...op.edit, id: pendingId(op.key), source: 'manual', status: 'confirmed' });
      queued.add(pendingId(op.key));
    } else {
      queued.add(op.bookingId);
      bookings = bookings.map((b) => (b.id !== op.bookingId ? b : op.kind === 'edit' ? { ...b, ...op.edit } : { ...b, status: 'cancelled' }));
    }
  }
  return { wallet: { ...wallet, bookings }, queued };
}

/** The ops as the traveller must settle them: those the server refused. */
export const troubled = (ops: readonly OutboxOp[]) => ops.filter((op) => op.problem !== null);

const EDITABLE = ['kind', 'title', 'placeId', 'startsAt', 'endsAt', 'timezone'] as const;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
/** Equal values; two writings of one instant ("20:00+01:00", "19:00Z") are the same time. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && INSTANT.test(a) && INSTANT.test(b)) return Date.parse(a) === Date.parse(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * "Keep my change" over a booking changed elsewhere: what the traveller changed (compared with the booking
 * as they saw it) is laid over the booking as it is now, so a time moved on another device stays when they
 * only renamed it here. A field both sides changed takes theirs: it is what they just chose to keep.
 */
export function rebase(base: Booking, mine: BookingEdit, current: Booking): BookingEdit {
  const edit = { ...mine };
  for (const key of EDITABLE) if (same(mine[key], base[key])) Object.assign(edit, { [key]: current[key] });
  const details = { ...mine.details };
  for (const key of Object.keys(details) as (keyof Booking['details'])[]) if (same(mine.details[key], base.details[key])) Object.assign(details, { [key]: current.details[key] });
  return { ...edit, details };
}
