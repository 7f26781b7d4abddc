/**
 * What a check-in file can say about a place and a person, for the evaluations' in-memory worlds (the
 * replay's New York, the next-POI protocol's city): a place with a position, a kind and a name, and nothing
 * the file does not say (no hours, rating or price); a user as a traveller with every consent on and no
 * stated likes, party or budget.
 */
import type { CategoryId } from '../../shared/src/categories.ts';
import type { Catalogue, City, Place } from '../../server/src/catalogue/model.ts';
import type { Traveller } from '../../server/src/travellers/model.ts';

export interface CheckinVenue {
  id: string;
  name: string;
  category: CategoryId;
  tags: string[];
  lat: number;
  lon: number;
}

export function checkinPlace(venue: CheckinVenue, agencyId: string, cityId: string): Place {
  return { ...venue, agencyId, cityId, address: null, openingHours: null, priceLevel: null, rating: null, reviewCount: 0, website: null, seeded: [] };
}

export function checkinCatalogue(agency: { id: string; name: string }, city: City, places: Place[]): Catalogue {
  return { agencies: [{ ...agency }], cities: [city], places, archivedPlaces: [], events: [], offers: [], promotions: [], withdrawn: { events: [], offers: [], promotions: [] } };
}

export function checkinTraveller(id: string, user: string, agencyId: string, cityId: string): Traveller {
  return {
    id,
    agencyId,
    name: `User ${user}`,
    locale: 'en',
    cityId,
    personaId: null,
    likes: [],
    dislikes: [],
    party: { adults: 1, childrenAges: [], accessibility: [] },
    budget: null,
    consents: { location: true, history: true, profile: true, wallet: true },
  };
}
