/**
 * Trips: the wallet's confirmed bookings grouped by time (the server decides, server/src/wallet/trips.ts),
 * each with a stable id, a name (its destination's, until the traveller renames it) and, when the traveller
 * asks for one, a calendar feed that calendar apps subscribe to.
 */
import { z } from 'zod';

export const TRIP_NAME_MAX = 120;

/** Whether the trip has a working calendar feed. Its URL is given once, when made: only a hash of it is kept. */
export const TripCalendar = z.object({ createdAt: z.iso.datetime({ offset: true }) });
export type TripCalendar = z.infer<typeof TripCalendar>;

export const Trip = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(TRIP_NAME_MAX),
  /** The traveller chose the name: new bookings never change it. */
  renamed: z.boolean(),
  /** The first booking's start and the last one's end, each with the offset of its own zone. */
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** The IANA zone where the trip mostly happens (the one its bookings spend the longest in). */
  timeZone: z.string().min(1).max(64),
  /** Its confirmed bookings, by start. */
  bookingIds: z.array(z.string().min(1).max(200)),
  calendar: TripCalendar.nullable(),
});
export type Trip = z.infer<typeof Trip>;

/** PUT /api/wallet/trips/:id: the traveller's own name for a trip. */
export const TripRename = z.object({ name: z.string().trim().min(1).max(TRIP_NAME_MAX) });
export type TripRename = z.infer<typeof TripRename>;

/** POST /api/wallet/trips/:id/calendar: the feed's URL, shown this once (a new one replaces it). */
export const CalendarFeedCreated = z.object({ url: z.url({ protocol: /^https?$/ }) });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;
