/** The map rendered with mapbox-gl, used only when the server is configured with a Mapbox token. */
import 'mapbox-gl/dist/mapbox-gl.css';
import * as kit from 'react-map-gl/mapbox';
import { CityMap } from './CityMap.tsx';
import type { CityMapProps, MapKit } from './kit.ts';

export default function MapboxMap(props: CityMapProps) {
  // Same components and props as the maplibre set; only their types are nominally different.
  return <CityMap kit={kit as unknown as MapKit} mapLib={import('mapbox-gl')} extraProps={{ mapboxAccessToken: props.config.map.mapboxToken ?? '' }} {...props} />;
}
