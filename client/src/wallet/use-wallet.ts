/**
 * The wallet a screen shows: the server's when it answers (kept on the phone for next time), the phone's
 * copy when it does not, with the changes still queued applied on top. Changes go through the outbox, sent
 * at once when online and when the network comes back.
 */
import type { WalletBody } from '@escale/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure } from '../api/api.ts';
import { loadWallet, queuedOps, saveWallet } from '../offline/local-db.ts';
import { drainOutbox, enqueue, type NewOp, type WalletChange } from '../offline/outbox.ts';
import type { OutboxOp } from '../offline/outbox-ops.ts';
import { getWallet } from './wallet-api.ts';

/** How soon a stalled drain is tried again while the browser says it is online. */
const DRAIN_RETRY_MS = 3_000;

export interface WalletView {
  wallet: WalletBody | null;
  /** Where the wallet shown comes from: the server just now, or the phone's copy (with when it was saved). */
  origin: { from: 'server' } | { from: 'device'; savedAt: string } | null;
  ops: OutboxOp[];
  /** Why nothing can be shown (offline with no copy, or the server failed). */
  failure: ApiFailure | null;
}

/** Fetches the wallet and keeps a copy on the phone; offline, answers the copy. */
export async function fetchWallet(travellerId: string): Promise<Pick<WalletView, 'wallet' | 'origin' | 'failure'>> {
  try {
    const wallet = await getWallet();
    await saveWallet(travellerId, wallet).catch((error: unknown) => console.warn('The wallet could not be kept on this device:', error));
    return { wallet, origin: { from: 'server' }, failure: null };
  } catch (error) {
    const failure = error instanceof ApiFailure ? error : new ApiFailure('network', String(error), 0);
    const copy = failure.code === 'network' || failure.status >= 500 ? await loadWallet(travellerId).catch(() => null) : null;
    return copy ? { wallet: copy.wallet, origin: { from: 'device', savedAt: copy.savedAt }, failure: null } : { wallet: null, origin: null, failure };
  }
}

export function useWallet(travellerId: string) {
  const [view, setView] = useState<WalletView>({ wallet: null, origin: null, ops: [], failure: null });

  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = useCallback(async (): Promise<void> => {
    const drained = await drainOutbox(travellerId).catch((error: unknown) => (console.warn('Queued changes could not be sent:', error), null));
    // The network came back while a drain begun offline was still failing (the "online" event then joins that
    // drain and gets its stall): try again shortly rather than wait for the next event, which may never come.
    if (drained?.stalled && navigator.onLine && retry.current === null) retry.current = setTimeout(() => ((retry.current = null), void reload()), DRAIN_RETRY_MS);
    const [fetched, ops] = await Promise.all([fetchWallet(travellerId), queuedOps(travellerId).catch(() => [])]);
    setView({ ...fetched, ops });
  }, [travellerId]);

  useEffect(() => {
    void reload();
    // Back online: what was queued goes out, and the server's wallet replaces the copy.
    const onOnline = () => void reload();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      if (retry.current !== null) clearTimeout(retry.current);
      retry.current = null;
    };
  }, [reload]);

  const change = useCallback(
    async (op: WalletChange) => {
      await enqueue({ ...op, travellerId } as NewOp);
      await reload();
    },
    [reload, travellerId],
  );

  return { ...view, reload, change };
}
