/**
 * "Forgot my password" (a traveller's account, or the agency console's): the address, and the same answer
 * whether it has an account or not.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Link } from 'react-router';
import { failureText } from '../profile/failure-text.ts';

export function ForgotPassword({ ask, signInPath }: { ask(email: string): Promise<unknown>; signInPath: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask(email).then(
      () => setSent(true),
      (err: unknown) => setError(failureText(err, t)),
    );
  };
  return (
    <div className="page account-page">
      <h1>{t('agency.forgotTitle')}</h1>
      {sent ? (
        <p role="status">{t('agency.forgotSent')}</p>
      ) : (
        <form className="console-form" onSubmit={submit}>
          <p className="lead">{t('agency.forgotLead')}</p>
          <label className="field">
            <span className="field-label">{t('agency.email')}</span>
            <input className="input" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <ErrorNotice error={error} />
          <button type="submit" className="button button-primary">
            {t('agency.forgotSend')}
          </button>
        </form>
      )}
      <p>
        <Link to={signInPath}>{t('agency.backToSignIn')}</Link>
      </p>
    </div>
  );
}
