/**
 * Splits one OpenMapTiles vector tile into what a phone needs at once and what it needs only close up.
 * Measured on the Paris z14 tiles (gzip): buildings 6.4 MB, POIs 1.5 MB, house numbers 1.3 MB of 13.1 MB.
 * POIs are dropped (the app draws its own catalogue; two sets of dots would contradict each other), house
 * numbers too (drawn from z17 only, and no one reads them on a phone); buildings go to a tile set of their
 * own that the style only loads from zoom 15, so the first screen never pays for them.
 */
import { VectorTile, type VectorTileFeature, type VectorTileLayer } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import vtpbf from 'vt-pbf';

export const DROPPED_LAYERS = new Set(['poi', 'housenumber']);
export const BUILDING_LAYER = 'building';
/** The label properties the style draws text from (`name:latin`, else `name`; `ref` on road shields). */
const LABEL_PROPERTIES = ['name:latin', 'name', 'ref'];

export interface SlimTile {
  /** Every kept layer except buildings, or null when nothing is left. */
  base: Uint8Array | null;
  buildings: Uint8Array | null;
}

/**
 * maplibre scales tile coordinates to 8192 and warns ("Geometry exceeds allowed extent") for any beyond
 * ±16384 there, i.e. beyond twice the tile's own extent. A few label points of the source tiles lie that far
 * outside their tile (measured on Paris z14: 7 water names, 8 POIs); a point outside its tile is drawn by the
 * tile that holds it, so here it is only noise and is left out.
 */
export function isFarOutsidePoint(feature: VectorTileFeature, extent: number): boolean {
  if (feature.type !== 1) return false;
  const limit = 2 * extent;
  return feature.loadGeometry().every((ring) => ring.every((p) => p.x < -limit || p.x >= limit || p.y < -limit || p.y >= limit));
}

/** The layer without the features `drop` names, still read lazily by vt-pbf through the same interface. */
function without(layer: VectorTileLayer, drop: (feature: VectorTileFeature) => boolean): VectorTileLayer {
  const kept: number[] = [];
  for (let i = 0; i < layer.length; i++) if (!drop(layer.feature(i))) kept.push(i);
  if (kept.length === layer.length) return layer;
  return Object.assign(Object.create(Object.getPrototypeOf(layer) as object) as VectorTileLayer, layer, {
    length: kept.length,
    feature: (i: number) => layer.feature(kept[i]!),
  });
}

function encode(layers: Record<string, VectorTileLayer>): Uint8Array | null {
  return Object.keys(layers).length === 0 ? null : vtpbf({ layers });
}

/** `labelText` receives every label string of the kept layers, so the glyph ranges they need can be chosen. */
export function slimTile(data: Uint8Array, labelText: (text: string) => void): SlimTile {
  const tile = new VectorTile(new Pbf(data));
  const base: Record<string, VectorTileLayer> = {};
  const buildings: Record<string, VectorTileLayer> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    if (DROPPED_LAYERS.has(name)) continue;
    if (name === BUILDING_LAYER) {
      buildings[name] = layer;
      continue;
    }
    base[name] = without(layer, (f) => isFarOutsidePoint(f, layer.extent));
    for (let i = 0; i < layer.length; i++) {
      const properties = layer.feature(i).properties;
      for (const key of LABEL_PROPERTIES) {
        const value = properties[key];
        if (typeof value === 'string') labelText(value);
      }
    }
  }
  return { base: encode(base), buildings: encode(buildings) };
}
