/**
 * Serves the built client the way a phone on a slow network needs it: the brotli or gzip file written next
 * to each asset at build time (no compression work per request), hashed assets cached for a year as
 * immutable (their name changes when their content does), and index.html revalidated on every visit so a
 * new release is picked up at once. Limits and figures: docs/DECISIONS.md ("Fast on a phone").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import express, { type Request } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { BOOT_DATA_ELEMENT_ID, type BootData } from '@escale/shared';

/** Vite writes every hashed file under this folder; nothing else may be cached forever. */
export const HASHED_ASSETS_PREFIX = '/assets/';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Files without a hash in their name (favicon, robots) may change with a release: a day, then revalidate. */
export const UNHASHED_CACHE = 'public, max-age=86400, must-revalidate';
/** The page itself: always asked again (a 304 costs a few hundred bytes), so a release is never half-seen. */
export const PAGE_CACHE = 'private, no-cache';

/** The service worker and the app's manifest: checked on every visit, so a new build reaches phones at once. */
const ALWAYS_CHECKED = new Set(['/service-worker.js', '/manifest.webmanifest']);
export const REVALIDATE_CACHE = 'no-cache';

function cacheHeaderFor(urlPath: string): string {
  if (ALWAYS_CHECKED.has(urlPath)) return REVALIDATE_CACHE;
  return urlPath.startsWith(HASHED_ASSETS_PREFIX) ? IMMUTABLE_CACHE : UNHASHED_CACHE;
}

/**
 * The page carries what its script would otherwise ask for first (the config and the session, as boot
 * data) and announces the one fetch that comes next (`<link rel=preload>`), so the browser makes it while
 * the script is still downloading: on a phone's 560 ms round trip that is two trips saved before the first
 * screen. A signed-in traveller needs the catalogue places next, a visitor the personas; each variant only
 * preloads what its visitor uses at once (Chromium warns about a preload left unused). The preload must be
 * made exactly as api.ts fetches (GET, credentials same-origin = crossorigin="anonymous") to be matched.
 */
export type BootDataOf = (req: Request) => Promise<BootData>;

export function pageWithBoot(html: string, boot: BootData): string {
  const next = boot.session ? '/api/places' : '/api/personas';
  // "<" escaped, so no string in the data (a traveller's name) can close the script element.
  const data = JSON.stringify(boot).replace(/</g, '\\u003c');
  const head = [`<link rel="preload" href="${next}" as="fetch" crossorigin="anonymous" />`, `<script id="${BOOT_DATA_ELEMENT_ID}" type="application/json">${data}</script>`].join('\n    ');
  return html.replace('</head>', `  ${head}\n  </head>`);
}

export function serveClient(app: express.Express, dist: string, bootDataOf: BootDataOf): void {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`, then reload.');
    });
    return;
  }
  app.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      // Brotli is about 15 % smaller than gzip on the JS bundle; every current browser accepts it over HTTPS.
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        cacheControl: false,
        setHeaders(res: ServerResponse, file: string) {
          const urlPath = `/${path.relative(dist, file).split(path.sep).join('/')}`;
          res.setHeader('Cache-Control', cacheHeaderFor(urlPath.replace(/\.(br|gz)$/, '')));
        },
      },
    }),
  );
  // A hashed file that is not there belongs to another release: a 404, never the page served as script.
  app.use(HASHED_ASSETS_PREFIX, (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  // The app is a single page: every non-API path gets index.html and the client routes it. It is small and
  // compressed on the fly by the compression middleware in front of everything; Express's ETag (of the page
  // as sent, boot data included) turns a returning visit's revalidation into a 304.
  const html = fs.readFileSync(index, 'utf8');
  app.get(/^(?!\/api\/|\/ws$).*/, async (req, res) => {
    const page = pageWithBoot(html, await bootDataOf(req));
    // The page holds who is signed in: never stored by a shared cache, and revalidated on every visit.
    res.setHeader('Cache-Control', PAGE_CACHE);
    res.type('html').send(page);
  });
}
