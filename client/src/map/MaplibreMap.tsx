/** The map rendered with maplibre-gl (the default; no token, no external service needed). */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import * as kit from 'react-map-gl/maplibre';
import { CityMap } from './CityMap.tsx';
import type { CityMapProps } from './kit.ts';
import { workerUrl } from './warm-up.ts';

// A Vite build does not emit maplibre's worker by itself ("Worker failed to load"): import it as an asset
// and point maplibre at it before the first map is created. Same origin, so the CSP allows it.
maplibregl.setWorkerUrl(workerUrl);

export default function MaplibreMap(props: CityMapProps) {
  return <CityMap kit={kit} mapLib={maplibregl} {...props} />;
}
