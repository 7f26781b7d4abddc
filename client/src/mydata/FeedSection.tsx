/**
 * How the feed is ranked for the traveller: the non-profiled switch (DSA Art. 38), each personal signal on or
 * off, where the feed is centred without a position, and the "fewer like this" given on cards, each taken
 * back here. Every change is saved at once and the server re-ranks the open feed.
 */
import { type FewerLike, PERSONAL_SIGNAL_IDS, type PersonalSignalId, type RankingSettingsBody, type RankingSettingsPatch } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { AnchorPicker } from './AnchorPicker.tsx';
import { formatWhen } from './format-when.ts';
import { interestName } from './interest-name.ts';

interface Props {
  ranking: RankingSettingsBody;
  fewer: readonly FewerLike[];
  onChange(patch: RankingSettingsPatch): void;
  onTakeBack(item: FewerLike): void;
}

export function FeedSection({ ranking, fewer, onChange, onTakeBack }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { settings } = ranking;
  const toggleSignal = (id: PersonalSignalId, on: boolean) => onChange({ signalsOff: on ? settings.signalsOff.filter((s) => s !== id) : [...settings.signalsOff, id] });
  return (
    <section className="mydata-section" aria-labelledby="mydata-feed">
      <h2 id="mydata-feed">{t('mydata.feed')}</h2>
      <p>
        <Link to={PATHS.howRanked}>{t('ranking.title')}</Link>
      </p>
      <label className="switch-row">
        <input type="checkbox" role="switch" checked={settings.nonProfiled} onChange={(e) => onChange({ nonProfiled: e.target.checked })} />
        <span>
          <strong>{t('mydata.nonProfiled')}</strong>
          <span className="muted consent-what">{t('mydata.nonProfiledHelp')}</span>
        </span>
      </label>
      <fieldset className="signal-switches" disabled={settings.nonProfiled}>
        <legend>{t('mydata.signals')}</legend>
        {PERSONAL_SIGNAL_IDS.map((id) => (
          <label key={id} className="switch-row">
            <input type="checkbox" role="switch" checked={!settings.signalsOff.includes(id)} onChange={(e) => toggleSignal(id, e.target.checked)} />
            <span>
              <strong className="signal-name">{t(`signal.${id}`)}</strong>
              <span className="muted consent-what">{t(`mydata.signalHelp.${id}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <AnchorPicker ranking={ranking} onChange={(anchor) => onChange({ anchor })} />
      <h3>{t('mydata.fewer')}</h3>
      {fewer.length === 0 ? (
        <p className="muted">{t('mydata.fewerNone')}</p>
      ) : (
        <ul className="held-list">
          {fewer.map((f) => (
            <li key={`${f.interest.kind}:${f.interest.id}`}>
              <span>
                {interestName(f.interest, locale)} <span className="muted">· {formatWhen(f.at, locale)}</span>
              </span>
              <button type="button" className="link-button" onClick={() => onTakeBack(f)} aria-label={t('mydata.fewerRemoveLabel', { what: interestName(f.interest, locale) })}>
                {t('mydata.fewerRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
