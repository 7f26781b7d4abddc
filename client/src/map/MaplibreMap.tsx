/** The map rendered with maplibre-gl (the default; no token, no external service needed). */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import * as kit from 'react-map-gl/maplibre';
import { type ClientConfig, fontsOfStyle } from '@escale/shared';
import { loadBasemapStyle } from './basemap.ts';
import { CityMap } from './CityMap.tsx';
import type { CityMapProps } from './kit.ts';

// A Vite build does not emit maplibre's worker by itself ("Worker failed to load"): import it as an asset
// and point maplibre at it before the first map is created. Same origin, so the CSP allows it.
maplibregl.setWorkerUrl(workerUrl);

/**
 * Fetches ahead what the map will ask for first, so it is in the browser's cache (or in flight: the cache
 * makes a second request for the same URL wait for the first) when the map mounts: the worker, the city's
 * style, its sprite and the Latin glyphs of its fonts. Warming is best effort: a failure here only means
 * the map fetches the file itself.
 */
export async function warmUp(config: ClientConfig): Promise<void> {
  const fetchQuietly = (url: string) => void fetch(url).catch(() => undefined);
  fetchQuietly(workerUrl);
  if (config.map.styleUrl || !config.map.offlineStyleUrl) return;
  const style = await loadBasemapStyle(config.map.offlineStyleUrl).catch(() => null);
  if (!style) return;
  if (typeof style.sprite === 'string') {
    const ratio = window.devicePixelRatio > 1 ? '@2x' : '';
    for (const ext of ['json', 'png']) fetchQuietly(`${style.sprite}${ratio}.${ext}`);
  }
  if (style.glyphs) for (const font of fontsOfStyle(style)) fetchQuietly(style.glyphs.replace('{fontstack}', encodeURIComponent(font)).replace('{range}', '0-255'));
}

export default function MaplibreMap(props: CityMapProps) {
  return <CityMap kit={kit} mapLib={maplibregl} {...props} />;
}
