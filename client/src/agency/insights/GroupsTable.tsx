/**
 * The groups over the period (a category, a place, a driving signal), the most travellers shown first:
 * each action's figure, and a button to follow the group over time in the charts.
 */
import { type AgencyInsights, INSIGHT_ACTIONS } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { figureText, groupLabel } from './insight-text.ts';

export function GroupsTable({ insights, selected, onSelect }: { insights: AgencyInsights; selected: string | null; onSelect(group: string): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = 'insights-groups';
  return (
    <section className="mydata-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`insights.groupsTitle.${insights.by}`)}</h2>
      <p className="muted">{t('insights.groupsLead', { min: insights.minTravellers })}</p>
      <div className="insights-scroll">
        <table className="console-table insights-groups">
          <thead>
            <tr>
              <th scope="col">{t(`insights.grouping.${insights.by}`)}</th>
              {INSIGHT_ACTIONS.map((a) => (
                <th key={a} scope="col">
                  {t(`insights.action.${a}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('insights.overTime')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {insights.groups.map((g) => {
              const name = groupLabel(insights.by, g.key, g.label, locale, t);
              return (
                <tr key={g.key} className={g.key === selected ? 'selected' : undefined}>
                  <th scope="row">{name}</th>
                  {INSIGHT_ACTIONS.map((a) => (
                    <td key={a} className={g.totals[a].hidden ? 'insight-hidden' : 'insight-number'}>
                      {figureText(g.totals[a], insights.minTravellers, locale, t)}
                    </td>
                  ))}
                  <td>
                    <button type="button" className="button button-quiet" aria-pressed={g.key === selected} aria-label={t('insights.overTimeLabel', { name })} onClick={() => onSelect(g.key)}>
                      {t('insights.overTime')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {insights.groupsOmitted > 0 && <p className="muted">{t('insights.groupsOmitted', { count: insights.groupsOmitted })}</p>}
    </section>
  );
}
