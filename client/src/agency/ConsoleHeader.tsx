/** The console's top bar: its name and the agency's, its screens, the language, who is signed in, and signing out (here or everywhere). */
import type { StaffSessionInfo } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { LanguageSwitch } from '../header/LanguageSwitch.tsx';
import { AGENCY_PATHS } from './paths.ts';
import { signOutEverywhere, signOutStaff } from './agency-api.ts';

export function ConsoleHeader({ session, onSignedOut }: { session: StaffSessionInfo | null; onSignedOut(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const leave = (everywhere: boolean) => {
    // Forget locally even if the server is unreachable: the person asked to leave.
    void (everywhere ? signOutEverywhere() : signOutStaff())
      .catch((e: unknown) => console.warn('Sign-out request failed:', e))
      .finally(() => {
        onSignedOut();
        void navigate(AGENCY_PATHS.home);
      });
  };
  return (
    <header className="app-header console-header">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true" />
        {t('agency.brand')}
        {session && <span className="console-agency">{session.agency.name}</span>}
      </p>
      {session && (
        <nav className="screen-nav" aria-label={t('agency.nav')}>
          <NavLink to={AGENCY_PATHS.home} end className="screen-nav-link">
            {t('agency.overview')}
          </NavLink>
          <NavLink to={AGENCY_PATHS.catalogue} className="screen-nav-link">
            {t('agency.catalogue')}
          </NavLink>
          <NavLink to={AGENCY_PATHS.preview} className="screen-nav-link">
            {t('agency.preview')}
          </NavLink>
          <NavLink to={AGENCY_PATHS.ranking} className="screen-nav-link">
            {t('agency.ranking')}
          </NavLink>
          {/* Every role reads the clients' notes; editors and admins also write them and invite. */}
          <NavLink to={AGENCY_PATHS.clients} className="screen-nav-link">
            {t('agency.clients')}
          </NavLink>
          {/* Every role reads the insights: counts of at least 5 travellers, never a traveller. */}
          <NavLink to={AGENCY_PATHS.insights} className="screen-nav-link">
            {t('agency.insights')}
          </NavLink>
          {session.staff.role === 'admin' && (
            <NavLink to={AGENCY_PATHS.staff} className="screen-nav-link">
              {t('agency.staff')}
            </NavLink>
          )}
        </nav>
      )}
      <div className="header-tools">
        <LanguageSwitch />
        {session && (
          <>
            <span className="console-me">
              {session.staff.name} · {t(`agency.roles.${session.staff.role}`)}
            </span>
            <button type="button" className="button button-quiet" onClick={() => leave(false)}>
              {t('header.signOut')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => leave(true)}>
              {t('agency.signOutEverywhere')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
