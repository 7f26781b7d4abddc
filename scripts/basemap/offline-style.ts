/**
 * Our offline style, derived from OSM Bright as adapted in ../shared/data/basemap/styles/osm-bright-offline.json
 * (fonts, name fields and colours unchanged). What changes and why:
 * - the tiles come from the server as files (`/basemap/<city>/tiles/{z}/{x}/{y}.pbf`) with the archive's bounds,
 *   so nothing outside the extract is asked for;
 * - buildings come from a source of their own, drawn from zoom 15 (maplibre loads no tile of a source whose
 *   layers are all hidden at the current zoom): the first screen of a phone never downloads them;
 * - layers of the dropped source layers (POIs, house numbers) are removed;
 * - glyph and sprite URLs are the server's; the client makes them absolute before handing the style over.
 */
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import { BUILDING_LAYER, DROPPED_LAYERS } from './slim-tile.ts';

export const BASE_SOURCE = 'openmaptiles';
export const BUILDINGS_SOURCE = 'buildings';
/** Buildings appear from this zoom; below it a city block reads well enough from its streets. */
export const BUILDINGS_MINZOOM = 15;
export const ATTRIBUTION = '<a href="https://openmaptiles.org/">© OpenMapTiles</a> <a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>';

export interface CityTiles {
  id: string;
  bounds: [number, number, number, number];
  maxzoom: number;
  center: [number, number];
}

function sourceLayer(layer: LayerSpecification): string | undefined {
  return 'source-layer' in layer ? layer['source-layer'] : undefined;
}

export function offlineStyle(original: StyleSpecification, city: CityTiles): StyleSpecification {
  const layers: LayerSpecification[] = [];
  for (const layer of original.layers) {
    const from = sourceLayer(layer);
    if (from && DROPPED_LAYERS.has(from)) continue;
    if (from === BUILDING_LAYER) {
      layers.push({ ...layer, source: BUILDINGS_SOURCE, minzoom: Math.max(layer.minzoom ?? 0, BUILDINGS_MINZOOM) } as LayerSpecification);
    } else {
      layers.push(layer);
    }
  }
  const base = `/basemap/${city.id}`;
  return {
    ...original,
    name: `Escale offline — ${city.id} (OSM Bright)`,
    center: city.center,
    zoom: 14,
    sources: {
      [BASE_SOURCE]: { type: 'vector', tiles: [`${base}/tiles/{z}/{x}/{y}.pbf`], bounds: city.bounds, minzoom: 0, maxzoom: city.maxzoom, attribution: ATTRIBUTION },
      [BUILDINGS_SOURCE]: { type: 'vector', tiles: [`${base}/buildings/{z}/{x}/{y}.pbf`], bounds: city.bounds, minzoom: city.maxzoom, maxzoom: city.maxzoom },
    },
    glyphs: '/basemap/fonts/{fontstack}/{range}.pbf',
    sprite: '/basemap/sprites/osm-bright/sprite',
    layers,
  };
}
