/**
 * The agency's insights: how many of its travellers were shown, liked, dismissed and booked suggestions,
 * over a period, by category, place or the signal that drove them. Figures only, never a traveller: one
 * built from fewer than 5 travellers says so instead of a number, and the server leaves it out of every
 * total. A chart per action, the same figures as a table, and a table of the groups, each of which can be
 * followed over time.
 */
import { type AgencyInsights, INSIGHT_ACTIONS, INSIGHT_LIMITS, type InsightFigure } from '@escale/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { failureText } from '../../profile/failure-text.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { GroupsTable } from './GroupsTable.tsx';
import { InsightChart } from './InsightChart.tsx';
import { InsightsControls } from './InsightsControls.tsx';
import { getInsights, type InsightsRequest } from './insights-api.ts';
import { bucketLabel, chartSummary, groupLabel, rangeLabel, tickLabel, travellersText } from './insight-text.ts';

export function InsightsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [query, setQuery] = useState<InsightsRequest>({ by: 'category', bucket: 'day' });
  const [insights, setInsights] = useState<AgencyInsights | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    (q: InsightsRequest) => {
      setLoading(true);
      getInsights(q).then(
        (answer) => {
          setInsights(answer);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          setError(failureText(e, t));
          setLoading(false);
        },
      );
    },
    [t],
  );
  useEffect(() => load(query), [load, query]);

  const change = (next: Partial<InsightsRequest>) => setQuery((q) => ({ ...q, ...next }));
  const min = insights?.minTravellers ?? INSIGHT_LIMITS.minTravellers;
  const nothing = insights !== null && INSIGHT_ACTIONS.every((a) => insights.totals[a].hidden) && insights.groups.length === 0;
  const names = insights ? insights.buckets.map((b) => bucketLabel(b, insights.bucket, locale, t)) : [];
  const groupName = insights?.group ? groupLabel(insights.by, insights.group.key, insights.group.label, locale, t) : null;
  const describe = (name: string, f: InsightFigure) => `${name}: ${travellersText(f, min, locale, t)}`;

  return (
    <div className="page console-page insights-page">
      <h1>{t('agency.insights')}</h1>
      <p className="lead">{t('insights.lead', { min })}</p>
      <InsightsControls query={query} answered={insights} onChange={change} />
      <ErrorNotice error={error} />
      <p role="status" className="muted insights-status">
        {loading ? t('app.loading') : ''}
      </p>
      {insights && nothing && (
        <section className="mydata-section insights-empty" aria-labelledby="insights-empty">
          <h2 id="insights-empty">{t('insights.emptyTitle')}</h2>
          <p>{t('insights.empty', { min })}</p>
        </section>
      )}
      {insights && !nothing && (
        <>
          <section className="mydata-section" aria-labelledby="insights-over-time">
            <div className="insights-section-head">
              <h2 id="insights-over-time">{groupName ? t('insights.overTimeOf', { name: groupName }) : t('insights.overTimeAll')}</h2>
              {groupName && (
                <button type="button" className="button button-quiet" onClick={() => change({ group: undefined })}>
                  {t('insights.showAll')}
                </button>
              )}
            </div>
            <p className="muted">{t(`insights.period.${insights.bucket}`, { range: rangeLabel(insights.from, insights.to, locale) })}</p>
            <div className="insight-charts">
              {INSIGHT_ACTIONS.map((action) => (
                <InsightChart
                  key={action}
                  action={action}
                  title={t(`insights.chart.${action}`)}
                  summary={chartSummary({ figures: insights.series[action], names, total: insights.totals[action], minTravellers: min, locale, t })}
                  figures={insights.series[action]}
                  ticks={insights.buckets.map((b) => tickLabel(b, locale))}
                  names={names}
                  describe={describe}
                  minTravellers={min}
                />
              ))}
            </div>
            <p className="insights-legend">
              <span className="insights-legend-swatch" aria-hidden="true" />
              {t('insights.legendHidden', { min })}
            </p>
            <p className="muted">{t('insights.totalsNote')}</p>
            <FiguresTable insights={insights} names={names} />
          </section>
          <GroupsTable insights={insights} selected={query.group ?? null} onSelect={(group) => change({ group })} />
        </>
      )}
      <p className="muted">{t('insights.retention', { days: insights?.retentionDays ?? INSIGHT_LIMITS.retentionDays })}</p>
    </div>
  );
}
