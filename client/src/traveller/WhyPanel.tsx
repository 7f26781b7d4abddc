/**
 * "Why this suggestion?": a modal dialog naming the driving signal, then every signal's share of the score
 * with its evidence and the personal data it read, each linked to its consent. The native <dialog> gives
 * Escape, focus containment and an inert background; we return focus to the button that opened it.
 */
import { renderEvidence, type Suggestion } from '@escale/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { ContributionRow } from './ContributionRow.tsx';
import { categoryLabel, orderedContributions } from './format.ts';

export function WhyPanel({ suggestion, onClose }: { suggestion: Suggestion | null; onClose(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (suggestion && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
      element.querySelector<HTMLElement>('.why-close')?.focus();
    } else if (!suggestion && element.open) {
      element.close();
      // The opener may be gone (its card was dismissed or replaced by a push); then focus stays on the body.
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [suggestion]);

  const category = suggestion ? categoryLabel(suggestion, locale) : null;
  return (
    <dialog
      ref={dialog}
      className="why"
      aria-labelledby="why-title"
      onCancel={(event) => {
        event.preventDefault(); // Escape: let state close it, so React and the DOM agree
        onClose();
      }}
      onClick={(event) => event.target === dialog.current && onClose()} // a tap on the backdrop
    >
      {suggestion && category && (
        <div className="why-body">
          <div className="why-head">
            <h2 id="why-title">{t('why.title')}</h2>
            <button type="button" className="button why-close" onClick={onClose}>
              {t('why.close')}
            </button>
          </div>
          <p className="why-subject">
            <span aria-hidden="true">{category.icon}</span> {suggestion.item.title} · {category.label}
          </p>
          <p className="why-driver">
            <strong>{t('why.drivenBy', { signal: t(`signal.${suggestion.driver}`) })}</strong>
            <span> — {renderEvidence(suggestion.reason, locale)}</span>
          </p>
          {suggestion.notes.length > 0 && (
            <section aria-labelledby="why-notes">
              <h3 id="why-notes" className="why-subtitle">{t('why.notes')}</h3>
              {suggestion.notes.map((note, i) => (
                <p key={i} className="why-note">{renderEvidence(note, locale)}</p>
              ))}
            </section>
          )}
          <h3 className="why-subtitle">{t('why.contributions')}</h3>
          <ul className="contributions">
            {orderedContributions(suggestion.contributions, suggestion.driver).map((c) => (
              <ContributionRow key={c.signal} contribution={c} driver={c.signal === suggestion.driver} />
            ))}
          </ul>
        </div>
      )}
    </dialog>
  );
}
