// vt-pbf 3 ships no types; this is the one call used: serialise layers that follow @mapbox/vector-tile's
// interface (name, extent, version, length, feature(i)) into a Mapbox vector tile.
declare module 'vt-pbf' {
  import type { VectorTileLayer } from '@mapbox/vector-tile';
  export default function fromVectorTileJs(tile: { layers: Record<string, VectorTileLayer> }): Uint8Array;
}
