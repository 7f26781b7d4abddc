/**
 * The forwarding address and the inbox over HTTP. The address is shown in the answer that makes it (the
 * first GET, or a rotation) and never again: only its hash is stored. Making or changing it, and keeping an
 * item, need the wallet consent (403 `consent_required`, nothing stored); reading and dismissing do not.
 */
import { Router, type Request } from 'express';
import { ForwardingSendersBody, ImportConfirmBody, type ForwardingBody, type InboxBody } from '@escale/shared';
import { currentTraveller, requireTraveller } from '../../auth/require-traveller.ts';
import type { AppContext } from '../../context.ts';
import { HttpError, idParam, parseBody } from '../../http/errors.ts';
import type { Traveller } from '../../travellers/model.ts';
import { markDuplicates } from '../import/save-drafts.ts';
import { requireWalletConsent } from '../access.ts';
import { addressOf, hashToken, newToken } from './address.ts';
import { confirmInboxItem, dismissInboxItem } from './inbox.ts';
import { forwardingOf, pendingItems, saveAllowedSenders, saveForwarding } from './queries.ts';

const itemIdOf = (req: Request) => idParam(req, 'No such message in your wallet inbox.');

export function forwardingRoutes(ctx: AppContext): Router {
  const router = Router();
  const enabled = ctx.config.smtp.port !== null;

  /** A new address for the traveller; `replace` rotates (the old one stops working), else only the first is made. */
  const makeAddress = async (traveller: Traveller, replace: boolean): Promise<string | null> => {
    requireWalletConsent(traveller);
    const token = newToken();
    const saved = await saveForwarding(ctx.db, traveller.id, hashToken(token), ctx.clock.now(), replace);
    return saved ? addressOf(token, ctx.config.smtp.domain) : null;
  };
  const answer = async (traveller: Traveller, address: string | null): Promise<ForwardingBody> => {
    const forwarding = await forwardingOf(ctx.db, traveller.id);
    return { address, active: forwarding !== null, enabled, allowedSenders: forwarding?.allowedSenders ?? [] };
  };

  router.get('/wallet/forwarding', requireTraveller(ctx), async (_req, res) => {
    const traveller = currentTraveller(res);
    const address = (await forwardingOf(ctx.db, traveller.id)) ? null : await makeAddress(traveller, false);
    res.json(await answer(traveller, address));
  });

  router.post('/wallet/forwarding/rotate', requireTraveller(ctx), async (_req, res) => {
    const traveller = currentTraveller(res);
    const address = await makeAddress(traveller, true);
    res.json(await answer(traveller, address));
  });

  router.put('/wallet/forwarding', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const { allowedSenders } = parseBody(ForwardingSendersBody, req.body);
    requireWalletConsent(traveller);
    if (!(await saveAllowedSenders(ctx.db, traveller.id, [...new Set(allowedSenders)])))
      throw new HttpError(404, 'not_found', 'You have no forwarding address yet: ask for it first (GET /api/wallet/forwarding).');
    res.json(await answer(traveller, null));
  });

  router.get('/wallet/inbox', requireTraveller(ctx), async (_req, res) => {
    const traveller = currentTraveller(res);
    const items = await pendingItems(ctx.db, traveller.id);
    // Duplicates marked against the wallet as it is now: a message forwarded twice shows its draft as kept.
    const marked = await Promise.all(items.map(async (item) => ({ ...item, preview: item.preview && (await markDuplicates(ctx.db, traveller.id, item.preview)) })));
    res.json({ items: marked } satisfies InboxBody);
  });

  router.post('/wallet/inbox/:id/confirm', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    const { drafts } = parseBody(ImportConfirmBody, req.body);
    requireWalletConsent(traveller);
    const result = await confirmInboxItem(ctx, traveller.id, itemIdOf(req), drafts);
    if (!result) throw new HttpError(404, 'not_found', 'No such message waiting in your wallet inbox.');
    res.status(result.created.length > 0 ? 201 : 200).json(result);
  });

  router.delete('/wallet/inbox/:id', requireTraveller(ctx), async (req, res) => {
    const traveller = currentTraveller(res);
    if (!(await dismissInboxItem(ctx, traveller.id, itemIdOf(req)))) throw new HttpError(404, 'not_found', 'No such message waiting in your wallet inbox.');
    res.status(204).end();
  });

  return router;
}
