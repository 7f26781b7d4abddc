/**
 * The travel graph follows the travellers' changes from the change log (bus/change-log.ts), on every
 * instance: feedback adds or removes an edge, a new private traveller arrives with its history, an erased
 * one leaves no trace. Each sets a state (an edge there or not), so applying one twice changes nothing.
 */
import type { Bus } from '../bus/bus.ts';
import type { TravelGraph } from '../graph/travel-graph.ts';
import { erasedAmong } from './erased.ts';

export function followTravellerChanges(bus: Bus, graph: TravelGraph): () => void {
  const off = [
    bus.on('interaction_recorded', (c) => void graph.addInteraction({ travellerId: c.travellerId, placeId: c.placeId, kind: c.kind, at: new Date(c.at) })),
    bus.on('interaction_removed', (c) => void graph.removeInteraction(c)),
    bus.on('traveller_created', (c) => {
      if (c.private) graph.addPrivateTraveller(c.travellerId);
      for (const i of c.interactions) graph.addInteraction({ travellerId: c.travellerId, placeId: i.placeId, kind: i.kind, at: new Date(i.at) });
    }),
    bus.on('traveller_erased', (c) => {
      const id = erasedAmong(c, graph.travellerIds());
      if (id) graph.dropTraveller(id);
    }),
  ];
  return () => off.forEach((f) => f());
}
