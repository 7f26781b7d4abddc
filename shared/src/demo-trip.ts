/**
 * A scripted demo trip (data/personas/<id>.json): what a persona does, minute by minute, for the demo player
 * to replay against the real server on the session's virtual clock — walks along real streets (sent as
 * `location` messages), stays, rides (the position jumps), wallet imports and feedback at their moment.
 * Typed once here; scripts/demo/build-trips.ts writes the files and validates them with this schema.
 */
import { z } from 'zod';
import { BookingKind } from './booking.ts';
import { distanceMeters, Latitude, Longitude } from './geo.ts';
import { FeedbackKind } from './protocol.ts';
import { TimeZone } from './time.ts';

export const DEMO_TRIP_LIMITS = {
  /** Four to seven days of a persona's life at a few dozen steps a day. */
  maxSteps: 400,
  /** One walk of a few kilometres through a dense city centre stays well under this many turns. */
  maxPathPoints: 1_500,
  /** The whole file, so the client can load a trip in one go (≈ 20 bytes a point). */
  maxTotalPathPoints: 30_000,
  maxTextChars: 400,
  /** A walk's path starts and ends this close to its from and to: the router snaps within 150 m. */
  maxEndGapMeters: 200,
} as const;

const Instant = z.iso.datetime({ offset: true });
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case words joined by "-"');

/** French typography: the curly apostrophe, and a space before the high punctuation marks. */
export function frenchTypographyIssue(text: string): string | null {
  if (text.includes("'")) return "use the ’ apostrophe, not '";
  // A clock time ("19:30") keeps its colon tight.
  if (/[^\s][:;?!]/u.test(text.replace(/\d:\d\d/g, ''))) return 'put a space before ":", ";", "?" and "!"';
  return null;
}

const Text = z.string().trim().min(1).max(DEMO_TRIP_LIMITS.maxTextChars);
export const DemoText = z.object({
  en: Text,
  fr: Text.superRefine((text, ctx) => {
    const issue = frenchTypographyIssue(text);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  }),
});
export type DemoText = z.infer<typeof DemoText>;

/** A point of the trip: a catalogue place (its id in data/<city>/places.json) or a named address. */
export const DemoPoint = z.object({
  placeId: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(200),
  lat: Latitude,
  lon: Longitude,
});
export type DemoPoint = z.infer<typeof DemoPoint>;

/** [lon, lat], the GeoJSON order, so a path drops into a map line layer as it is. */
export const LonLatPair = z.tuple([Longitude, Latitude]);

export const DemoWalk = z.object({
  kind: z.literal('walk'),
  departAt: Instant,
  arriveAt: Instant,
  from: DemoPoint,
  to: DemoPoint,
  /** Along the streets (scripts/demo/street-router.ts): the player sends `location` messages along it. */
  path: z.array(LonLatPair).min(2).max(DEMO_TRIP_LIMITS.maxPathPoints),
  lengthMeters: z.number().int().min(0).max(50_000),
  /** Running instead of walking (Marc's mornings): same path, faster. */
  pace: z.enum(['walk', 'run']).default('walk'),
});
export const DemoStay = z.object({
  kind: z.literal('stay'),
  from: Instant,
  until: Instant,
  at: DemoPoint,
  /** What the persona is doing there ("Conference sessions", "Dinner"), shown to the audience. */
  label: DemoText,
});
export const RIDE_MODES = ['plane', 'train', 'taxi', 'car', 'metro', 'bus'] as const;
export const DemoRide = z.object({
  kind: z.literal('ride'),
  departAt: Instant,
  arriveAt: Instant,
  from: DemoPoint,
  to: DemoPoint,
  mode: z.enum(RIDE_MODES),
  label: DemoText,
});
export const DemoImport = z.object({
  kind: z.literal('import'),
  at: Instant,
  /** Under data/: the file the player sends through the wallet import route. */
  file: z
    .string()
    .regex(/^(personas|samples)\/[a-z0-9._/-]+\.(eml|ics|json|pkpass)$/, 'expected a file under data/personas/ or data/samples/')
    .refine((f) => !f.includes('..'), 'no ".." in a file path'),
  /** The bookings the file gives, by kind (checked by scripts/demo/trips-import.test.ts). */
  bookings: z.array(BookingKind).min(1).max(20),
  holds: DemoText,
});
export const DemoFeedback = z.object({
  kind: z.literal('feedback'),
  at: Instant,
  placeId: z.string().min(1).max(200),
  feedback: FeedbackKind,
  /** Why, for the audience: "Léa has already been to Kodawari Ramen". */
  reason: DemoText,
});

