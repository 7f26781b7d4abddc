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

export type Candidate = ({ kind: 'place'; id: string } & Reach) | ({ kind: 'event'; id: string; event: CatalogueEvent } & Reach) | ({ kind: 'offer'; id: string; offer: Offer } & Reach);

/** Whether any tag of the candidate (its place's, its event's or offer's) is `tag`; allocates nothing. */
export function hasTag(c: Candidate, tag: string): boolean {
  if (c.place.tags.includes(tag)) return true;
  if (c.kind === 'event') return c.event.tags.includes(tag);
  if (c.kind === 'offer') return c.offer.tags.includes(tag);
  return false;
}
