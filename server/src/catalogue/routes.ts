/** Catalogue reads for the map and the place sheet, and the client's configuration (city, basemap, attribution). */
import { Router } from 'express';
import { PlaceId, type PlacesCollection } from '@escale/shared';
import { sessionOfRequest } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { clientConfig } from './client-config.ts';
import { placeDetails } from './place-details.ts';

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

  // Ids hold a slash ("osm:node/123"): the client encodes it, and the rest of the path is the id either way.
  router.get('/places/*id', async (req, res) => {
    const segments = (req.params as Record<string, string | string[]>).id;
    const id = Array.isArray(segments) ? segments.join('/') : (segments ?? '');
    if (!PlaceId.safeParse(id).success) throw new HttpError(400, 'bad_request', `"${id.slice(0, 80)}" is not a place id ("<dataset>:<reference>").`);
    const place = ctx.graph.place(id);
    const city = place && ctx.graph.city(place.cityId);
    if (!place || !city) throw new HttpError(404, 'not_found', `No place ${id} in the catalogue.`);
    // "Open now" on the session's clock: a demo that moved its clock to 23:30 sees the café closed.
    const session = await sessionOfRequest(ctx, req);
    const at = session ? (await ctx.sessionClocks.forSession(session.id)).now() : ctx.clock.now();
    res.setHeader('Cache-Control', 'private, no-cache');
    res.json(placeDetails(place, city, at));
  });

  return router;
}
