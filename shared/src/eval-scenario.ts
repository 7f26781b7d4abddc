/**
 * The scenario files of the offline quality suite (`data/eval/scenarios/*.json`, run by
 * `npm run eval:quality`): who the traveller is, where and when they ask, and the properties a good list
 * must have: a top 3 (a notification) unless the scenario asks for more (`top`: the feed on screen holds up to
 * FEED_SIZE, and what is unfit must be absent from all of it). Properties come from a closed vocabulary so
 * every file says something the harness can check.
 */
import { z } from 'zod';
import { BookingKind } from './booking.ts';
import { InterestRef, Party } from './catalogue.ts';
import { CategoryId, Tag } from './categories.ts';
import { ConsentCategory } from './consent.ts';
import { LatLon } from './geo.ts';
import { FEED_SIZE } from './protocol.ts';
import { SignalId } from './signals.ts';

const ScenarioPlaceId = z.string().regex(/^[a-z-]+:[A-Za-z0-9/_.-]+$/, 'a place id is "<dataset>:<reference>"');
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1);
/** How many suggestions "at least" asks for: at most the scenario's `top` (checked on the scenario). */
const count = () => z.number().int().min(1).max(FEED_SIZE);

/** Each property is checked on the scenario's list (its `top`, 3 unless said); the comment says what a failure means. */
export const ScenarioProperty = z.discriminatedUnion('property', [
  /** Fewer than `count` suggestions: the traveller is left without an idea although good ones exist. */
  z.object({ property: z.literal('atLeast'), count: count() }),
  /** A suggestion is a longer walk than `minutes` from the traveller's real position. */
  z.object({ property: z.literal('maxWalkMinutes'), minutes: z.number().int().min(1).max(60) }),
  /**
   * Every suggestion (or at least `atLeast` of them) is within `minutes` of walk from a catalogue place (a
   * booking's venue: dinner near the concert hall).
   */
  z.object({ property: z.literal('maxWalkMinutesFrom'), placeId: ScenarioPlaceId, minutes: z.number().int().min(1).max(60), atLeast: count().optional() }),
  /**
   * A place is closed when the traveller gets there, or closes within `minMinutesOpen`; with
   * `unknownHours: "fail"` a place whose hours are unknown fails too (at night "unknown" is not good enough).
   */
  z.object({
    property: z.literal('openAtArrival'),
    unknownHours: z.enum(['allow', 'fail']).default('allow'),
    minMinutesOpen: z.number().int().min(0).max(240).default(20),
  }),
  z.object({ property: z.literal('categoriesAllowed'), categories: nonEmpty(CategoryId) }),
  z.object({ property: z.literal('categoriesForbidden'), categories: nonEmpty(CategoryId) }),
  /** Tags of the place and of the event or offer. */
  z.object({ property: z.literal('tagsForbidden'), tags: nonEmpty(Tag) }),
  /** Every suggestion (or at least `atLeast` of them) carries one of `tags` (place, event or offer tags). */
  z.object({ property: z.literal('mustHaveTagAny'), tags: nonEmpty(Tag), atLeast: count().optional() }),
  z.object({ property: z.literal('mustIncludeCategory'), categories: nonEmpty(CategoryId), atLeast: count().default(1) }),
  /** At least `atLeast` suggestions match one of the traveller's stated likes (category or tag). */
  z.object({ property: z.literal('matchesLikes'), atLeast: count().default(1) }),
  z.object({ property: z.literal('distinctCategories'), atLeast: z.number().int().min(2).max(FEED_SIZE) }),
  z.object({ property: z.literal('placesForbidden'), placeIds: nonEmpty(ScenarioPlaceId) }),
  /** Nothing shows or weighs a distance: no distance or walk shown, no proximity points, no position read. */
  z.object({ property: z.literal('noDistanceUsed') }),
  /** Only non-personal signals ran and no personal datum was read (non-profiled feed, DSA Art. 38). */
  z.object({ property: z.literal('noPersonalSignals') }),
  /** These signals were not computed at all (their consent is off), not merely worth 0. */
  z.object({ property: z.literal('signalsAbsent'), signals: nonEmpty(SignalId) }),
  /** No personal datum of these consent categories was read by any signal. */
  z.object({ property: z.literal('personalDataAbsent'), categories: nonEmpty(ConsentCategory) }),
  /** Every suggestion names its driver, and every personal datum it read belongs to a consented category. */
  z.object({ property: z.literal('explained') }),
  /** A promoted offer is shown as promoted, with the agency's name, through its own agency signal. */
  z.object({ property: z.literal('promotionDisclosed') }),
  /** Place price level at most `maxPriceLevel` (unknown levels pass); event or offer price at most `maxPriceEur`. */
  z.object({
    property: z.literal('withinBudget'),
    maxPriceLevel: z.number().int().min(1).max(4).optional(),
    maxPriceEur: z.number().min(0).optional(),
  }),
  /** Every suggestion (or at least `atLeast` of them) is driven by one of `signals`. */
  z.object({ property: z.literal('driverIn'), signals: nonEmpty(SignalId), atLeast: count().optional() }),
  /** No event that has started by the time the traveller arrives. */
  z.object({ property: z.literal('eventsNotStarted') }),
  /** No event or offer without seats left (checked against the catalogue, not what the answer claims). */
  z.object({ property: z.literal('notSoldOut') }),
  /** No event starting after this local time ("nothing after 21:00"). */
  z.object({ property: z.literal('noEventStartsAfter'), localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) }),
]);
export type ScenarioProperty = z.infer<typeof ScenarioProperty>;
export type PropertyName = ScenarioProperty['property'];

