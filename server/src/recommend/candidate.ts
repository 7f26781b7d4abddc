/** A thing that could be suggested: a place, an event held there, or an agency offer for it. */
import type { CatalogueEvent, Offer, Place } from '../catalogue/model.ts';
import type { HoursState } from './opening-hours.ts';

export type Candidate =
  | { kind: 'place'; id: string; place: Place; meters: number | null; walkMinutes: number | null; hours: HoursState; arrival: Date }
  | { kind: 'event'; id: string; place: Place; event: CatalogueEvent; meters: number | null; walkMinutes: number | null; hours: HoursState; arrival: Date }
  | { kind: 'offer'; id: string; place: Place; offer: Offer; meters: number | null; walkMinutes: number | null; hours: HoursState; arrival: Date };

export function candidateTags(c: Candidate): string[] {
  if (c.kind === 'event') return [...c.place.tags, ...c.event.tags];
  if (c.kind === 'offer') return [...c.place.tags, ...c.offer.tags];
  return c.place.tags;
}
