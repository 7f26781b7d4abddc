/**
 * The traveller's consents over HTTP: read them with their history, and switch one on or off. Switching
 * off takes effect on the next message on every instance (travellers/consents.ts) and the signals of that
 * category stop being computed (docs/RANKING.md, "privacy by construction").
 */
import { Router } from 'express';
import { ConsentCategory, ConsentChange, type ConsentsBody } from '@escale/shared';
import { currentTraveller, requireTraveller } from '../auth/require-traveller.ts';
import type { AppContext } from '../context.ts';
import { HttpError, parseBody } from '../http/errors.ts';
import { consentHistory, consentsOf, setConsent } from '../travellers/consents.ts';

export function privacyRoutes(ctx: AppContext): Router {
  const router = Router();
  const body = async (travellerId: string): Promise<ConsentsBody> => ({ consents: await consentsOf(ctx.db, travellerId), history: await consentHistory(ctx.db, travellerId) });

  router.get('/consents', requireTraveller(ctx), async (_req, res) => {
    res.json(await body(currentTraveller(res).id));
  });

  router.put('/consents/:category', requireTraveller(ctx), async (req, res) => {
    const category = ConsentCategory.safeParse(req.params.category);
    if (!category.success) throw new HttpError(404, 'not_found', `No consent category ${JSON.stringify(req.params.category)}: they are location, history, profile and wallet.`);
    const { granted } = parseBody(ConsentChange, req.body);
    const traveller = currentTraveller(res);
    await setConsent(ctx, traveller.id, category.data, granted);
    res.json(await body(traveller.id));
  });
  return router;
}
