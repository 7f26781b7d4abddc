/** What every wallet route checks before it writes: the wallet consent, and an id in the path that can be one. */
import type { Request } from 'express';
import { HttpError } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';

/** Without the wallet consent nothing is stored (403 `consent_required`). */
export function requireWalletConsent(traveller: Traveller): void {
  if (!traveller.consents.wallet) throw new HttpError(403, 'consent_required', 'Your wallet is off: turn on the wallet in My data to keep bookings in Escale. Nothing was stored.');
}

/** The path's `:id`; an id no row can have answers as an unknown one would (404 with `notFound`). */
export function pathId(req: Request, notFound: string): string {
  const id = req.params.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new HttpError(404, 'not_found', notFound);
  return id;
}
