/**
 * The console's sign-in: e-mail and password, one message whatever was wrong (the server says the same for
 * an unknown address and a wrong password), and in demo mode the demo's accounts, one per role, to try.
 */
import type { DemoStaffList, StaffSessionInfo } from '@escale/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialsFields } from '../ui/CredentialsFields.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Link } from 'react-router';
import { failureText } from '../profile/failure-text.ts';
import { AGENCY_PATHS } from './paths.ts';
import { getDemoAccounts, signInStaff } from './agency-api.ts';

export function SignInScreen({ onSignedIn }: { onSignedIn(session: StaffSessionInfo): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [demo, setDemo] = useState<DemoStaffList | null>(null);
  useEffect(() => void getDemoAccounts().then(setDemo), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await signInStaff({ email, password }));
    } catch (err) {
      setError(failureText(err, t));
      setBusy(false);
    }
  };

  return (
    <div className="page console-page console-signin">
      <h1>{t('agency.signInTitle')}</h1>
      <p className="lead">{t('agency.signInLead')}</p>
      <form className="console-form" onSubmit={(e) => void submit(e)}>
        <CredentialsFields email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
        <ErrorNotice error={error} />
        <div className="step-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('agency.signIn')}
          </button>
          <Link to={AGENCY_PATHS.forgotPassword}>{t('agency.forgot')}</Link>
        </div>
      </form>
      {demo && (
        <section className="mydata-section" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts">{t('agency.demoTitle')}</h2>
          <p className="muted">{t('agency.demoLead', { password: demo.password })}</p>
          <ul className="held-list">
            {demo.accounts.map((a) => (
              <li key={a.email}>
                <span>
                  <strong>{a.name}</strong> · {t(`agency.roles.${a.role}`)} <span className="muted">· {a.email}</span>
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(demo.password);
                  }}
                  aria-label={t('agency.useAccount', { name: a.name })}
                >
                  {t('agency.use')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
