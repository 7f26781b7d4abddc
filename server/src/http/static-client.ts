/**
 * Serves the built client the way a phone on a slow network needs it: the brotli or gzip file written next
 * to each asset at build time (no compression work per request), hashed assets cached for a year as
 * immutable (their name changes when their content does), and index.html revalidated on every visit so a
 * new release is picked up at once. Limits and figures: docs/DECISIONS.md ("Fast on a phone").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { SESSION_COOKIE } from '../auth/sessions.ts';

/** Vite writes every hashed file under this folder; nothing else may be cached forever. */
export const HASHED_ASSETS_PREFIX = '/assets/';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Files without a hash in their name (favicon, robots) may change with a release: a day, then revalidate. */
export const UNHASHED_CACHE = 'public, max-age=86400, must-revalidate';
/** The page itself: always asked again (a 304 costs a few hundred bytes), so a release is never half-seen. */
export const PAGE_CACHE = 'no-cache';

function cacheHeaderFor(urlPath: string): string {
  return urlPath.startsWith(HASHED_ASSETS_PREFIX) ? IMMUTABLE_CACHE : UNHASHED_CACHE;
}

/**
 * What the page will ask for as soon as its script runs, announced in the page itself so the browser fetches
 * it while the script is still downloading: on a phone's 560 ms round trip that is one trip saved before the
 * first screen and one before the first card. A visitor with a session cookie needs the catalogue places
 * next; one without needs the personas to sign in. Each variant only lists what its visitor will use at
 * once (Chromium warns about a preload left unused). The fetches must be made exactly as api.ts makes them
 * (GET, credentials same-origin = crossorigin="anonymous") for the browser to match them.
 */
const BOOT_FETCHES = ['/api/config', '/api/session'];
const NEXT_FETCH = { signedIn: '/api/places', visitor: '/api/personas' } as const;

function withPreloads(html: string, paths: string[]): string {
  const links = paths.map((p) => `<link rel="preload" href="${p}" as="fetch" crossorigin="anonymous" />`).join('\n    ');
  return html.replace('</head>', `  ${links}\n  </head>`);
}

function hasSessionCookie(header: string | undefined): boolean {
  return header !== undefined && header.includes(`${SESSION_COOKIE}=`);
}

export function serveClient(app: express.Express, dist: string): void {
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
  // compressed on the fly by the compression middleware in front of everything; Express's ETag turns a
  // returning visit's revalidation into a 304.
  const html = fs.readFileSync(index, 'utf8');
  const pages = {
    signedIn: withPreloads(html, [...BOOT_FETCHES, NEXT_FETCH.signedIn]),
    visitor: withPreloads(html, [...BOOT_FETCHES, NEXT_FETCH.visitor]),
  };
  app.get(/^(?!\/api\/|\/ws$).*/, (req, res) => {
    res.setHeader('Cache-Control', PAGE_CACHE);
    // The page differs with the cookie; a shared cache must not hand one visitor's variant to another.
    res.setHeader('Vary', 'Cookie');
    res.type('html').send(hasSessionCookie(req.headers.cookie) ? pages.signedIn : pages.visitor);
  });
}
