/**
 * Rows for tests that write a store directly rather than through the server: every column a table
 * requires, the optional ones empty, so that a test names only what it is about.
 */
import type { Insertable } from 'kysely';
import type { PlaceTable, TravellerTable } from '../store/schema.ts';

/** A traveller with no profile, settings or onboarding yet. */
export function travellerRow(id: string, agencyId: string, createdAt: string, cityId = 'paris'): Insertable<TravellerTable> {
  return {
    id,
    agency_id: agencyId,
    name: id,
    locale: 'en',
    city_id: cityId,
    persona_id: null,
    likes: '[]',
    dislikes: '[]',
    party: '{}',
    budget: null,
    created_at: createdAt,
    push_settings: null,
    ranking_settings: null,
    onboarded_at: null,
  };
}

type PlaceFields = Pick<PlaceTable, 'id' | 'agency_id' | 'name' | 'category' | 'lat' | 'lon' | 'updated_at'> & Partial<Insertable<PlaceTable>>;

/** A published place in Paris with no hours, price, rating, address or website, from a test source. */
export function placeRow(fields: PlaceFields): Insertable<PlaceTable> {
  return {
    city_id: 'paris',
    tags: '[]',
    address: null,
    opening_hours: null,
    price_level: null,
    rating: null,
    review_count: 0,
    website: null,
    seeded: '[]',
    source_dataset: 'test',
    source_ref: fields.id,
    draft: null,
    external_id: null,
    ...fields,
  };
}
