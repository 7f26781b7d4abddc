/**
 * The one way a wallet is written: the booking rows, the trips they leave (trip-store.ts) and the
 * `booking_changed` change, in one transaction, so no reader ever sees a booking outside its trip and
 * every instance's readers of the wallet (the gap trigger, the trip signal) hear of it.
 */
import type { BookingInput, Change } from '@escale/shared';
import type { ChangeLog } from '../bus/change-log.ts';
import type { Db } from '../store/db.ts';
import { addBooking } from './queries.ts';
import { assignTrips, lockWallet } from './trip-store.ts';

export const bookingChanged = (travellerId: string): Change[] => [{ type: 'booking_changed', travellerId }];

/** `work` and the trips after it, committed with `changesOf(its result)` (by default, the wallet changed). */
export function recordWalletWrite<T>(
  changes: ChangeLog,
  travellerId: string,
  now: Date,
  work: (trx: Db) => Promise<T>,
  changesOf: (value: T) => Change[] = () => bookingChanged(travellerId),
): Promise<T> {
  // Durable: a booking is acknowledged only once it would survive a power cut (store/durable-commit.ts).
  return changes.record(
    async (trx) => {
      await lockWallet(trx, travellerId);
      const value = await work(trx);
      await assignTrips(trx, travellerId, now);
      return value;
    },
    changesOf,
    { durable: true },
  );
}

/** Adds one booking (a test's fixture, a seed): the same write as the wallet's routes make. */
export function recordBooking(changes: ChangeLog, travellerId: string, booking: BookingInput, now: Date): Promise<void> {
  return recordWalletWrite(changes, travellerId, now, (trx) => addBooking(trx, travellerId, booking, now));
}
