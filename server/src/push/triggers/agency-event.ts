/**
 * "Agency event": the agency published an event that matches one of the traveller's stated interests (its
 * kind, one of its tags, its place's category or tags). Stated interests are profile data: the caller
 * only asks with the profile consent on.
 */
import type { InterestRef, PushSettings } from '@escale/shared';
import type { CatalogueEvent, Place } from '../../catalogue/model.ts';
import type { Firing } from './firing.ts';

export function agencyEventTrigger(settings: PushSettings, likes: readonly InterestRef[], event: CatalogueEvent, place: Place, agency: string): Firing | null {
  if (!settings.triggers.agency_event) return null;
  const tags = new Set([...event.tags, ...place.tags]);
  const match = likes.find((l) => (l.kind === 'category' ? l.id === place.category : tags.has(l.id)));
  if (!match) return null;
  return {
    kind: 'agency_event',
    evidence: { key: 'trigger.agency_event', params: { agency, title: event.title, kind: match.kind, id: match.id } },
    remember: {},
  };
}
