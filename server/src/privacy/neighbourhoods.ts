/**
 * The neighbourhoods a traveller may centre their feed on when no position is used (location off, or the
 * non-profiled feed): named as the catalogue's real addresses name them ("Paris 11e", graph/area-names.ts),
 * each at the centroid of its places. Only names carried by enough places count, so that a stray postcode
 * does not become a choice.
 */
import type { FeedAnchor, Neighbourhood } from '@escale/shared';
import type { City } from '../catalogue/model.ts';
import { labelOfAddress } from '../graph/area-names.ts';
import type { TravelGraph } from '../graph/travel-graph.ts';

const MIN_PLACES = 5;

/** "Paris 11e" → "paris-11e": stable across restarts, readable in a URL or an export. */
export const neighbourhoodId = (label: string): string =>
  label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const collator = new Intl.Collator('fr', { numeric: true });

export function neighbourhoodsOf(graph: Pick<TravelGraph, 'places'>, cityId: string): Neighbourhood[] {
  const sums = new Map<string, { name: string; lat: number; lon: number; places: number }>();
  for (const place of graph.places()) {
    if (place.cityId !== cityId || !place.address) continue;
    const name = labelOfAddress(place.address);
    if (!name) continue;
    const id = neighbourhoodId(name);
    const sum = sums.get(id) ?? { name, lat: 0, lon: 0, places: 0 };
    sum.lat += place.lat;
    sum.lon += place.lon;
    sum.places++;
    sums.set(id, sum);
  }
  return [...sums.entries()]
    .filter(([, s]) => s.places >= MIN_PLACES)
    .map(([id, s]) => ({ id, name: s.name, lat: s.lat / s.places, lon: s.lon / s.places, places: s.places }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The neighbourhoods of each city, worked out again only when the graph's place table is rebuilt (which any
 * change of the places does), not on every ranking that is centred on one.
 */
export class NeighbourhoodIndex {
  private readonly byCity = new Map<string, { table: object; list: Neighbourhood[] }>();

  constructor(private readonly graph: Pick<TravelGraph, 'places' | 'placeTable'>) {}

  of(cityId: string): Neighbourhood[] {
    const table = this.graph.placeTable();
    const cached = this.byCity.get(cityId);
    if (cached?.table === table) return cached.list;
    const list = neighbourhoodsOf(this.graph, cityId);
    this.byCity.set(cityId, { table, list });
    return list;
  }

  /** Where an anchor is: the city centre, or the chosen neighbourhood's centroid (the centre if it is gone). */
  pointOf(anchor: FeedAnchor, city: City): { lat: number; lon: number; name: string } {
    if (anchor.kind === 'neighbourhood') {
      const n = this.of(city.id).find((x) => x.id === anchor.id);
      if (n) return { lat: n.lat, lon: n.lon, name: n.name };
    }
    return { ...city.center, name: city.name };
  }
}
