/**
 * GET /api/health: liveness plus the size of what is loaded, for operators and the start-up check. 503 and
 * `degraded` while the store is failing (store/store-health.ts), so a monitor or a load balancer sees it.
 */
import { Router } from 'express';
import type { HealthResponse } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { Hub } from '../realtime/hub.ts';

export const VERSION = '0.1.0';

export function healthRoutes(ctx: AppContext, hub: Hub): Router {
  const router = Router();
  const started = Date.now();
  router.get('/health', async (_req, res) => {
    const counts = ctx.graph.counts();
    // Reading the log's head is also the store's liveness check: a database that went away shows here.
    const changes = await ctx.changes.status().catch((err: unknown) => {
      ctx.storeHealth.record(err);
      return null;
    });
    const degraded = ctx.storeHealth.degraded || changes === null;
    const body: HealthResponse = {
      status: degraded ? 'degraded' : 'ok',
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      catalogue: { places: counts.nodes.place ?? 0, events: counts.nodes.event ?? 0, offers: counts.nodes.offer ?? 0 },
      graph: counts,
      connections: hub.connectionCount,
      realtime: { errors: { ...hub.stats.errors }, slowConsumers: hub.stats.slowConsumers },
      store: ctx.storeHealth.report(),
      bus: ctx.relay.state(),
      changes,
      graphDigest: ctx.graph.digest(),
    };
    res.status(degraded ? 503 : 200).json(body);
  });
  return router;
}
