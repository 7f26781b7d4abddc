/**
 * Above the ideas: whether they are personalised, switchable in one tap (DSA Art. 38), and, when no position
 * is used (not personalised, or location off), around where they are looked for: the city centre or a
 * neighbourhood the traveller picks.
 */
import type { FeedAnchor, RankingSettingsBody } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { AnchorPicker } from '../mydata/AnchorPicker.tsx';

interface Props {
  ranking: RankingSettingsBody;
  locationConsent: boolean;
  onNonProfiled(on: boolean): void;
  onAnchor(anchor: FeedAnchor): void;
}

export function FeedModeBar({ ranking, locationConsent, onNonProfiled, onAnchor }: Props) {
  const { t } = useTranslation();
  const { nonProfiled, signalsOff } = ranking.settings;
  return (
    <div className="feed-mode" data-testid="feed-mode">
      <label className="switch-row">
        <input type="checkbox" role="switch" checked={!nonProfiled} onChange={(e) => onNonProfiled(!e.target.checked)} />
        <span>
          <strong>{t('feedMode.personalised')}</strong>
          <span className="muted consent-what">
            {nonProfiled ? t('feedMode.offHelp') : signalsOff.length > 0 ? t('feedMode.someOff', { count: signalsOff.length }) : t('feedMode.onHelp')}{' '}
            <Link to={PATHS.myData}>{t('feedMode.settings')}</Link>
          </span>
        </span>
      </label>
      {(nonProfiled || !locationConsent) && <AnchorPicker ranking={ranking} onChange={onAnchor} />}
    </div>
  );
}
