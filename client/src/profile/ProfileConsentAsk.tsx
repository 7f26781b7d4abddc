/**
 * Asked before any question about oneself: the answers are kept only with the profile consent, so it is
 * asked for here, in the words My data uses (what it is used for, what one gets), one tap to allow.
 */
import { type Consents } from '@escale/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { setConsent } from '../mydata/privacy-api.ts';
import { failureText } from './failure-text.ts';

interface Props {
  onAllowed(consents: Consents): void;
  /** The other way out ("Skip for now" in the onboarding); absent on the profile page. */
  decline?: { label: string; onDecline(): void };
}

export function ProfileConsentAsk({ onAllowed, decline }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allow = async () => {
    setBusy(true);
    try {
      onAllowed((await setConsent('profile', true)).consents);
    } catch (e) {
      setError(failureText(e, t));
      setBusy(false);
    }
  };
  return (
    <div className="consent-ask">
      <p>{t('mydata.consent.profile.usedFor')}</p>
      <p>{t('mydata.consent.profile.youGet')}</p>
      <p className="muted">{t('profile.consentKeep')}</p>
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void allow()}>
          {t('profile.allowAndContinue')}
        </button>
        {decline && (
          <button type="button" className="button" disabled={busy} onClick={decline.onDecline}>
            {decline.label}
          </button>
        )}
      </div>
    </div>
  );
}
