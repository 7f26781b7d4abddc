/**
 * One signal in the Why panel: its share as a bar, its evidence, and the personal data it read (each with its
 * consent). A datum that says what the evidence already says is not written twice: only its consent shows.
 */
import { PERSONAL_SIGNAL_IDS, type PersonalSignalId, renderEvidence, type SignalContribution } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { percent } from './format.ts';
import { TastePathView } from './TastePathView.tsx';

const isPersonal = (id: string): id is PersonalSignalId => (PERSONAL_SIGNAL_IDS as readonly string[]).includes(id);

interface Props {
  contribution: SignalContribution;
  driver: boolean;
  /** "What if" this personal signal were off: switched off for the traveller, the feed re-ranked at once. */
  onSwitchOff?: (signal: PersonalSignalId) => void;
}

export function ContributionRow({ contribution: c, driver, onSwitchOff }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const share = percent(c.share);
  const evidence = renderEvidence(c.evidence, locale);

  return (
    <li className={driver ? 'contribution contribution-driver' : 'contribution'}>
      <div className="contribution-head">
        <span className="contribution-name">
          {t(`signal.${c.signal}`)}
          {driver && <span className="badge-main">{t('why.mainReason')}</span>}
        </span>
        <span className="contribution-share">{t('why.share', { percent: share })}</span>
      </div>
      {/* The bar repeats the percentage above for sighted readers; the text carries the meaning. */}
      <div className="bar" aria-hidden="true">
        <span className="bar-fill" style={{ width: `${share}%` }} />
      </div>
      <p className="contribution-evidence">{evidence}</p>
      {c.path && <TastePathView path={c.path} />}
      {c.personalData.length === 0 ? (
        <p className="personal-none">{t('why.noPersonalData')}</p>
      ) : (
        <ul className="personal-data" aria-label={t('why.personalData')}>
          {c.personalData.map((datum, index) => (
            <li key={index}>
              {renderEvidence(datum.evidence, locale) === evidence ? <span>{t('why.datumAbove')}</span> : <span>{renderEvidence(datum.evidence, locale)}</span>}
              {/* Each datum leads to the switch that allows it. */}
              <Link className="consent-tag" to={PATHS.consent(datum.category)} aria-label={t('why.consentLink', { category: t(`consent.${datum.category}`) })}>
                {t('why.consent', { category: t(`consent.${datum.category}`) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {onSwitchOff && isPersonal(c.signal) && (
        <button type="button" className="link-button what-if" onClick={() => onSwitchOff(c.signal as PersonalSignalId)}>
          {t('why.whatIf', { signal: t(`signal.${c.signal}`) })}
        </button>
      )}
    </li>
  );
}