export const DemoStep = z.discriminatedUnion('kind', [DemoWalk, DemoStay, DemoRide, DemoImport, DemoFeedback]);
export type DemoStep = z.infer<typeof DemoStep>;
export type DemoWalk = z.infer<typeof DemoWalk>;

/** When a step begins: the order of the trip. */
export function stepStartsAt(step: DemoStep): string {
  switch (step.kind) {
    case 'walk':
    case 'ride':
      return step.departAt;
    case 'stay':
      return step.from;
    case 'import':
    case 'feedback':
      return step.at;
  }
}

/** When a step ends (an instant for imports and feedback). */
export function stepEndsAt(step: DemoStep): string {
  switch (step.kind) {
    case 'walk':
    case 'ride':
      return step.arriveAt;
    case 'stay':
      return step.until;
    case 'import':
    case 'feedback':
      return step.at;
  }
}

const ms = (iso: string) => Date.parse(iso);

export const DemoTrip = z
  .object({
    id: Slug,
    personaId: Slug,
    title: DemoText,
    summary: DemoText,
    /** The cities in the order visited, each with the zone its meal windows and quiet hours are read in. */
    cities: z
      .array(z.object({ id: Slug, timeZone: TimeZone }))
      .min(1)
      .max(5),
    /** The zone of the first city: where the virtual clock is shown. */
    timeZone: TimeZone,
    startsAt: Instant,
    endsAt: Instant,
    steps: z.array(DemoStep).min(1).max(DEMO_TRIP_LIMITS.maxSteps),
  })
  .superRefine((trip, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    if (ms(trip.endsAt) <= ms(trip.startsAt)) issue('endsAt must be after startsAt', ['endsAt']);
    let points = 0;
    let previousStart = -Infinity;
    let movingUntil = -Infinity;
    trip.steps.forEach((step, i) => {
      const [start, end] = [ms(stepStartsAt(step)), ms(stepEndsAt(step))];
      if (start < previousStart) issue('steps must be sorted by the time they begin', ['steps', i]);
      previousStart = start;
      if (end < start || ((step.kind === 'walk' || step.kind === 'ride' || step.kind === 'stay') && end === start)) issue('a step must end after it begins', ['steps', i]);
      if (start < ms(trip.startsAt) || end > ms(trip.endsAt)) issue('a step must fall within the trip', ['steps', i]);
      if (step.kind === 'walk' || step.kind === 'ride') {
        // One body: a walk or a ride cannot begin before the previous one has arrived.
        if (start < movingUntil) issue('a walk or ride overlaps the previous one', ['steps', i]);
        movingUntil = end;
      }
      if (step.kind !== 'walk') return;
      points += step.path.length;
      const [first, last] = [step.path[0]!, step.path[step.path.length - 1]!];
      if (distanceMeters(step.from, { lon: first[0], lat: first[1] }) > DEMO_TRIP_LIMITS.maxEndGapMeters) issue('the path must start near `from`', ['steps', i, 'path']);
      if (distanceMeters(step.to, { lon: last[0], lat: last[1] }) > DEMO_TRIP_LIMITS.maxEndGapMeters) issue('the path must end near `to`', ['steps', i, 'path']);
    });
    if (points > DEMO_TRIP_LIMITS.maxTotalPathPoints) issue(`at most ${DEMO_TRIP_LIMITS.maxTotalPathPoints} path points in a trip`, ['steps']);
  });
export type DemoTrip = z.infer<typeof DemoTrip>;
