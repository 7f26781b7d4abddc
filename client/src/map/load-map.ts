/**
 * The map library is loaded lazily so the first screen (sign-in, cards) stays well under the initial JS
 * budget; only the library the server's configuration asks for is ever downloaded.
 */
import { lazy } from 'react';
import type { ClientConfig } from '@escale/shared';
import { warmUp } from './warm-up.ts';

export const LazyMaplibreMap = lazy(() => import('./MaplibreMap.tsx'));
export const LazyMapboxMap = lazy(() => import('./MapboxMap.tsx'));

/** WebGL is required by both libraries; checking first lets us explain instead of showing a blank box. */
export function supportsWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    // Browsers cap live WebGL contexts; give this probe's back before the map asks for its own.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

let libraryLoaded = false;

/** Whether the map library is already loaded (prefetched during sign-in): the map then need not wait. */
export function mapLibraryLoaded(): boolean {
  return libraryLoaded;
}

/**
 * Starts downloading the map while a visitor reads the sign-in screen: on a slow network the library is the
 * largest download of the app, and the basemap needs a chain of fetches (style, then sprite and tiles, then
 * the glyphs the labels ask for), each a round trip. The import is the one `lazy` makes, so the module is
 * fetched once; then what the map will fetch (its worker, the style, the sprite, the glyphs) is fetched
 * into the browser's cache, where the map finds it (warm-up.ts).
 */
export function prefetchMap(config: ClientConfig): void {
  if (config.map.mapboxToken) {
    import('./MapboxMap.tsx').then(
      () => (libraryLoaded = true),
      () => undefined,
    );
    return;
  }
  // The warm-up follows the library rather than running beside it: on Slow 4G they share the bandwidth, and
  // side by side both arrive later (bench:client: the first card 0.8 s and the map 1.2 s later).
  import('./MaplibreMap.tsx').then(
    () => {
      libraryLoaded = true;
      void warmUp(config);
    },
    () => undefined, // the map will try again when it mounts, and say so if it fails
  );
}
