/** What every wallet route checks before it writes: the wallet consent. */
import { HttpError } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';

/** Without the wallet consent nothing is stored (403 `consent_required`). */
export function requireWalletConsent(traveller: Traveller): void {
  if (!traveller.consents.wallet) throw new HttpError(403, 'consent_required', 'Your wallet is off: turn on the wallet in My data to keep bookings in Escale. Nothing was stored.');
}
