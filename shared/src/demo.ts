/**
 * What the demo player asks the server besides the real traveller's routes (demo mode only): the same
 * moment ranked two ways side by side, and the neighbourhood of the travel graph around a suggestion.
 * Both read the signed-in visitor's own data only, on their session's clock; other travellers appear as
 * counts, never as people.
 */
import { z } from 'zod';
import { Latitude, Longitude } from './geo.ts';
import { PersonalSignalId } from './privacy.ts';
import { DemoTrip } from './demo-trip.ts';
import { Suggestion } from './suggestion.ts';

/** The other side of a comparison: the non-profiled feed, or the feed with one personal signal off. */
export const DemoVariant = z.union([z.literal('non_profiled'), PersonalSignalId]);
export type DemoVariant = z.infer<typeof DemoVariant>;

/** GET /api/demo/compare: where the traveller is (the player knows), and what to compare with. */
export const DemoCompareQuery = z.object({
  lat: z.coerce.number().pipe(Latitude),
  lon: z.coerce.number().pipe(Longitude),
  variant: DemoVariant,
});
export type DemoCompareQuery = z.infer<typeof DemoCompareQuery>;

export const DEMO_COMPARE_SIZE = 6;

export const DemoComparison = z.object({
  /** The session's clock when both were ranked (ISO with the city's offset). */
  at: z.string(),
  cityId: z.string(),
  variant: DemoVariant,
  /** The traveller's feed as they have it now (their own settings). */
  profiled: z.array(Suggestion).max(DEMO_COMPARE_SIZE),
  /** The same moment and place, ranked with the variant. */
  other: z.array(Suggestion).max(DEMO_COMPARE_SIZE),
});
export type DemoComparison = z.infer<typeof DemoComparison>;

export const GRAPH_NODE_KINDS = ['suggestion', 'you', 'your_place', 'travellers', 'category', 'tag', 'area', 'city'] as const;
export const DemoGraphNode = z.object({
  id: z.string(),
  kind: z.enum(GRAPH_NODE_KINDS),
  /** A place's name, a category or tag id, an area's name; for `travellers`, empty: the count says it all. */
  label: z.string(),
  /** Travellers only: how many, never who. */
  count: z.number().int().min(0).optional(),
});
export type DemoGraphNode = z.infer<typeof DemoGraphNode>;

export const GRAPH_EDGE_KINDS = ['liked', 'visited', 'booked', 'interest', 'co_visitors', 'in_category', 'has_tag', 'in_area', 'in_city'] as const;
export const DemoGraphEdge = z.object({
  from: z.string(),
  to: z.string(),
  kind: z.enum(GRAPH_EDGE_KINDS),
  /** For `co_visitors`: how many other travellers went to both places (the walk's traffic on that path). */
  weight: z.number().int().min(0).optional(),
  /** On the path the taste walk travelled most to reach the suggestion. */
  highlighted: z.boolean(),
});
export type DemoGraphEdge = z.infer<typeof DemoGraphEdge>;

/** GET /api/demo/graph/{placeId}: the suggestion's neighbourhood, as a small graph. */
export const DemoGraph = z.object({
  placeId: z.string(),
  nodes: z.array(DemoGraphNode).max(40),
  edges: z.array(DemoGraphEdge).max(80),
  /** False when the history consent is off: the visitor's places are then not read, and not drawn. */
  historyRead: z.boolean(),
});
export type DemoGraph = z.infer<typeof DemoGraph>;

/** GET /api/demo/trips: what the presenter picks from. */
export const DemoTripSummary = z.object({
  id: z.string(),
  personaId: z.string(),
  title: DemoTrip.shape.title,
  summary: DemoTrip.shape.summary,
  cities: DemoTrip.shape.cities,
  timeZone: DemoTrip.shape.timeZone,
  startsAt: DemoTrip.shape.startsAt,
  endsAt: DemoTrip.shape.endsAt,
  steps: z.number().int().min(1),
});
export type DemoTripSummary = z.infer<typeof DemoTripSummary>;
export const DemoTripList = z.object({ trips: z.array(DemoTripSummary) });
export type DemoTripList = z.infer<typeof DemoTripList>;
