/** One catalogue place as its details sheet shows it (GET /api/places/:id), with whether it is open now. */
import { z } from 'zod';
import { SuggestedItem } from './suggestion.ts';

const LocalClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * Open or closed at `at`, by the place's hours in the city's time zone. Times are local "HH:MM"; a place
 * open through the whole coming week is `open` with `until: null` ("open 24 hours").
 */
export const PlaceOpenNow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unknown') }),
  z.object({ kind: z.literal('open'), until: LocalClock.nullable() }),
  /** `opensAt` null: no opening in the coming week. `opensDay`: the local date it opens, when not today. */
  z.object({ kind: z.literal('closed'), opensAt: LocalClock.nullable(), opensDay: z.string().date().nullable() }),
]);
export type PlaceOpenNow = z.infer<typeof PlaceOpenNow>;

/** A suggestion's place (id, name, category, tags, position, address) and what the sheet adds. */
export const PlaceDetails = SuggestedItem.shape.place.extend({
  /** The OpenStreetMap `opening_hours` text, verbatim; null when the source has none. */
  openingHours: z.string().nullable(),
  /** The same hours for people, one line per rule, in each language; null when unknown or unreadable. */
  hours: z.object({ en: z.array(z.string()), fr: z.array(z.string()) }).nullable(),
  website: z.string().url().nullable(),
  openNow: PlaceOpenNow,
  /** The instant `openNow` is true for (the session's clock, which a demo may have moved). */
  at: z.string().datetime({ offset: true }),
});
export type PlaceDetails = z.infer<typeof PlaceDetails>;
