/** The e-mail address and password of a sign-in form (a traveller's account, the agency console), labelled as password managers expect. */
import { useTranslation } from 'react-i18next';

interface Props {
  email: string;
  password: string;
  onEmail(email: string): void;
  onPassword(password: string): void;
}

export function CredentialsFields({ email, password, onEmail, onPassword }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span className="field-label">{t('agency.email')}</span>
        <input className="input" type="email" autoComplete="username" required value={email} onChange={(e) => onEmail(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">{t('agency.password')}</span>
        <input className="input" type="password" autoComplete="current-password" required value={password} onChange={(e) => onPassword(e.target.value)} />
      </label>
    </>
  );
}
