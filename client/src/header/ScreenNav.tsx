/** The signed-in traveller's screens: the ideas, the wallet and My data (a bar at the bottom on phones, in the header on wider screens). */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { PATHS } from '../app/paths.ts';

export function ScreenNav({ inboxCount }: { inboxCount: number }) {
  const { t } = useTranslation();
  return (
    <nav className="screen-nav" aria-label={t('nav.label')}>
      <NavLink to={PATHS.ideas} end className="screen-nav-link">
        <span className="screen-nav-icon" aria-hidden="true">
          ✦
        </span>
        {t('nav.ideas')}
      </NavLink>
      <NavLink to={PATHS.wallet} className="screen-nav-link">
        <span className="screen-nav-icon" aria-hidden="true">
          ▤
        </span>
        {t('nav.wallet')}
        {inboxCount > 0 && (
          <span className="nav-count" aria-label={t('nav.inbox', { count: inboxCount })}>
            {inboxCount}
          </span>
        )}
      </NavLink>
      <NavLink to={PATHS.myData} className="screen-nav-link">
        <span className="screen-nav-icon" aria-hidden="true">
          ◐
        </span>
        {t('nav.myData')}
      </NavLink>
    </nav>
  );
}
