/**
 * What a signed-in traveller sees: the live connection (owned here, so moving between screens keeps it and
 * the notifications it brings) and the screens behind the router: the ideas, the wallet and a booking.
 * Screens other than the ideas load on demand, so the first suggestion is not delayed by them.
 */
import { type ClientConfig, type ServerMessage } from '@escale/shared';
import { type Dispatch, lazy, type ReactNode, Suspense, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { getSession } from '../api/api.ts';
import { forgetBootCopy } from '../offline/boot-copy.ts';
import { keepWalletOnDevice } from '../offline/keep-wallet.ts';
import type { ConnectionStatus } from '../socket/socket.ts';
import { useLiveSocket } from '../socket/use-live-socket.ts';
import { TravellerScreen } from '../traveller/TravellerScreen.tsx';
import { type Action, type AppState, actionForServerMessage } from './store.ts';
import { PATHS } from './paths.ts';
import { configForCity } from './city.ts';

const WalletScreen = lazy(() => import('../wallet/WalletScreen.tsx').then((m) => ({ default: m.WalletScreen })));
/** Public too (App.tsx shows it before sign-in). */
export const RankingPage = lazy(() => import('../ranking/RankingPage.tsx').then((m) => ({ default: m.RankingPage })));
const OnboardingScreen = lazy(() => import('../profile/OnboardingScreen.tsx').then((m) => ({ default: m.OnboardingScreen })));
const ProfileScreen = lazy(() => import('../profile/ProfileScreen.tsx').then((m) => ({ default: m.ProfileScreen })));
const MyDataScreen = lazy(() => import('../mydata/MyDataScreen.tsx').then((m) => ({ default: m.MyDataScreen })));
const LazyDemoScreen = lazy(() => import('../demo/DemoScreen.tsx').then((m) => ({ default: m.DemoScreen })));

interface Props {
  state: AppState;
  config: ClientConfig;
  dispatch: Dispatch<Action>;
  focusIdeas: boolean;
}

export function SignedIn({ state, config, dispatch, focusIdeas }: Props) {
  const { t } = useTranslation();
  const checkingSession = useRef(false);
  const socket = useLiveSocket({
    onMessage(message: ServerMessage) {
      const action = actionForServerMessage(message);
      if (action) dispatch(action);
    },
    onStatus(status: ConnectionStatus) {
      dispatch({ type: 'connectionChanged', status });
      if (status === 'ended') {
        forgetBootCopy(); // an offline reload must not show a session the server ended
        return dispatch({ type: 'sessionEnded' }); // sign in again
      }
      // A socket that keeps dropping may mean the session expired: ask once per outage, sign out if so.
      if (status !== 'reconnecting' || checkingSession.current) return;
      checkingSession.current = true;
      getSession()
        .then((session) => {
          if (session !== null) return;
          forgetBootCopy();
          dispatch({ type: 'sessionEnded' });
        })
        .catch(() => undefined) // server unreachable: keep retrying the socket
        .finally(() => (checkingSession.current = false));
    },
  });
  const session = state.session!;
  // The city the traveller is in (the latest feed says; until then, the one they were last in).
  const here = useMemo(() => configForCity(config, state.feed?.cityId ?? session.traveller.cityId), [config, state.feed?.cityId, session.traveller.cityId]);
  const walletConsent = session.consents.wallet;
  const online = state.connection === 'connected';
  // The wallet is kept on the phone from the first visit, so it opens offline even if it was never looked at.
  useEffect(() => {
    if (!walletConsent || !online) return;
    return keepWalletOnDevice(session.traveller.id);
  }, [walletConsent, online, session.traveller.id]);

  // Screens other than the ideas arrive on demand: "Loading…" until their code has.
  const lazily = (screen: ReactNode) => <Suspense fallback={<p className="boot-message">{t('app.loading')}</p>}>{screen}</Suspense>;

  return (
    <Routes>
      <Route path={PATHS.ideas} element={<TravellerScreen state={state} config={here} dispatch={dispatch} socket={socket} focusIdeas={focusIdeas} />} />
      {config.demoMode && <Route path={PATHS.demo} element={lazily(<LazyDemoScreen state={state} config={here} dispatch={dispatch} socket={socket} />)} />}
      <Route path={`${PATHS.wallet}/*`} element={lazily(<WalletScreen session={session} config={here} inboxCount={state.inboxCount} />)} />
      <Route
        path={PATHS.myData}
        element={lazily(<MyDataScreen session={session} onConsentsChanged={(consents) => dispatch({ type: 'consentsChanged', consents })} onErased={() => dispatch({ type: 'signedOut' })} />)}
      />
      <Route
        path={PATHS.welcome}
        element={lazily(<OnboardingScreen session={session} onConsentsChanged={(consents) => dispatch({ type: 'consentsChanged', consents })} onOnboarded={() => dispatch({ type: 'onboarded' })} />)}
      />
      <Route path={PATHS.profile} element={lazily(<ProfileScreen session={session} onConsentsChanged={(consents) => dispatch({ type: 'consentsChanged', consents })} />)} />
      <Route path={PATHS.howRanked} element={lazily(<RankingPage signedIn />)} />
      <Route path="*" element={<Navigate to={PATHS.ideas} replace />} />
    </Routes>
  );
}
