/**
 * The offline basemap at /basemap/ (built into data/basemap/ by `npm run basemap:build`): each city's style
 * and vector tiles, the glyphs and the sprite, all from this server so the map needs no other host. Tiles
 * and glyphs are stored gzip-compressed and sent as they are (Content-Encoding: gzip, which every browser
 * accepts), so no request pays for compression.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import express, { Router } from 'express';

export const BASEMAP_PATH = '/basemap';
/** Tiles, glyphs and sprites change only when the basemap is rebuilt, with a release: a week, then revalidate. */
export const BASEMAP_CACHE = 'public, max-age=604800';
/** A style is small and names the files: always revalidated, so a rebuilt basemap is never half-seen. */
export const STYLE_CACHE = 'no-cache';
/** A tile the extract does not have is an empty tile, not an error (maplibre draws nothing for a 204). */
const TILE_PATH = /^\/[a-z-]+\/(tiles|buildings)\/\d+\/\d+\/\d+\.pbf$/;

/** Where the style of `cityId` is served, or null when no basemap was built for that city. */
export function offlineStyleUrl(basemapDir: string, cityId: string): string | null {
  return fs.existsSync(path.join(basemapDir, cityId, 'style.json')) ? `${BASEMAP_PATH}/${cityId}/style.json` : null;
}

function setHeaders(res: ServerResponse, file: string): void {
  if (file.endsWith('.pbf')) {
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Type', 'application/x-protobuf');
  }
  res.setHeader('Cache-Control', file.endsWith('style.json') ? STYLE_CACHE : BASEMAP_CACHE);
}

export function basemapRoutes(basemapDir: string): Router {
  const router = Router();
  // No byte ranges: a range of a gzip file is not a range of the tile; maplibre never asks for one.
  router.use(express.static(basemapDir, { index: false, acceptRanges: false, cacheControl: false, fallthrough: true, setHeaders }));
  router.get(TILE_PATH, (_req, res) => {
    res.setHeader('Cache-Control', BASEMAP_CACHE);
    res.status(204).end();
  });
  router.use((req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `The basemap has no file ${req.path}.` } });
  });
  return router;
}
