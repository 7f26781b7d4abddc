import { describe, expect, it } from 'vitest';
import { NO_DETAILS, type Booking } from '@escale/shared';
import { pendingId, rebase, withQueued, type OutboxOp } from './outbox-ops.ts';

const dinner: Booking = {
  id: 'b1',
  kind: 'FoodEstablishmentReservation',
  title: 'Dinner at Le Baratin',
  placeId: null,
  startsAt: '2026-03-12T20:00:00+01:00',
  endsAt: null,
  timezone: 'Europe/Paris',
  source: 'manual',
  status: 'confirmed',
  details: NO_DETAILS,
};
const base = { travellerId: 't', createdAt: '2026-03-10T10:00:00Z', problem: null };
const { id: _id, source: _source, status: _status, ...dinnerEdit } = dinner;

describe('changes queued offline, as the timeline shows them', () => {
  it('shows an added booking at once, under a provisional id, marked as waiting', () => {
    const ops: OutboxOp[] = [{ ...base, key: 'k1', seq: 1, kind: 'add', edit: { ...dinnerEdit, title: 'Lunch at Chez Janou' } }];
    const { wallet, queued } = withQueued({ bookings: [dinner], trips: [] }, ops);
    expect(wallet.bookings.map((b) => b.title)).toEqual(['Dinner at Le Baratin', 'Lunch at Chez Janou']);
    expect([...queued]).toEqual([pendingId('k1')]);
  });

  it('applies edits and cancellations in the order they were made', () => {
    const ops: OutboxOp[] = [
      { ...base, key: 'k1', seq: 1, kind: 'edit', bookingId: 'b1', base: dinner, edit: { ...dinnerEdit, startsAt: '2026-03-12T21:00:00+01:00' } },
      { ...base, key: 'k2', seq: 2, kind: 'cancel', bookingId: 'b1', base: dinner },
    ];
    const { wallet, queued } = withQueued({ bookings: [dinner], trips: [] }, ops);
    expect(wallet.bookings).toEqual([{ ...dinner, startsAt: '2026-03-12T21:00:00+01:00', status: 'cancelled' }]);
    expect(queued.has('b1')).toBe(true);
  });
});

describe('keeping a change made offline over one made elsewhere', () => {
  it('lays what the traveller changed over the booking as it is now', () => {
    const movedElsewhere: Booking = { ...dinner, startsAt: '2026-03-12T20:30:00+01:00', details: { ...dinner.details, partySize: 4 } };
    // The form writes the time it did not change in its own way: still the same instant.
    const renamedHere = { ...dinnerEdit, title: 'Dinner with Inès', startsAt: '2026-03-12T19:00:00.000Z', details: { ...dinner.details, seat: 'terrace' } };
    expect(rebase(dinner, renamedHere, movedElsewhere)).toEqual({
      ...dinnerEdit,
      title: 'Dinner with Inès',
      startsAt: '2026-03-12T20:30:00+01:00',
      details: { ...dinner.details, partySize: 4, seat: 'terrace' },
    });
  });
});
