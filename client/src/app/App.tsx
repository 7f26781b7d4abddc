/** The whole app: boots from the server (config + session), then shows sign-in or the traveller screen. */
import type { SessionInfo } from '@escale/shared';
import { lazy, Suspense, useCallback, useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ApiFailure, getConfig, getSession, signOut, takeBootData } from '../api/api.ts';
import { Header } from '../header/Header.tsx';
import { adoptTravellerLocale } from '../i18n/i18n.ts';
import { prefetchMap, supportsWebGL } from '../map/load-map.ts';
import { forgetTraveller } from '../offline/local-db.ts';
import { bootCopy, forgetBootCopy, keepBootCopy } from '../offline/boot-copy.ts';
import { AccountSignIn } from '../signin/AccountSignIn.tsx';
import { askAccountReset, setAccountPassword } from '../signin/account-api.ts';
import { ForgotPassword } from '../signin/ForgotPassword.tsx';
import { JoinScreen } from '../signin/JoinScreen.tsx';
import { SetPassword } from '../signin/SetPassword.tsx';
import { PersonaPicker } from '../signin/PersonaPicker.tsx';
import { PATHS } from './paths.ts';
import { RankingPage, SignedIn } from './SignedIn.tsx';
import { appReducer, initialState } from './store.ts';

const LazyDemoStart = lazy(() => import('../demo/DemoScreen.tsx').then((m) => ({ default: m.DemoStart })));

export function App() {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(appReducer, initialState);
  // The ideas screen is a full-height map and list; the other screens scroll like pages.
  const { pathname } = useLocation();
  const onIdeas = pathname === PATHS.ideas;
  const onDemo = pathname === PATHS.demo && state.config?.demoMode === true;
  const mapLayout = state.session && onIdeas;
  // Signing in replaces the button that had focus: the traveller screen then takes it (to the ideas).
  const justSignedIn = useRef(false);

  const boot = useCallback(() => {
    const served = takeBootData();
    (served ? Promise.resolve([served.config, served.session] as const) : Promise.all([getConfig(), getSession()])).then(
      ([config, session]) => {
        keepBootCopy({ config, session });
        dispatch({ type: 'booted', config, session });
        // While a visitor picks a persona, the map library downloads; a returning traveller's screen mounts
        // the map at once, and fetching it earlier would only compete with the first card for the CPU.
        if (session === null && supportsWebGL()) prefetchMap(config);
      },
      (error: unknown) => {
        // No network: the app opens as it last was (the wallet is on the phone); the socket reconnects later.
        const copy = error instanceof ApiFailure && error.code === 'network' ? bootCopy() : null;
        if (copy) return dispatch({ type: 'booted', config: copy.config, session: copy.session });
        console.error('Boot failed:', error);
        dispatch({ type: 'bootFailed' });
      },
    );
  }, []);
  useEffect(boot, [boot]);

  // Signed in: a browser language we do not speak gives way to the traveller's own.
  const travellerLocale = state.session?.traveller.locale;
  useEffect(() => {
    if (travellerLocale) adoptTravellerLocale(travellerLocale);
  }, [travellerLocale]);

  async function handleSignOut() {
    // Forget locally even if the server is unreachable: the user asked to leave.
    dispatch({ type: 'signOutStarted' });
    const travellerId = state.session?.traveller.id;
    await signOut().catch((error: unknown) => console.warn('Sign-out request failed:', error));
    // A shared phone keeps nothing of the traveller who left: their session, wallet copy and unsent changes.
    forgetBootCopy();
    if (travellerId) await forgetTraveller(travellerId).catch((error: unknown) => console.warn('The local copy could not be erased:', error));
    dispatch({ type: 'signedOut' });
  }

  let content;
  if (state.bootFailed) {
    content = (
      <div className="boot-message">
        <p role="alert">{t('app.bootFailed')}</p>
        <button type="button" className="button button-primary" onClick={boot}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (pathname === PATHS.howRanked && !state.session) {
    // Public: read before signing in (a signed-in traveller reads it among their screens, connection kept).
    content = (
      <Suspense fallback={<p className="boot-message">{t('app.loading')}</p>}>
        <RankingPage signedIn={false} />
      </Suspense>
    );
  } else if (!state.config || state.session === undefined) {
    content = <p className="boot-message">{t('app.loading')}</p>;
  } else if (state.session === null && onDemo) {
    content = (
      <Suspense fallback={<p className="boot-message">{t('app.loading')}</p>}>
        <LazyDemoStart dispatch={dispatch} />
      </Suspense>
    );
  } else if (state.session === null) {
    const onSignedIn = (session: SessionInfo) => {
      justSignedIn.current = true;
      if (state.config) keepBootCopy({ config: state.config, session });
      dispatch({ type: 'signedIn', session });
    };
    content =
      pathname === PATHS.join ? (
        <JoinScreen onSignedIn={onSignedIn} />
      ) : pathname === PATHS.forgotPassword ? (
        <ForgotPassword ask={askAccountReset} signInPath={PATHS.ideas} />
      ) : pathname === PATHS.resetPassword ? (
        <SetPassword save={setAccountPassword} signInPath={PATHS.ideas} />
      ) : (
        <>
          {/* The demo's travellers only while demo mode is on; one's own account always. */}
          {state.config.demoMode && <PersonaPicker sessionEnded={state.sessionEnded} onSignedIn={onSignedIn} />}
          <AccountSignIn main={!state.config.demoMode} onSignedIn={onSignedIn} />
        </>
      );
  } else {
    // Keyed by traveller so switching persona starts a fresh connection and map.
    content = <SignedIn key={state.session.traveller.id} state={state} config={state.config} dispatch={dispatch} focusIdeas={justSignedIn.current} />;
  }

  return (
    <>
      {/* Past the header (and, signed in, past the map and its controls) to what matters. */}
      <a className="skip-link" href={mapLayout ? '#ideas' : '#main'}>
        {mapLayout ? t('app.skipToIdeas') : t('app.skipToContent')}
      </a>
      <Header session={state.session} inboxCount={state.inboxCount} connection={state.connection} onSignOut={handleSignOut} />
      <main id="main" tabIndex={-1} className={onDemo && state.session ? 'main main-demo' : mapLayout ? 'main main-traveller' : state.session ? 'main main-page' : 'main'}>
        {content}
      </main>
    </>
  );
}
