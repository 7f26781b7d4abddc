/**
 * The agency console (`/agency/...`): a screen of its own behind its own sign-in, apart from the traveller
 * app (another cookie, another session). Signed out, it shows the sign-in and the password pages; signed
 * in, the console's screens, the Staff one for admins only (the server decides anyway).
 */
import { CATALOGUE_ITEM_KINDS, roleAllows, type StaffSessionInfo } from '@escale/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleHeader } from './ConsoleHeader.tsx';
import { ForgotPassword } from '../signin/ForgotPassword.tsx';
import { SetPassword } from '../signin/SetPassword.tsx';
import { CatalogueScreen } from './catalogue/CatalogueScreen.tsx';
import { ItemsScreen } from './catalogue/items/ItemsScreen.tsx';
import { ClientsScreen } from './clients/ClientsScreen.tsx';
import { InsightsScreen } from './insights/InsightsScreen.tsx';
import { OverviewScreen } from './OverviewScreen.tsx';
import { PreviewScreen } from './PreviewScreen.tsx';
import { RankingScreen } from './RankingScreen.tsx';
import { AGENCY_PATHS } from './paths.ts';
import { SignInScreen } from './SignInScreen.tsx';
import { StaffScreen } from './StaffScreen.tsx';
import { askPasswordReset, getStaffSession, setPassword } from './agency-api.ts';

/** The console is mounted at /agency/*: its routes are written relative to it. */
const relative = (path: string) => path.slice(AGENCY_PATHS.home.length + 1);

export function AgencyApp() {
  const { t } = useTranslation();
  const [session, setSession] = useState<StaffSessionInfo | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    setFailed(false);
    getStaffSession().then(setSession, () => setFailed(true));
  }, []);
  useEffect(load, [load]);

  let content;
  if (failed) {
    content = (
      <div className="boot-message">
        <p role="alert">{t('app.bootFailed')}</p>
        <button type="button" className="button button-primary" onClick={load}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (session === undefined) {
    content = <p className="boot-message">{t('app.loading')}</p>;
  } else {
    content = (
      <Routes>
        <Route path={relative(AGENCY_PATHS.setPassword)} element={<SetPassword save={setPassword} signInPath={AGENCY_PATHS.home} />} />
        <Route path={relative(AGENCY_PATHS.forgotPassword)} element={<ForgotPassword ask={askPasswordReset} signInPath={AGENCY_PATHS.home} />} />
        {session === null ? (
          <Route path="*" element={<SignInScreen onSignedIn={setSession} />} />
        ) : (
          <>
            <Route index element={<OverviewScreen />} />
            <Route path={relative(AGENCY_PATHS.catalogue)} element={<CatalogueScreen canEdit={roleAllows(session.staff.role, 'editor')} />} />
            {CATALOGUE_ITEM_KINDS.map((kind) => (
              <Route key={kind} path={relative(AGENCY_PATHS[kind])} element={<ItemsScreen key={kind} kind={kind} canEdit={roleAllows(session.staff.role, 'editor')} />} />
            ))}
            <Route path={relative(AGENCY_PATHS.preview)} element={<PreviewScreen />} />
            <Route path={relative(AGENCY_PATHS.ranking)} element={<RankingScreen canEdit={session.staff.role === 'admin'} />} />
            <Route path={relative(AGENCY_PATHS.clients)} element={<ClientsScreen canEdit={roleAllows(session.staff.role, 'editor')} />} />
            <Route path={relative(AGENCY_PATHS.insights)} element={<InsightsScreen />} />
            {session.staff.role === 'admin' && <Route path={relative(AGENCY_PATHS.staff)} element={<StaffScreen me={session.staff.id} />} />}
            <Route path="*" element={<Navigate to={AGENCY_PATHS.home} replace />} />
          </>
        )}
      </Routes>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <ConsoleHeader session={session ?? null} onSignedOut={() => setSession(null)} />
      <main id="main" tabIndex={-1} className="main main-page console">
        {content}
      </main>
    </>
  );
}
