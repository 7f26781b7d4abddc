/** A ranked suggestion as the traveller receives it, with its explanation (the Why panel's content). */
import { z } from 'zod';
import { CategoryId, Tag } from './categories.ts';
import { ConsentCategory } from './consent.ts';
import { Evidence } from './evidence.ts';
import { Latitude, Longitude } from './geo.ts';
import { SignalId } from './signals.ts';
import { Currency } from './catalogue-items.ts';

/** A reference to one personal datum a signal read, so the panel can show it and link its consent. */
export const PersonalDataRef = z.object({
  category: ConsentCategory,
  kind: z.enum(['position', 'stated_like', 'stated_dislike', 'interaction', 'party', 'budget', 'booking']),
  /** Human description in evidence form ("your location at 14:02"). */
  evidence: Evidence,
  at: z.string().datetime({ offset: true }).nullable(),
});
export type PersonalDataRef = z.infer<typeof PersonalDataRef>;

/**
 * The graph path behind a taste suggestion, for the panel's small drawing: the traveller's own starting
 * point, the connector the walk went through most (other travellers are only ever a count), the suggestion.
 */
export const TastePath = z.object({
  from: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('place'), id: z.string(), name: z.string(), interaction: z.enum(['liked', 'visited', 'booked']) }),
    z.object({ kind: z.literal('interest'), interest: z.object({ kind: z.enum(['category', 'tag']), id: z.string() }) }),
  ]),
  via: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('travellers'), count: z.number().int().min(0) }),
    z.object({ kind: z.literal('tag'), id: z.string() }),
    z.object({ kind: z.literal('category'), id: z.string() }),
  ]),
  /** How many times the walk reached the suggestion (its strength). */
  visits: z.number().min(0),
});
export type TastePath = z.infer<typeof TastePath>;

export const SignalContribution = z.object({
  signal: SignalId,
  value: z.number().min(0).max(1),
  weight: z.number().min(0),
  /** weight × value, and its share of the total score (0..1) for the bars of the panel. */
  points: z.number().min(0),
  share: z.number().min(0).max(1),
  evidence: Evidence,
  personalData: z.array(PersonalDataRef),
  path: TastePath.optional(),
});
export type SignalContribution = z.infer<typeof SignalContribution>;

export const SuggestedItem = z.object({
  kind: z.enum(['place', 'event', 'offer']),
  id: z.string().min(1),
  title: z.string().min(1),
  place: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    category: CategoryId,
    tags: z.array(Tag),
    lat: Latitude,
    lon: Longitude,
    address: z.string().nullable(),
  }),
  startsAt: z.string().datetime({ offset: true }).nullable(),
  /** Per person, in the currency the agency sells it in (an event's or offer's; a place has none). */
  price: z.object({ amount: z.number(), currency: Currency }).nullable(),
  seatsLeft: z.number().int().nullable(),
});
export type SuggestedItem = z.infer<typeof SuggestedItem>;

export const Suggestion = z.object({
  id: z.string().min(1),
  item: SuggestedItem,
  score: z.number().min(0),
  distanceMeters: z.number().min(0).nullable(),
  walkMinutes: z.number().int().min(0).nullable(),
  /** Local closing time "HH:MM" when known and open; null when hours are unknown. */
  openUntil: z.string().nullable(),
  hoursKnown: z.boolean(),
  driver: SignalId,
  reason: Evidence,
  contributions: z.array(SignalContribution),
  promotion: z.object({ agencyName: z.string(), label: Evidence }).nullable(),
  /** Remarks on the ranking itself, e.g. "moved up to vary the categories". */
  notes: z.array(Evidence),
});
export type Suggestion = z.infer<typeof Suggestion>;
