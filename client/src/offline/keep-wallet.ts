/**
 * Keeps the traveller's wallet on the phone without them opening it: shortly after the app connects (the
 * first suggestions come first), the changes queued offline are sent and the wallet is fetched and saved.
 */
import { fetchWallet } from '../wallet/use-wallet.ts';
import { drainOutbox } from './outbox.ts';

/** After the first suggestions, not competing with them. */
const DELAY_MS = 1_500;

/** Starts it; the returned function cancels it if it has not run yet. */
export function keepWalletOnDevice(travellerId: string): () => void {
  const timer = setTimeout(() => {
    void drainOutbox(travellerId)
      .then(() => fetchWallet(travellerId))
      .catch((error: unknown) => console.warn('The wallet could not be kept on this device:', error));
  }, DELAY_MS);
  return () => clearTimeout(timer);
}
