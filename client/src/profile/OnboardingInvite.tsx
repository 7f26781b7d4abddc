/**
 * The invitation to the onboarding on the ideas screen, until it is answered or declined: never a forced
 * detour, the ideas work without it. "Not now" counts as skipped, so it is not offered again (it stays
 * reachable from My data, "What you told Escale").
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { finishOnboarding } from './profile-api.ts';

export function OnboardingInvite({ onDismissed }: { onDismissed(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const dismiss = () => {
    setBusy(true);
    // Offline, the invitation simply stays for next time.
    finishOnboarding({ outcome: 'skipped' }).then(onDismissed, () => setBusy(false));
  };
  return (
    <section className="onboarding-invite" aria-labelledby="onboarding-invite-title">
      <h2 id="onboarding-invite-title">{t('profile.inviteTitle')}</h2>
      <p>{t('profile.inviteText')}</p>
      <div className="invite-actions">
        <Link className="button button-primary" to={PATHS.welcome}>
          {t('profile.inviteStart')}
        </Link>
        <button type="button" className="button" disabled={busy} onClick={dismiss}>
          {t('profile.inviteLater')}
        </button>
      </div>
    </section>
  );
}
