/**
 * Choosing a password from a one-time link (a new staff member's, or a reset's, traveller or staff): the token is after `#`, so it
 * reaches no server log; it is sent once, in the body. Twice the password, to catch a typo.
 */
import { PASSWORD_MIN, type PasswordResetBody } from '@escale/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Link } from 'react-router';
import { failureText } from '../profile/failure-text.ts';

export function SetPassword({ save, signInPath }: { save(body: PasswordResetBody): Promise<unknown>; signInPath: string }) {
  const { t } = useTranslation();
  const [token] = useState(() => window.location.hash.slice(1));
  const [password, setValue] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) return setError(t('agency.passwordsDiffer'));
    save({ token, password }).then(
      () => {
        setDone(true);
        history.replaceState(null, '', window.location.pathname); // the used token leaves the address bar
      },
      (err: unknown) => setError(failureText(err, t)),
    );
  };
  return (
    <div className="page account-page">
      <h1>{t('agency.setTitle')}</h1>
      {done ? (
        <p role="status">
          {t('agency.setDone')} <Link to={signInPath}>{t('agency.signIn')}</Link>
        </p>
      ) : !token ? (
        <p role="alert">{t('agency.setNoToken')}</p>
      ) : (
        <form className="console-form" onSubmit={submit}>
          <label className="field">
            <span className="field-label">{t('agency.newPassword')}</span>
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN}
              required
              value={password}
              onChange={(e) => setValue(e.target.value)}
              aria-describedby="password-rule"
            />
            <span id="password-rule" className="field-hint">
              {t('agency.passwordRule', { count: PASSWORD_MIN })}
            </span>
          </label>
          <label className="field">
            <span className="field-label">{t('agency.passwordAgain')}</span>
            <input className="input" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
          </label>
          <ErrorNotice error={error} />
          <button type="submit" className="button button-primary">
            {t('agency.setSave')}
          </button>
        </form>
      )}
    </div>
  );
}
