/** A thing that could be suggested: a place, an event held there, or an agency offer for it. */
import type { CatalogueEvent, Offer, Place } from '../catalogue/model.ts';
import type { HoursState } from './opening-hours.ts';

interface Reach {
  place: Place;
  /** The place's node in the travel graph's walk index, for the signals that read the graph. */
  node: number;
  meters: number | null;
  walkMinutes: number | null;
  /** Set when the place is a running destination for a runner: the way there is part of the run. */
  runMinutes?: number;
  hours: HoursState;
  arrival: Date;
}

export type Candidate =
  | ({ kind: 'place'; id: string } & Reach)
  | ({ kind: 'event'; id: string; event: CatalogueEvent } & Reach)
  | ({ kind: 'offer'; id: string; offer: Offer } & Reach);

export function candidateTags(c: Candidate): string[] {
  if (c.kind === 'event') return [...c.place.tags, ...c.event.tags];
  if (c.kind === 'offer') return [...c.place.tags, ...c.offer.tags];
  return c.place.tags;
}
