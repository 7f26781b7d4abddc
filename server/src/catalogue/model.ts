/** The catalogue as the server holds it in memory (rows decoded from the store). */
import type { CategoryId, EventKind, PlaceRecord } from '@escale/shared';

export interface City {
  id: string;
  name: string;
  timezone: string;
  countryCode: string | null;
  center: { lat: number; lon: number };
  attribution: string[];
}

export interface Place extends Omit<PlaceRecord, 'source' | 'category'> {
  agencyId: string;
  cityId: string;
  category: CategoryId;
}

export interface CatalogueEvent {
  id: string;
  agencyId: string;
  placeId: string;
  title: string;
  kind: EventKind;
  tags: string[];
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  seatsLeft: number;
  priceEur: number;
}

export interface Offer {
  id: string;
  agencyId: string;
  placeId: string;
  title: string;
  description: string;
  priceEur: number;
  seatsTotal: number;
  seatsLeft: number;
  promoted: boolean;
  tags: string[];
}

export interface Agency {
  id: string;
  name: string;
}

export interface Catalogue {
  agencies: Agency[];
  cities: City[];
  /** Published places: what travellers are suggested. */
  places: Place[];
  /** Places the agency archived: kept in the graph for the interactions that name them, never suggested. */
  archivedPlaces: Place[];
  events: CatalogueEvent[];
  offers: Offer[];
}
