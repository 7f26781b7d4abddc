/** "Ideas around": the city centre or a neighbourhood, for when no position is used (a choice, never where the traveller is). */
import type { FeedAnchor, RankingSettingsBody } from '@escale/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function AnchorPicker({ ranking, onChange }: { ranking: RankingSettingsBody; onChange(anchor: FeedAnchor): void }) {
  const { t } = useTranslation();
  const id = useId();
  const { anchor } = ranking.settings;
  return (
    <div className="field anchor-picker">
      <label htmlFor={id}>{t('mydata.anchor')}</label>
      <select
        id={id}
        className="input"
        value={anchor.kind === 'neighbourhood' ? anchor.id : ''}
        onChange={(e) => onChange(e.target.value ? { kind: 'neighbourhood', id: e.target.value } : { kind: 'city_centre' })}
      >
        <option value="">{t('mydata.cityCentre')}</option>
        {ranking.neighbourhoods.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
      <p className="muted">{t('mydata.anchorHelp')}</p>
    </div>
  );
}
