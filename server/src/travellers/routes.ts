/** The demo travellers a visitor can pick from while demo mode is on. */
import { Router } from 'express';
import type { PersonaSummary } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';

export function travellerRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/personas', (_req, res) => {
    if (!ctx.config.demoMode) throw new HttpError(403, 'demo_disabled', 'Demo travellers are only listed in demo mode.');
    const personas: PersonaSummary[] = [...ctx.personas.values()].map((p) => ({ id: p.id, name: p.localName ?? { en: p.name, fr: p.name }, summary: p.summary }));
    res.json({ personas });
  });
  return router;
}