export const ScenarioInteraction = z.object({
  placeId: ScenarioPlaceId,
  kind: z.enum(['liked', 'visited', 'been_there', 'dismissed']),
  daysAgo: z.number().int().min(0),
});
export type ScenarioInteraction = z.infer<typeof ScenarioInteraction>;

/** A confirmed booking in the traveller's wallet, held at a catalogue place; read only with the wallet consent. */
export const ScenarioBooking = z.object({
  kind: BookingKind,
  title: z.string().min(1).max(300),
  placeId: ScenarioPlaceId,
  /** Local wall time with its offset, like the scenario's `time`. */
  startsAt: z.string().datetime({ offset: true }),
  endsAt: z.string().datetime({ offset: true }).nullable().default(null),
});
export type ScenarioBooking = z.infer<typeof ScenarioBooking>;

export const ScenarioTraveller = z.object({
  /** A persona id of `data/personas.json`; the fields below override it. */
  personaId: z.string().regex(/^[a-z0-9-]+$/),
  likes: z.array(InterestRef).optional(),
  dislikes: z.array(InterestRef).optional(),
  party: Party.optional(),
  budget: z.number().int().min(1).max(4).nullable().optional(),
  consents: z.object({ location: z.boolean(), history: z.boolean(), profile: z.boolean(), wallet: z.boolean() }).partial().optional(),
  nonProfiled: z.boolean().default(false),
  /** false: the persona's own history is dropped (a brand-new traveller). */
  keepPersonaHistory: z.boolean().default(true),
  /** Added to the persona's history: been there, dismissed, visited, liked. */
  history: z.array(ScenarioInteraction).default([]),
  /** The wallet: bookings around the scenario's time (the trip signal reads them with the wallet consent). */
  bookings: z.array(ScenarioBooking).default([]),
});
export type ScenarioTraveller = z.infer<typeof ScenarioTraveller>;

/** The list a scenario is checked on unless it says: a notification's three. */
export const DEFAULT_SCENARIO_TOP = 3;

/** How many suggestions a property asks "at least" of, if any. */
export function propertyCount(p: ScenarioProperty): number | undefined {
  return p.property === 'atLeast' ? p.count : 'atLeast' in p ? p.atLeast : undefined;
}

export const Scenario = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** English, naming the place and the moment ("The Martins near the Louvre, Wednesday 12:30"). */
    title: z.string().min(10).max(200),
    /** The brief's persona the situation comes from (`new-traveller` for a cold start). */
    persona: z.enum(['lea', 'martin-family', 'marc', 'new-traveller']),
    /** Why these properties make a good answer, for the reader of a failure. */
    why: z.string().min(1).max(600),
    traveller: ScenarioTraveller,
    /** The traveller's real position; null when they have not shared one. */
    position: LatLon.nullable(),
    /** Local wall time with its offset, e.g. "2026-11-25T12:30:00+01:00". */
    time: z.string().datetime({ offset: true }),
    /** Changes to the catalogue for this scenario: event template ids or offer ids with no seats left. */
    soldOut: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
    /**
     * How long a list the properties are checked on: 3 (a notification) by default, up to FEED_SIZE (the feed on
     * screen). A property on every suggestion then holds for the whole list: a family's feed of ten holds no bar.
     */
    top: z.number().int().min(1).max(FEED_SIZE).default(DEFAULT_SCENARIO_TOP),
    expect: nonEmpty(ScenarioProperty),
  })
  .superRefine((s, ctx) => {
    for (const [i, p] of s.expect.entries()) {
      const n = propertyCount(p);
      if (n !== undefined && n > s.top) ctx.addIssue({ code: 'custom', path: ['expect', i], message: `${p.property} asks for ${n} suggestions of a list of ${s.top} (top)` });
    }
  });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
