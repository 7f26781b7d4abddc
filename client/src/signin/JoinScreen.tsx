/**
 * Making one's account from an agency's invitation (`/join#token`): the link is checked first (whose agency,
 * still valid?), then a name, an address and a password (twice). The token stays after `#`: it reaches no
 * server log. Every consent starts off; the onboarding invites afterwards.
 */
import { PASSWORD_MIN, type SessionInfo } from '@escale/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { failureText } from '../profile/failure-text.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { checkInvitation, signUp } from './account-api.ts';

export function JoinScreen({ onSignedIn }: { onSignedIn(session: SessionInfo): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [token] = useState(() => window.location.hash.slice(1));
  const [agency, setAgency] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', email: '', password: '', again: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return setInvalid(t('account.noLink'));
    checkInvitation(token).then(
      (check) => setAgency(check.agency),
      (e: unknown) => setInvalid(failureText(e, t)),
    );
  }, [token, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.again) return setError(t('agency.passwordsDiffer'));
    setBusy(true);
    try {
      const session = await signUp({ token, name: form.name, email: form.email, password: form.password, locale });
      history.replaceState(null, '', '/'); // the used link leaves the address bar
      onSignedIn(session);
    } catch (err) {
      setError(failureText(err, t));
      setBusy(false);
    }
  };
  const field = (key: keyof typeof form, label: string, type: string, autoComplete: string, extra: Record<string, unknown> = {}) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input" type={type} autoComplete={autoComplete} required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...extra} />
    </label>
  );

  return (
    <section className="signin join" aria-labelledby="join-title">
      <h1 id="join-title">{agency ? t('account.joinTitle', { agency }) : t('account.joinTitlePlain')}</h1>
      {invalid ? (
        <p role="alert">{invalid}</p>
      ) : !agency ? (
        <p>{t('app.loading')}</p>
      ) : (
        <form className="console-form" onSubmit={(e) => void submit(e)}>
          <p className="signin-intro">{t('account.joinIntro', { agency })}</p>
          {field('name', t('account.name'), 'text', 'name', { maxLength: 80 })}
          {field('email', t('agency.email'), 'email', 'email')}
          {field('password', t('agency.newPassword'), 'password', 'new-password', { minLength: PASSWORD_MIN })}
          <span className="field-hint">{t('agency.passwordRule', { count: PASSWORD_MIN })}</span>
          {field('again', t('agency.passwordAgain'), 'password', 'new-password')}
          <ErrorNotice error={error} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('account.create')}
          </button>
        </form>
      )}
    </section>
  );
}
