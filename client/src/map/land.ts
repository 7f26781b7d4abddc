/**
 * Natural Earth land (world-atlas, 1:50m) for the offline basemap. Emitted as a same-origin asset and
 * fetched on demand, so it neither bloats the map chunk's JavaScript nor needs any external host.
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import landUrl from 'world-atlas/land-50m.json?url';

export type Land = GeoJSON.FeatureCollection | GeoJSON.Feature;

let pending: Promise<Land> | null = null;

export function loadLand(): Promise<Land> {
  pending ??= fetch(landUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`land: HTTP ${response.status}`);
      return response.json() as Promise<Topology<{ land: GeometryCollection }>>;
    })
    .then((topology) => feature(topology, topology.objects.land))
    .catch((error: unknown) => {
      pending = null; // let a later map mount try again
      throw error;
    });
  return pending;
}
