/** A place's editable fields as the store holds them, and the comparison that says what an edit changed. */
import { EDITABLE_PLACE_FIELDS, type EditablePlaceField, type PlaceFields } from '@escale/shared';
import type { Selectable } from 'kysely';
import type { PlaceTable } from '../../store/schema.ts';

export function fieldsOfRow(p: Pick<Selectable<PlaceTable>, 'name' | 'category' | 'tags' | 'lat' | 'lon' | 'address' | 'opening_hours' | 'website'>): PlaceFields {
  return {
    name: p.name,
    category: p.category as PlaceFields['category'],
    tags: JSON.parse(p.tags) as string[],
    lat: p.lat,
    lon: p.lon,
    address: p.address,
    openingHours: p.opening_hours,
    website: p.website,
  };
}

export function columnsOf(f: PlaceFields) {
  return { name: f.name, category: f.category, tags: JSON.stringify(f.tags), lat: f.lat, lon: f.lon, address: f.address, opening_hours: f.openingHours, website: f.website };
}

/** The version an editor works on: the waiting draft if there is one, else the published columns. */
export function currentFields(p: Selectable<PlaceTable>): PlaceFields {
  return p.draft ? (JSON.parse(p.draft) as PlaceFields) : fieldsOfRow(p);
}

export function changedFields(from: PlaceFields, to: PlaceFields): EditablePlaceField[] {
  return EDITABLE_PLACE_FIELDS.filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]));
}
