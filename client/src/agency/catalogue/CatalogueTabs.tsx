/** The catalogue's four tables: places, events, offers and promotions, each a screen of its own. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AGENCY_PATHS } from '../paths.ts';

const TABS = [
  ['places', AGENCY_PATHS.catalogue],
  ['events', AGENCY_PATHS.events],
  ['offers', AGENCY_PATHS.offers],
  ['promotions', AGENCY_PATHS.promotions],
] as const;

export function CatalogueTabs() {
  const { t } = useTranslation();
  return (
    <nav className="catalogue-tabs" aria-label={t('items.tabs')}>
      {TABS.map(([kind, path]) => (
        <NavLink key={kind} to={path} end className="catalogue-tab">
          {t(`items.tab.${kind}`)}
        </NavLink>
      ))}
    </nav>
  );
}
