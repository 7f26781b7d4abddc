/**
 * An in-memory New York catalogue built from the check-ins: one place per leisure venue, with nothing the
 * data does not say (no hours, no rating, no price), and users as travellers whose only data is their
 * training check-ins. Popularity comes from training check-ins alone, so no test check-in leaks in.
 */
import type { Catalogue, City, Place } from '../../server/src/catalogue/model.ts';
import type { Interaction, Traveller } from '../../server/src/travellers/model.ts';
import type { Checkin } from './checkins-reader.ts';
import { checkinCatalogue, checkinPlace, checkinTraveller } from './checkin-world.ts';
import { mapFoursquareCategory } from './foursquare-categories.ts';

export const NYC: City = {
  id: 'nyc',
  name: 'New York City',
  timezone: 'America/New_York',
  countryCode: 'us',
  center: { lat: 40.758, lon: -73.9855 }, // Times Square
  attribution: ['Foursquare check-ins, TSMC2014 (D. Yang, D. Zhang, V. W. Zheng, Z. Yu, 2015)'],
};

export const EVAL_AGENCY = { id: 'eval', name: 'Evaluation' } as const;

export const placeIdOf = (venueId: string) => `fsq:${venueId}`;

/** One place per leisure venue, at the position of its first check-in. */
export function venuesOf(checkins: readonly Checkin[]): Place[] {
  const places = new Map<string, Place>();
  for (const c of checkins) {
    if (places.has(c.venueId)) continue;
    const mapped = mapFoursquareCategory(c.categoryName);
    if (!mapped) continue;
    places.set(
      c.venueId,
      checkinPlace({ id: placeIdOf(c.venueId), name: `${c.categoryName} ${c.venueId.slice(-6)}`, category: mapped.category, tags: mapped.tags, lat: c.lat, lon: c.lon }, EVAL_AGENCY.id, NYC.id),
    );
  }
  return [...places.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export const nycCatalogue = (places: Place[]): Catalogue => checkinCatalogue(EVAL_AGENCY, NYC, places);

export const travellerIdOf = (userId: string) => `fsq-user-${userId}`;

/** A user as a traveller: every consent on, no stated likes, no party or budget. */
export const travellerOf = (userId: string): Traveller => checkinTraveller(travellerIdOf(userId), userId, EVAL_AGENCY.id, NYC.id);

export function visitsOf(train: readonly Checkin[]): Interaction[] {
  return train.map((c) => ({ travellerId: travellerIdOf(c.userId), placeId: placeIdOf(c.venueId), kind: 'visited' as const, at: c.at }));
}
