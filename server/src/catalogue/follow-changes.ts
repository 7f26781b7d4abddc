/**
 * The travel graph follows catalogue changes from the change log (bus/change-log.ts) on every instance:
 * the records a change names are read again from the store and put into the graph (added, or replaced where
 * they were). The change log waits for the read before it counts the change applied, and applies changes
 * one after the other, so a later version is never overwritten by an earlier one.
 */
import type { Bus } from '../bus/bus.ts';
import type { TravelGraph } from '../graph/travel-graph.ts';
import type { Db } from '../store/db.ts';
import { readCatalogue } from './queries.ts';

export function followCatalogueChanges(bus: Bus, db: Db, graph: TravelGraph): () => void {
  return bus.on('catalogue_changed', async (change) => {
    const records = await readCatalogue(db, new Date(0), change);
    for (const place of records.places) graph.upsertPlace(place);
    for (const place of records.archivedPlaces) graph.archivePlace(place);
    for (const event of records.events) graph.upsertEvent(event);
    for (const offer of records.offers) graph.upsertOffer(offer);
    for (const promotion of records.promotions) graph.upsertPromotion(promotion);
    for (const id of records.withdrawn.events) graph.removeEvent(id);
    for (const id of records.withdrawn.offers) graph.removeOffer(id);
    for (const id of records.withdrawn.promotions) graph.removePromotion(id);
  });
}
