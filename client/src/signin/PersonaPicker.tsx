/** Demo sign-in: the travellers of the demo, each one a button that signs in as them. */
import type { PersonaSummary, SessionInfo } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, getPersonas, signInDemo } from '../api/api.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';

/** `sessionEnded`: the server ended the previous session (a sign-out in another tab, expiry), which is said. */
export function PersonaPicker({ onSignedIn, sessionEnded = false }: { onSignedIn(session: SessionInfo): void; sessionEnded?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [personas, setPersonas] = useState<PersonaSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    getPersonas().then(
      (list) => setPersonas(list.personas),
      (e: unknown) => setError(t('signin.listFailed', { message: describe(e) })),
    );
  }, [t]);

  async function pick(persona: PersonaSummary) {
    setBusy(persona.id);
    setError(null);
    try {
      onSignedIn(await signInDemo(persona.id));
    } catch (e) {
      setError(e instanceof ApiFailure && e.code === 'demo_disabled' ? t('signin.demoDisabled') : t('signin.failed', { message: describe(e) }));
      setBusy(null);
    }
  }

  return (
    <section className="signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signin.title')}</h1>
      <p className="signin-intro">{t('signin.intro')}</p>
      <p className="signin-intro">{t('signin.private')}</p>
      <p className="signin-intro">
        <Link to={PATHS.howRanked}>{t('ranking.title')}</Link>
      </p>
      {sessionEnded && !error && (
        <p className="notice" role="status">
          {t('signin.sessionEnded')}
        </p>
      )}
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {personas === null && !error && <p>{t('signin.loading')}</p>}
      <ul className="personas">
        {personas?.map((persona) => (
          <li key={persona.id}>
            <button type="button" className="persona" onClick={() => pick(persona)} disabled={busy !== null} aria-busy={busy === persona.id}>
              <span className="persona-avatar" aria-hidden="true">
                {persona.name[locale].replace(/^(the|les)\s+/i, '').charAt(0)}
              </span>
              <span className="persona-text">
                <span className="persona-name">{persona.name[locale]}</span>
                <span className="persona-summary">{persona.summary[locale]}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
