/** The traveller's push settings: read them, change any of them (GET/PUT /api/push-settings). */
import { Router } from 'express';
import { applyPushSettingsPatch, PushSettingsPatch, type PushSettings } from '@escale/shared';
import { currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { parseBody } from '../http/errors.ts';
import { loadPushSettings, savePushSettings } from './settings.ts';

export function pushRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/push-settings', requireTraveller(ctx), async (_req, res) => {
    const body: PushSettings = await loadPushSettings(ctx.db, currentTraveller(res).id);
    res.json(body);
  });

  router.put('/push-settings', requireTraveller(ctx), async (req, res) => {
    const patch = parseBody(PushSettingsPatch, req.body);
    const traveller = currentTraveller(res);
    const next = applyPushSettingsPatch(await loadPushSettings(ctx.db, traveller.id), patch);
    // The live channel reads settings from memory: every instance's push cache forgets the traveller when
    // it applies the change, and takes the new ones on the next message or tick.
    await ctx.changes.record(
      (trx) => savePushSettings(trx, traveller.id, next),
      () => [{ type: 'traveller_changed', travellerId: traveller.id }],
    );
    res.json(next satisfies PushSettings);
  });

  return router;
}
