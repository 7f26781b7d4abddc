/** The console's first screen: the agency, and what its catalogue and accounts hold, as counts (no personal data). */
import type { AgencyOverview } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useLocale } from '../i18n/use-locale.ts';
import { failureText } from '../profile/failure-text.ts';
import { getOverview } from './agency-api.ts';

const COUNTS = ['places', 'events', 'offers', 'staff', 'travellers'] as const;

export function OverviewScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [overview, setOverview] = useState<AgencyOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void getOverview().then(setOverview, (e: unknown) => setError(failureText(e, t))), [t]);
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="page console-page">
      <h1>{overview ? overview.agency.name : t('agency.overview')}</h1>
      <ErrorNotice error={error} />
      {overview && (
        <section className="mydata-section" aria-labelledby="overview-counts">
          <h2 id="overview-counts">{t('agency.holds')}</h2>
          <dl className="console-counts">
            {COUNTS.map((key) => (
              <div key={key}>
                <dt>{t(`agency.counts.${key}`)}</dt>
                <dd>{number.format(overview.counts[key])}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">{t('agency.countsNote')}</p>
        </section>
      )}
    </div>
  );
}
