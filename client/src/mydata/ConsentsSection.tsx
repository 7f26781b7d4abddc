/**
 * One switch per consent category, each reachable at `#consent-<category>` (the Why panel links there), and
 * every change with its date. A switch asks first (ConsentDialog), then changes on the server, and the app
 * follows (the wallet screen, the feed re-ranked by the server at once).
 */
import { CONSENT_CATEGORIES, type ConsentCategory, type ConsentEvent, type Consents } from '@escale/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/api.ts';
import { ConsentDialog, type ConsentQuestion } from './ConsentDialog.tsx';
import { formatWhen } from './format-when.ts';
import { setConsent } from './privacy-api.ts';
import { useLocale } from '../i18n/use-locale.ts';

interface Props {
  consents: Consents;
  history: readonly ConsentEvent[];
  /** The likes, visits and saved places held, which turning history off deletes (the dialog says how many). */
  historyItems: number;
  onChanged(consents: Consents): void;
}

export function ConsentsSection({ consents, history, historyItems, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [question, setQuestion] = useState<ConsentQuestion | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const answer = async (yes: boolean) => {
    const q = question;
    if (!q || !yes) return setQuestion(null);
    setBusy(true);
    try {
      const body = await setConsent(q.category, q.granted);
      setError(null);
      onChanged(body.consents);
    } catch (e) {
      setError(e instanceof ApiFailure && e.code === 'network' ? t('mydata.offline') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setQuestion(null);
    }
  };

  return (
    <section className="mydata-section" aria-labelledby="mydata-consents">
      <h2 id="mydata-consents">{t('mydata.consents')}</h2>
      <p className="muted">{t('mydata.consentsHelp')}</p>
      <ul className="consent-list">
        {CONSENT_CATEGORIES.map((category: ConsentCategory) => (
          <li key={category} id={`consent-${category}`} className="consent-item">
            <label className="switch-row">
              <input type="checkbox" role="switch" checked={consents[category]} onChange={(e) => setQuestion({ category, granted: e.target.checked })} />
              <span>
                <strong>{t(`consent.${category}`)}</strong>
                <span className="muted consent-what">{t(`mydata.consent.${category}.short`)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p className="notice-error" role="alert">
          {error}
        </p>
      )}
      <details className="consent-history">
        <summary>{t('mydata.consentHistory', { count: history.length })}</summary>
        <ol>
          {history.map((e) => (
            <li key={`${e.category}-${e.at}`}>
              {formatWhen(e.at, locale)} — {t(e.granted ? 'mydata.given' : 'mydata.withdrawn', { category: t(`consent.${e.category}`) })}
            </li>
          ))}
        </ol>
      </details>
      <ConsentDialog question={question} historyItems={historyItems} busy={busy} onAnswer={(yes) => void answer(yes)} />
    </section>
  );
}
