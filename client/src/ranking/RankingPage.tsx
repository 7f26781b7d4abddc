/**
 * "How suggestions are ranked": the main parameters of the recommender in plain words (DSA Art. 27), public,
 * no sign-in. Every figure and rule comes from `GET /api/ranking`, generated from what the ranker runs, and
 * is said by the shared templates in the reader's language: the page cannot say one thing while the code
 * does another.
 */
import { RankingExplained, renderEvidence } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../api/api.ts';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';

export function RankingPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [explained, setExplained] = useState<RankingExplained | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    request('/api/ranking', RankingExplained).then(setExplained, () => setFailed(true));
  }, []);
  const percent = (x: number) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(x);

  return (
    <article className="page ranking-page">
      <h1>{t('ranking.title')}</h1>
      <p className="lead">{t('ranking.lead')}</p>
      {failed && (
        <p className="notice-error" role="alert">
          {t('ranking.failed')}
        </p>
      )}
      {explained && (
        <>
          <section className="mydata-section" aria-labelledby="ranking-signals">
            <h2 id="ranking-signals">{t('ranking.signals')}</h2>
            <p>{t('ranking.formula')}</p>
            <ul className="explained-signals">
              {explained.signals.map((s) => (
                <li key={s.id} className="explained-signal">
                  <div className="contribution-head">
                    <h3 className="signal-name">{t(`signal.${s.id}`)}</h3>
                    <span className="contribution-share">{t('ranking.weight', { weight: s.weight, share: percent(s.maxShare) })}</span>
                  </div>
                  <div className="bar" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${Math.round(s.maxShare * 100)}%` }} />
                  </div>
                  <p>{renderEvidence(s.description, locale)}</p>
                  <p className="muted">
                    {t('ranking.reads', { what: renderEvidence(s.reads, locale) })} {s.consent ? t('ranking.consent', { category: t(`consent.${s.consent}`) }) : t('ranking.alwaysOn')}
                  </p>
                </li>
              ))}
            </ul>
          </section>
          <section className="mydata-section" aria-labelledby="ranking-rules">
            <h2 id="ranking-rules">{t('ranking.rules')}</h2>
            <p>{t('ranking.rulesLead')}</p>
            <ul>
              {explained.hardRules.map((r) => (
                <li key={r.key}>{renderEvidence(r, locale)}</li>
              ))}
            </ul>
          </section>
          <section className="mydata-section" aria-labelledby="ranking-promotions">
            <h2 id="ranking-promotions">{t('ranking.promotions')}</h2>
            <p>{renderEvidence(explained.promotions, locale)}</p>
          </section>
          <section className="mydata-section" aria-labelledby="ranking-control">
            <h2 id="ranking-control">{t('ranking.control')}</h2>
            <ul>
              <li>{t('ranking.controlOff')}</li>
              <li>{t('ranking.controlNonProfiled')}</li>
              <li>{t('ranking.controlFewer', { percent: percent(1 - explained.fewerLikeFactor) })}</li>
              <li>{t('ranking.controlRetention', { hours: explained.retention.positionHours })}</li>
            </ul>
            <p>{signedIn ? <Link to={PATHS.myData}>{t('ranking.openMyData')}</Link> : <Link to={PATHS.ideas}>{t('ranking.signIn')}</Link>}</p>
          </section>
        </>
      )}
    </article>
  );
}
