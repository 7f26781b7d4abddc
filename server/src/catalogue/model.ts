/** The catalogue as the server holds it in memory (rows decoded from the store). */
import type { CategoryId, Currency, EventKind, PlaceRecord, PromotionTarget } from '@escale/shared';

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
  /** Per person, in `currency`. */
  price: number;
  currency: Currency;
}

export interface Offer {
  id: string;
  agencyId: string;
  placeId: string;
  title: string;
  description: string;
  price: number;
  currency: Currency;
  seatsTotal: number;
  seatsLeft: number;
  tags: string[];
  /** When it may be booked (and suggested); null: no bound on that side. */
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
}

/**
 * An agency's promotion of one of its places, events or offers: its `boost` (0.1–1) is the agency signal's
 * value while `now` is within the window, and travellers of that agency only are shown it, always as a
 * promotion with the agency's name and its label.
 */
export interface Promotion {
  id: string;
  agencyId: string;
  target: PromotionTarget;
  boost: number;
  startsAt: Date;
  endsAt: Date;
  label: string | null;
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
  promotions: Promotion[];
  /** Read by id only (a change another instance committed): the events, offers and promotions no longer published. */
  withdrawn: { events: string[]; offers: string[]; promotions: string[] };
}
