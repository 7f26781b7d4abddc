/**
 * The cities the server holds at once (every catalogue of data/, and any an agency imported), read from the
 * travel graph so a city added later counts too. A traveller is in one city at a time: the one their
 * position falls in (`near`), else the one they were last in; its time zone, map and catalogue follow them.
 */
import { distanceMeters } from '@escale/shared';
import type { TravelGraph } from '../graph/travel-graph.ts';
import type { City } from './model.ts';

/**
 * How far from a city's centre a position still belongs to it. 30 km covers a metropolis and its airport
 * (Lyon–Saint-Exupéry is 23 km out, Roissy 24 km) and stays far below the distance between two demo cities.
 */
export const CITY_RADIUS_M = 30_000;

export class Cities {
  constructor(
    private readonly graph: Pick<TravelGraph, 'city' | 'cities'>,
    private readonly defaultId: string,
  ) {
    if (!graph.city(defaultId)) throw new Error(`the default city ${defaultId} is not in the catalogue`);
  }

  /** Where a new traveller starts and the console opens, until a position says otherwise. */
  get default(): City {
    return this.graph.city(this.defaultId)!;
  }

  /** The city of that id; the default one for an id no longer known (a city's catalogue was removed). */
  of(id: string): City {
    return this.graph.city(id) ?? this.default;
  }

  /** Every city, the default one first, then by name. */
  list(): City[] {
    const others = this.graph
      .cities()
      .filter((c) => c.id !== this.defaultId)
      .sort((a, b) => a.name.localeCompare(b.name));
    return [this.default, ...others];
  }

  /** The city whose centre is nearest to a position within CITY_RADIUS_M; null far from every city. */
  near(lat: number, lon: number): City | null {
    let best: City | null = null;
    let bestMeters = CITY_RADIUS_M;
    for (const city of this.graph.cities()) {
      const meters = distanceMeters({ lat, lon }, city.center);
      if (meters <= bestMeters) {
        best = city;
        bestMeters = meters;
      }
    }
    return best;
  }
}

/** The default city's id: the configured one, else Paris when it is loaded, else the first catalogue's. */
export function defaultCityId(configured: string | null, loaded: readonly string[]): string {
  if (configured !== null) {
    if (!loaded.includes(configured)) throw new Error(`DEFAULT_CITY ${configured} is not a loaded catalogue (loaded: ${loaded.join(', ')})`);
    return configured;
  }
  return loaded.includes('paris') ? 'paris' : loaded[0]!;
}
