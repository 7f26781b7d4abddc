/**
 * The world Escale ranks in for the next-POI protocol: a city with the file's clock, one place per train POI
 * (position of its first train check-in, category mapped by poi-categories.ts, no hours, rating or price),
 * and each user as a traveller whose train check-ins are `visited` interactions.
 */
import type { Catalogue, City, Place } from '../../../server/src/catalogue/model.ts';
import type { Interaction, Traveller } from '../../../server/src/travellers/model.ts';
import type { CityClock } from '../checkins-clock.ts';
import { checkinCatalogue, checkinPlace, checkinTraveller } from '../checkin-world.ts';
import { poiCategory } from './poi-categories.ts';
import type { TrainStats } from './train-stats.ts';

export const AGENCY = { id: 'eval', name: 'Evaluation' } as const;
export const CITY_ID = 'nextpoi';

export const placeIdOf = (venueId: string) => `poi:${venueId}`;
export const travellerIdOf = (user: string) => `user:${user}`;

function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

export function cityOf(stats: TrainStats, clock: CityClock, name: string): City {
  return { id: CITY_ID, name, timezone: clock.timezone, countryCode: null, center: { lat: median(stats.lat), lon: median(stats.lon) }, attribution: [] };
}

export function placesOf(stats: TrainStats): Place[] {
  return stats.pois.map((venueId, i) => {
    const name = stats.categoryName[i] ?? null;
    const { category, tags } = poiCategory(name);
    return checkinPlace({ id: placeIdOf(venueId), name: `${name ?? 'POI'} ${venueId.slice(-6)}`, category, tags, lat: stats.lat[i]!, lon: stats.lon[i]! }, AGENCY.id, CITY_ID);
  });
}

export const catalogueOf = (city: City, places: Place[]): Catalogue => checkinCatalogue(AGENCY, city, places);

/** A user as a traveller: every consent on, no stated likes, party or budget (the file says nothing of them). */
export const travellerOf = (user: string): Traveller => checkinTraveller(travellerIdOf(user), user, AGENCY.id, CITY_ID);

export const visitOf = (user: string, venueId: string, at: Date): Interaction => ({ travellerId: travellerIdOf(user), placeId: placeIdOf(venueId), kind: 'visited', at });

export const trainVisits = (stats: TrainStats): Interaction[] => stats.train.map((c) => visitOf(c.userId, c.venueId, c.at));
