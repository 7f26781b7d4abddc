/**
 * The react-map-gl components a city map needs. `react-map-gl/maplibre` and `react-map-gl/mapbox` expose
 * the same components with the same props, so the map is written once against this set and each entry
 * module supplies its library's.
 */
import type * as Maplibre from 'react-map-gl/maplibre';
import type { CategoryId, ClientConfig, LatLon, PlacesCollection, Suggestion } from '@escale/shared';
import type { Position } from '../app/store.ts';

export type MapKit = Pick<typeof Maplibre, 'Map' | 'Source' | 'Layer' | 'Marker' | 'AttributionControl' | 'NavigationControl'>;

/** Why the map could not be shown, for the fallback message. */
export type MapFailure = 'noWebgl' | 'failed';

export interface CityMapProps {
  config: ClientConfig;
  places: PlacesCollection | null;
  position: Position | null;
  suggestions: Suggestion[];
  youAreHere: string;
  /** Only the places of this category are drawn (the search's filter); null draws all. */
  category: CategoryId | null;
  /** "Move my position" is on: the next tap sets the position instead of opening a place. */
  moveMode: boolean;
  /** A place chosen elsewhere (the search) to bring into view; `key` changes on every choice. */
  focus: (LatLon & { key: number }) | null;
  /** Places to mark that are neither suggestions nor the traveller (a booking's venue); the map opens on the first. */
  marks?: readonly (LatLon & { label: string })[];
  onPick(position: LatLon): void;
  onOpenPlace(placeId: string): void;
  onSelectSuggestion(suggestionId: string): void;
  onReady(): void;
  onFailure(reason: MapFailure): void;
}
