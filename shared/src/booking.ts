/**
 * Bookings in the traveller's wallet, typed after schema.org's reservations. Times are instants (ISO with
 * offset) plus the IANA zone they are shown in, so a flight from Paris to Montréal reads right at both ends.
 */
import { z } from 'zod';
import { Trip } from './trip.ts';

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

export const BookingSource = z.enum(['manual', 'ics', 'email', 'pkpass', 'agency_offer']);
export const BookingStatus = z.enum(['confirmed', 'cancelled']);

/** A scannable code as its source gives it: the format decides how the client draws it (bwip-js). */
export const BARCODE_FORMATS = ['qr', 'pdf417', 'aztec', 'code128'] as const;
export const Barcode = z.object({
  format: z.enum(BARCODE_FORMATS),
  message: z.string().min(1).max(4096),
  /** The text printed under the code on the source (often the booking reference). */
  altText: z.string().max(200).nullable(),
});
export type Barcode = z.infer<typeof Barcode>;

/** Where a booking happens, or one end of a journey: as the source names it, with its coordinates when known. */
export const BookingPlace = z.object({
  name: z.string().max(300).nullable(),
  /** An airport's IATA code, a station's name, as the source gives it. */
  code: z.string().max(20).nullable(),
  address: z.string().max(500).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
});
export type BookingPlace = z.infer<typeof BookingPlace>;

const text = (max: number) => z.string().max(max).nullable().default(null);
const instant = z.iso.datetime({ offset: true }).nullable().default(null);

/**
 * What a booking says beyond its kind, title and times, kind by kind (a field a kind does not have stays
 * null): a flight's airline, number, terminals, seat and boarding time; a hotel's address; a ticket's seat
 * and doors; the reservation number and the scannable code, whatever the kind.
 */
export const BookingDetails = z.object({
  reservationNumber: text(100),
  /** The airline, rail or bus operator, hotel chain, rental company, event organiser. */
  provider: text(200),
  /** A flight or train number ("AF 1234", "TGV 6611"). */
  number: text(40),
  underName: text(200),
  /** A journey's ends (flights, trains, buses, rental cars: pick-up and drop-off). */
  from: BookingPlace.nullable().default(null),
  to: BookingPlace.nullable().default(null),
  /** Where a stay, a table or an event is. */
  venue: BookingPlace.nullable().default(null),
  departureTerminal: text(40),
  arrivalTerminal: text(40),
  gate: text(40),
  seat: text(80),
  boardingTime: instant,
  doorsOpen: instant,
  partySize: z.number().int().min(1).max(100).nullable().default(null),
  barcode: Barcode.nullable().default(null),
  /** The zone the end is shown in when it differs from the start's (a flight's arrival city). */
  endTimezone: text(64),
});
export type BookingDetails = z.infer<typeof BookingDetails>;
export const NO_DETAILS: BookingDetails = BookingDetails.parse({});

/** A booking's fields, without the rules across them (ImportDraft extends these). */
export const BookingFields = z.object({
  id: z.string().min(1).max(200),
  kind: BookingKind,
  title: z.string().min(1).max(300),
  placeId: z.string().min(1).max(200).nullable(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  timezone: z.string().min(1).max(64),
  source: BookingSource,
  status: BookingStatus,
  details: BookingDetails.default(NO_DETAILS),
});

/** The end, when given, is not before the start. */
export const endNotBeforeStart = (b: { startsAt: string; endsAt: string | null }) => b.endsAt === null || Date.parse(b.endsAt) >= Date.parse(b.startsAt);
export const Booking = BookingFields.extend({
  /**
   * The booking's version as the server last stored it (a digest of its content): an edit or a cancellation
   * sent with it as If-Match is refused (412) if the booking changed since, so an offline change never
   * silently overwrites a newer one.
   */
  revision: z.string().max(64).optional(),
}).refine(endNotBeforeStart, { message: 'endsAt is before startsAt', path: ['endsAt'] });
export type Booking = z.infer<typeof Booking>;
/** A booking as written by a caller (details may be left out: none). */
export type BookingInput = z.input<typeof Booking>;

/** A booking typed by hand (or edited): the server gives the id, the source is `manual`, the status `confirmed`. */
export const BookingEdit = BookingFields.omit({ id: true, source: true, status: true }).refine(endNotBeforeStart, { message: 'the end is before the start', path: ['endsAt'] });
export type BookingEdit = z.infer<typeof BookingEdit>;

/**
 * The wallet as the client reads it: every booking, cancelled ones included, by start; and the trips its
 * confirmed bookings make, by start (a cancelled booking belongs to none).
 */
export const WalletBody = z.object({ bookings: z.array(Booking), trips: z.array(Trip) });
export type WalletBody = z.infer<typeof WalletBody>;

export const ImportConfirmed = z.object({
  created: z.array(Booking),
  /** Drafts that repeated a booking already in the wallet (same fingerprint): not saved again. */
  duplicates: z.number().int().min(0),
});
export type ImportConfirmed = z.infer<typeof ImportConfirmed>;

/** Booking an agency offer from a suggestion: how many seats (the request carries an Idempotency-Key header). */
export const OFFER_MAX_QUANTITY = 10;
export const BookOfferBody = z.object({ quantity: z.number().int().min(1).max(OFFER_MAX_QUANTITY) });
export type BookOfferBody = z.infer<typeof BookOfferBody>;
