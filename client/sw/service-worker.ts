/**
 * The service worker that lets the app open with no network (vite-plugin-pwa builds it, injecting the list
 * of built files). Three rules:
 * - the app's files (scripts, styles, icons) come from the precache, refreshed when a new build is out;
 * - a page load asks the server first (its page carries the current session and config as boot data); with
 *   no network, or none within NAVIGATION_TIMEOUT_MS, any address of the app opens from the precached
 *   page, which boots from the session and config kept on the phone (client/src/offline/boot-copy.ts), so
 *   /wallet opens offline after one visit;
 * - the offline basemap (style, tiles, fonts) is kept as it is fetched, so the map drawn once draws again.
 * The API is never cached here: the wallet's offline copy lives in IndexedDB (client/src/offline/).
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/** A page that takes longer than this on a weak connection is served from the shell instead. */
const NAVIGATION_TIMEOUT_MS = 6_000;
/** The basemap kept on the phone: enough tiles for a city at the zooms a traveller uses. */
const BASEMAP_CACHE = 'escale-basemap';
const BASEMAP_MAX_ENTRIES = 3_000;

async function fetchWithin(request: Request, ms: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(request, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

// Registered before the precache's route, which would otherwise answer "/" with the precached page (first
// match wins) and lose the fresh boot data the server puts in it.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && !url.pathname.startsWith('/api/'),
  async ({ request }) => {
    try {
      return await fetchWithin(request, NAVIGATION_TIMEOUT_MS);
    } catch {
      return (await matchPrecache('/index.html')) ?? Response.error();
    }
  },
);

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/api/basemap/'),
  new CacheFirst({ cacheName: BASEMAP_CACHE, plugins: [new ExpirationPlugin({ maxEntries: BASEMAP_MAX_ENTRIES, purgeOnQuotaError: true })] }),
);

// A new build takes over at once: the app's files are precached by content, so nothing half-old is mixed in.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
