/** Catalogue reads for the map, and the client's configuration (city, basemap, attribution). */
import { Router } from 'express';
import type { PlacesCollection } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { clientConfig } from './client-config.ts';

export function catalogueRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/config', (_req, res) => {
    res.json(clientConfig(ctx));
  });

  router.get('/places', (_req, res) => {
    const body: PlacesCollection = {
      type: 'FeatureCollection',
      features: ctx.graph.places().map((p) => ({
        type: 'Feature',
        id: p.id,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { id: p.id, name: p.name, category: p.category },
      })),
    };
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(body);
  });

  return router;
}
