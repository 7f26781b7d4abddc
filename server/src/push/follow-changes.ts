/**
 * The push cache follows the change log (bus/change-log.ts) on every instance: a traveller whose consents,
 * profile, settings or bookings changed, or who was erased, is read again from the store at their next
 * message or tick, whichever instance made the change.
 */
import type { Bus } from '../bus/bus.ts';
import { erasedAmong } from '../travellers/erased.ts';
import type { PushCache } from './push-cache.ts';

export function followPushChanges(bus: Bus, cache: PushCache): () => void {
  const forget = (c: { travellerId: string }) => cache.invalidate(c.travellerId);
  const off = [
    bus.on('traveller_changed', forget),
    bus.on('booking_changed', forget),
    bus.on('traveller_erased', (c) => {
      const id = erasedAmong(c, cache.heldIds());
      if (id) cache.invalidate(id);
    }),
  ];
  return () => off.forEach((f) => f());
}
