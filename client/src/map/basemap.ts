/**
 * The city's offline basemap style, fetched from this server and checked against the contract. Its tile,
 * glyph and sprite paths are made absolute here: maplibre resolves them in a worker, where a path alone has
 * no page to be relative to. (Prefixing the origin, not `new URL()`, which would escape the `{z}` templates.)
 */
import { BasemapStyle } from '@escale/shared';
import type { StyleSpecification } from 'maplibre-gl';

const absolute = (origin: string, p: string) => `${origin}${p}`;

export function withOrigin(style: BasemapStyle, origin: string): StyleSpecification {
  const sources = Object.fromEntries(Object.entries(style.sources).map(([id, source]) => [id, source.tiles ? { ...source, tiles: source.tiles.map((t) => absolute(origin, t)) } : source]));
  // The contract checked what the app relies on; maplibre validates the rest of the specification.
  return { ...style, sources, glyphs: absolute(origin, style.glyphs), sprite: absolute(origin, style.sprite) } as unknown as StyleSpecification;
}

const loading = new Map<string, Promise<StyleSpecification>>();

export function loadBasemapStyle(url: string): Promise<StyleSpecification> {
  let pending = loading.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`basemap style: HTTP ${response.status}`);
        return response.json();
      })
      .then((json: unknown) => withOrigin(BasemapStyle.parse(json), window.location.origin))
      .catch((error: unknown) => {
        loading.delete(url); // a later map mount may try again
        throw error;
      });
    loading.set(url, pending);
  }
  return pending;
}
