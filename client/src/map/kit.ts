/**
 * The react-map-gl components a city map needs. `react-map-gl/maplibre` and `react-map-gl/mapbox` expose
 * the same components with the same props, so the map is written once against this set and each entry
 * module supplies its library's.
 */
import type * as Maplibre from 'react-map-gl/maplibre';
import type { ClientConfig, LatLon, PlacesCollection, Suggestion } from '@escale/shared';
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
  onPick(position: LatLon): void;
  onSelectSuggestion(suggestionId: string): void;
  onReady(): void;
  onFailure(reason: MapFailure): void;
}
