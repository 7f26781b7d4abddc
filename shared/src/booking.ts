/**
 * Bookings in the traveller's wallet, typed after schema.org's reservations. Times are instants (ISO with
 * offset) plus the IANA zone they are shown in, so a flight from Paris to Montréal reads right at both ends.
 */
import { z } from 'zod';

export const BOOKING_KINDS = [
  'FlightReservation',
  'LodgingReservation',
  'TrainReservation',
  'BusReservation',
  'EventReservation',
  'FoodEstablishmentReservation',
  'RentalCarReservation',
  'OfferReservation',
] as const;
export const BookingKind = z.enum(BOOKING_KINDS);
export type BookingKind = z.infer<typeof BookingKind>;

export const BookingSource = z.enum(['manual', 'ics', 'email', 'agency_offer']);
export const BookingStatus = z.enum(['confirmed', 'cancelled']);

export const Booking = z
  .object({
    id: z.string().min(1).max(200),
    kind: BookingKind,
    title: z.string().min(1).max(300),
    placeId: z.string().min(1).max(200).nullable(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullable(),
    timezone: z.string().min(1).max(64),
    source: BookingSource,
    status: BookingStatus,
  })
  .refine((b) => b.endsAt === null || Date.parse(b.endsAt) >= Date.parse(b.startsAt), { message: 'endsAt is before startsAt', path: ['endsAt'] });
export type Booking = z.infer<typeof Booking>;
