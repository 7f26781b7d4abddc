/**
 * The demo player's routes (demo mode only; 403 `demo_disabled` otherwise): the scripted trips and their
 * booking files, the side-by-side comparison and the graph around a suggestion. Everything the player
 * makes happen goes through the real traveller routes and the live channel; these only read.
 */
import { Router } from 'express';
import { DemoCompareQuery, type DemoTripList } from '@escale/shared';
import { currentSession, currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError, parseQuery } from '../http/errors.ts';
import { compare } from './compare.ts';
import { graphAround } from './graph-around.ts';
import type { DemoTrips } from './trips.ts';

export function demoRoutes(ctx: AppContext, trips: DemoTrips): Router {
  const router = Router();
  router.use('/demo', (_req, _res, next) => {
    if (!ctx.config.demoMode) throw new HttpError(403, 'demo_disabled', 'The demo is only available in demo mode (DEMO_MODE=true).');
    next();
  });

  router.get('/demo/trips', (_req, res) => {
    res.json({ trips: trips.list() } satisfies DemoTripList);
  });

  router.get('/demo/trips/:id', (req, res) => {
    const trip = trips.get(req.params.id);
    if (!trip) throw new HttpError(404, 'not_found', `There is no demo trip "${req.params.id}".`);
    res.json(trip);
  });

  // The file a trip's import step sends through the wallet: named by the step, never by a path.
  router.get('/demo/trips/:id/steps/:index/file', (req, res) => {
    const index = Number(req.params.index);
    const file = Number.isInteger(index) && index >= 0 ? trips.importFile(req.params.id, index) : null;
    if (!file) throw new HttpError(404, 'not_found', `Step ${req.params.index} of the demo trip "${req.params.id}" imports no file.`);
    res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
    res.type('application/octet-stream').send(file.bytes);
  });

  router.get('/demo/compare', requireTraveller(ctx), async (req, res) => {
    const query = parseQuery(DemoCompareQuery, req.query);
    const clock = await ctx.sessionClocks.forSession(currentSession(res).id);
    res.json(await compare(ctx, currentTraveller(res), clock, query));
  });

  // A place id holds a slash ("osm:node/123"): the route takes the rest of the path.
  router.get('/demo/graph/*placeId', requireTraveller(ctx), (req, res) => {
    const segments = (req.params as Record<string, string | string[]>).placeId;
    const placeId = Array.isArray(segments) ? segments.join('/') : (segments ?? '');
    const graph = graphAround(ctx.graph, currentTraveller(res), placeId);
    if (!graph) throw new HttpError(404, 'not_found', `There is no place ${placeId.slice(0, 200)}.`);
    res.json(graph);
  });

  return router;
}
