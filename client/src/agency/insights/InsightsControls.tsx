/** The period and how the figures are counted: from, to, by what, per day or week. Each change asks again. */
import { type AgencyInsights, type InsightBucket, InsightBucket as Buckets, type InsightGrouping, InsightGrouping as Groupings } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import type { InsightsRequest } from './insights-api.ts';

export function InsightsControls({ query, answered, onChange }: { query: InsightsRequest; answered: AgencyInsights | null; onChange(next: Partial<InsightsRequest>): void }) {
  const { t } = useTranslation();
  return (
    <form className="insights-controls" aria-label={t('insights.controls')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('insights.from')}
        <input className="input" type="date" value={query.from ?? answered?.from ?? ''} onChange={(e) => e.target.value && onChange({ from: e.target.value })} />
      </label>
      <label>
        {t('insights.to')}
        <input className="input" type="date" value={query.to ?? answered?.to ?? ''} onChange={(e) => e.target.value && onChange({ to: e.target.value })} />
      </label>
      <label>
        {t('insights.by')}
        {/* Another grouping has other groups: the one followed over time no longer applies. */}
        <select className="input" value={query.by} onChange={(e) => onChange({ by: e.target.value as InsightGrouping, group: undefined })}>
          {Groupings.options.map((by) => (
            <option key={by} value={by}>
              {t(`insights.grouping.${by}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('insights.per')}
        <select className="input" value={query.bucket} onChange={(e) => onChange({ bucket: e.target.value as InsightBucket })}>
          {Buckets.options.map((bucket) => (
            <option key={bucket} value={bucket}>
              {t(`insights.bucket.${bucket}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
