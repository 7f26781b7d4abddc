/**
 * The travel graph follows catalogue changes from the change log (bus/change-log.ts) on every instance:
 * the records a change names are read again from the store and put into the graph (added, or replaced where
 * they were). Reads of successive changes run one after the other, so a later version is never overwritten
 * by an earlier one.
 */
import type { Bus } from '../bus/bus.ts';
import type { TravelGraph } from '../graph/travel-graph.ts';
import type { Db } from '../store/db.ts';
import { readCatalogue } from './queries.ts';

export function followCatalogueChanges(bus: Bus, db: Db, graph: TravelGraph, onError: (err: unknown) => void): { off: () => void; settled: () => Promise<void> } {
  let reading: Promise<void> = Promise.resolve();
  const off = bus.on('catalogue_changed', (change) => {
    reading = reading.then(async () => {
      try {
        const records = await readCatalogue(db, new Date(0), change);
        for (const place of records.places) graph.upsertPlace(place);
        for (const event of records.events) graph.upsertEvent(event);
        for (const offer of records.offers) graph.upsertOffer(offer);
      } catch (err) {
        onError(err);
      }
    });
  });
  return { off, settled: () => reading };
}
