/** GET /metrics (Prometheus text format) and the middleware that counts and times every HTTP request. */
import type { Request, RequestHandler, Router } from 'express';
import { Router as makeRouter } from 'express';
import { Metrics } from './metrics.ts';

/**
 * A route label with a bounded number of values: the route's pattern when one matched ("/api/places/:id"
 * style, never the id itself), else the static area it fell in.
 */
export function routeLabel(req: Pick<Request, 'originalUrl' | 'path'> & { route?: { path: unknown } }): string {
  // By the time the response has finished, Express has restored `baseUrl`: the mount point is read back
  // from the URL (the app mounts routers at /api and /basemap only).
  const mount = /^\/(api|basemap)(?=\/)/.exec(req.originalUrl)?.[0] ?? '';
  if (req.route) return `${mount}${String(req.route.path)}`;
  if (req.path.startsWith('/assets/')) return '/assets';
  if (req.path.startsWith('/basemap/')) return '/basemap';
  return 'other';
}

export function countRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    res.on('finish', () => {
      const route = routeLabel(req);
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, Metrics.since(start));
    });
    next();
  };
}

export function metricsRoutes(metrics: Metrics): Router {
  const router = makeRouter();
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
