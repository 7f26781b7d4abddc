/**
 * The replay's in-memory city, built from any check-in file: one place per leisure venue (a category name
 * mapped by the hand table, else by keyword: nextpoi/poi-categories.ts; what maps to `other` is not
 * leisure and is left out), with nothing the data does not say (no hours, no rating, no price), and users as
 * travellers whose only data is their training check-ins. The city's clock comes from the file's own
 * offsets, its centre from its venues, its name from the file. Popularity comes from training check-ins
 * alone, so no test check-in leaks in.
 */
import path from 'node:path';
import type { Catalogue, City, Place } from '../../server/src/catalogue/model.ts';
import type { Interaction, Traveller } from '../../server/src/travellers/model.ts';
import type { Checkin } from './checkins-reader.ts';
import type { CityClock } from './checkins-clock.ts';
import { checkinCatalogue, checkinPlace, checkinTraveller } from './checkin-world.ts';
import { poiCategory } from './nextpoi/poi-categories.ts';

export const EVAL_AGENCY = { id: 'eval', name: 'Evaluation' } as const;
export const REPLAY_CITY_ID = 'replay';

export const placeIdOf = (venueId: string) => `fsq:${venueId}`;

/** A leisure venue's category and tags, or null when the name says it is not leisure (or says nothing). */
export function leisureCategory(categoryName: string | null): { category: Place['category']; tags: string[] } | null {
  const mapped = poiCategory(categoryName);
  return mapped.category === 'other' ? null : { category: mapped.category, tags: mapped.tags };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

/** The file's city: its name, the clock its offsets give, the median of its venues as centre. */
export function replayCity(file: string, clock: CityClock, places: readonly Place[]): City {
  return {
    id: REPLAY_CITY_ID,
    name: path.basename(file).replace(/\.[^.]+$/, ''),
    timezone: clock.timezone,
    countryCode: null,
    center: { lat: median(places.map((p) => p.lat)), lon: median(places.map((p) => p.lon)) },
    attribution: [`Check-ins read from ${path.basename(file)}`],
  };
}

/** One place per leisure venue, at the position of its first check-in. */
export function venuesOf(checkins: readonly Checkin[]): Place[] {
  const places = new Map<string, Place>();
  for (const c of checkins) {
    if (places.has(c.venueId)) continue;
    const mapped = leisureCategory(c.categoryName);
    if (!mapped) continue;
    const name = `${c.categoryName ?? 'Venue'} ${c.venueId.slice(-6)}`;
    places.set(c.venueId, checkinPlace({ id: placeIdOf(c.venueId), name, category: mapped.category, tags: mapped.tags, lat: c.lat, lon: c.lon }, EVAL_AGENCY.id, REPLAY_CITY_ID));
  }
  return [...places.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export const replayCatalogue = (city: City, places: Place[]): Catalogue => checkinCatalogue(EVAL_AGENCY, city, places);

export const travellerIdOf = (userId: string) => `fsq-user-${userId}`;

/** A user as a traveller: every consent on, no stated likes, no party or budget. */
export const travellerOf = (userId: string): Traveller => checkinTraveller(travellerIdOf(userId), userId, EVAL_AGENCY.id, REPLAY_CITY_ID);

export function visitsOf(train: readonly Checkin[]): Interaction[] {
  return train.map((c) => ({ travellerId: travellerIdOf(c.userId), placeId: placeIdOf(c.venueId), kind: 'visited' as const, at: c.at }));
}
