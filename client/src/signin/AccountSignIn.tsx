/**
 * Signing in with one's own account (made from an agency's invitation): e-mail and password, one message
 * for anything wrong. With demo mode on it sits below the demo's travellers; otherwise it is the page.
 */
import type { SessionInfo } from '@escale/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { CredentialsFields } from '../ui/CredentialsFields.tsx';
import { failureText } from '../profile/failure-text.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { signInAccount } from './account-api.ts';

export function AccountSignIn({ onSignedIn, main }: { onSignedIn(session: SessionInfo): void; main: boolean }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await signInAccount({ email, password }));
    } catch (err) {
      setError(failureText(err, t));
      setBusy(false);
    }
  };
  const Heading = main ? 'h1' : 'h2';
  return (
    <section className="account-signin" aria-labelledby="account-signin-title">
      <Heading id="account-signin-title">{main ? t('account.title') : t('account.haveAccount')}</Heading>
      <p className="signin-intro">{t('account.intro')}</p>
      <form className="console-form" onSubmit={(e) => void submit(e)}>
        <CredentialsFields email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
        <ErrorNotice error={error} />
        <div className="step-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('agency.signIn')}
          </button>
          <Link to={PATHS.forgotPassword}>{t('agency.forgot')}</Link>
        </div>
      </form>
    </section>
  );
}
