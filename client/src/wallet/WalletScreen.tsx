/**
 * The wallet screen: the timeline of trips and days, a booking's page with its code, the form to add or
 * change one, and the import. It reads the wallet once for all its pages (from the server, or the phone's
 * copy offline) and applies the changes still queued on top.
 */
import type { ClientConfig, SessionInfo } from '@escale/shared';
import { useMemo } from 'react';
import { Route, Routes } from 'react-router';
import { troubled, withQueued } from '../offline/outbox-ops.ts';
import { ChangesToSettle } from './ChangesToSettle.tsx';
import { WalletStatus } from './WalletStatus.tsx';
import { BookingPage } from './BookingPage.tsx';
import { BookingFormPage } from './BookingFormPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { TimelinePage } from './TimelinePage.tsx';
import { useWallet } from './use-wallet.ts';

interface Props {
  session: SessionInfo;
  config: ClientConfig;
  /** Forwarded e-mails waiting, as the server last announced: the import page reloads its inbox on a change. */
  inboxCount: number;
}

export function WalletScreen({ session, config, inboxCount }: Props) {
  const state = useWallet(session.traveller.id);
  const shown = useMemo(() => (state.wallet ? withQueued(state.wallet, state.ops) : null), [state.wallet, state.ops]);
  const page = { state, wallet: shown?.wallet ?? null, queued: shown?.queued ?? new Set<string>(), consent: session.consents.wallet, config, inboxCount };
  return (
    <div className="wallet">
      {/* On every wallet page: where the wallet comes from, what waits to be sent, what needs a decision. */}
      <WalletStatus state={state} />
      <ChangesToSettle ops={troubled(state.ops)} onSettled={() => void state.reload()} />
      <Routes>
        <Route index element={<TimelinePage {...page} />} />
        <Route path="bookings/:id" element={<BookingPage {...page} />} />
        <Route path="bookings/:id/edit" element={<BookingFormPage {...page} />} />
        <Route path="new" element={<BookingFormPage {...page} />} />
        <Route path="import" element={<ImportPage {...page} />} />
      </Routes>
    </div>
  );
}

/** What every wallet page gets: the wallet as shown, its state, the wallet consent and the app's config. */
export type WalletPageProps = {
  state: ReturnType<typeof useWallet>;
  wallet: ReturnType<typeof withQueued>['wallet'] | null;
  queued: Set<string>;
  consent: boolean;
  config: ClientConfig;
  inboxCount: number;
};
