/** A place's editable fields as the store holds them, and the comparison that says what an edit changed. */
import { EDITABLE_PLACE_FIELDS, type EditablePlaceField, type PlaceFields } from '@escale/shared';
import type { Selectable } from 'kysely';
import type { PlaceTable } from '../../store/schema.ts';

export function fieldsOfRow(p: Pick<Selectable<PlaceTable>, 'name' | 'category' | 'tags' | 'lat' | 'lon' | 'address' | 'opening_hours' | 'website' | 'price_level'>): PlaceFields {
  return {
    name: p.name,
    category: p.category as PlaceFields['category'],
    tags: JSON.parse(p.tags) as string[],
    lat: p.lat,
    lon: p.lon,
    address: p.address,
    openingHours: p.opening_hours,
    website: p.website,
    priceLevel: p.price_level,
  };
}

export function columnsOf(f: PlaceFields) {
  return { name: f.name, category: f.category, tags: JSON.stringify(f.tags), lat: f.lat, lon: f.lon, address: f.address, opening_hours: f.openingHours, website: f.website, price_level: f.priceLevel };
}

/** The version an editor works on: the waiting draft if there is one, else the published columns. */
export function currentFields(p: Selectable<PlaceTable>): PlaceFields {
  // A draft saved before the price level was editable has none: the published one stands.
  return p.draft ? ({ priceLevel: p.price_level, ...(JSON.parse(p.draft) as Partial<PlaceFields>) } as PlaceFields) : fieldsOfRow(p);
}

/**
 * The row's `seeded` list once `fields` are the agency's: a price level it set is a fact, no longer a
 * seeded demo value.
 */
export function seededAfter(p: Pick<Selectable<PlaceTable>, 'seeded' | 'price_level'>, fields: PlaceFields): string {
  const seeded = JSON.parse(p.seeded) as string[];
  return JSON.stringify(fields.priceLevel !== p.price_level ? seeded.filter((f) => f !== 'priceLevel') : seeded);
}

export function changedFields(from: PlaceFields, to: PlaceFields): EditablePlaceField[] {
  return EDITABLE_PLACE_FIELDS.filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]));
}
