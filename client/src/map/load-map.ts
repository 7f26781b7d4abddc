/**
 * The map library is loaded lazily so the first screen (sign-in, cards) stays well under the initial JS
 * budget; only the library the server's configuration asks for is ever downloaded.
 */
import { lazy } from 'react';

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

/**
 * Starts downloading the map library while the first screen is read (sign-in, the first cards): on a slow
 * network the library is the largest download of the app, and waiting for the map component to mount
 * before asking for it adds its whole transfer time to "map ready". The import is the same one `lazy` makes,
 * so the module is fetched once.
 */
export function prefetchMapLibrary(useMapbox: boolean): void {
  void (useMapbox ? import('./MapboxMap.tsx') : import('./MaplibreMap.tsx')).catch(() => undefined);
}
