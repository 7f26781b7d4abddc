/** The charts' figures as a table, for whoever reads a table better than a chart (or cannot see it). */
import { type AgencyInsights, INSIGHT_ACTIONS } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { figureText } from './insight-text.ts';

export function FiguresTable({ insights, names }: { insights: AgencyInsights; names: string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <details className="insights-table">
      <summary>{t('insights.asTable')}</summary>
      <table className="console-table">
        <caption className="visually-hidden">{t('insights.asTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`insights.bucket.${insights.bucket}`)}</th>
            {INSIGHT_ACTIONS.map((a) => (
              <th key={a} scope="col">
                {t(`insights.action.${a}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {insights.buckets.map((b, i) => (
            <tr key={b}>
              <th scope="row">{names[i]}</th>
              {INSIGHT_ACTIONS.map((a) => {
                const f = insights.series[a][i]!;
                return (
                  <td key={a} className={f.hidden ? 'insight-hidden' : 'insight-number'}>
                    {figureText(f, insights.minTravellers, locale, t)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
