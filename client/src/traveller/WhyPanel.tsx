/**
 * "Why this suggestion?": a modal dialog naming the driving signal, why it came now (the push's trigger),
 * then every signal's share of the score with its evidence and the personal data it read, each linked to
 * its consent. Focus goes in on open and back to the button that opened it (see use-modal-dialog.ts).
 */
import { renderEvidence, type Suggestion } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { SheetHead } from '../ui/SheetHead.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { ContributionRow } from './ContributionRow.tsx';
import { CategoryIcon } from '../ui/CategoryIcon.tsx';
import { categoryLabel, orderedContributions } from './format.ts';
import { PushReason, type PushOrigin } from './PushReason.tsx';

interface Props {
  suggestion: Suggestion | null;
  /** What sent the push this suggestion came in. */
  origin: PushOrigin | null;
  onClose(): void;
  onOpenNotifications(): void;
}

export function WhyPanel({ suggestion, origin, onClose, onOpenNotifications }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dialog = useModalDialog(suggestion !== null, onClose, { closeOnBackdrop: true });

  const category = suggestion ? categoryLabel(suggestion, locale) : null;
  return (
    <dialog ref={dialog.ref} className="sheet why" aria-labelledby="why-title" onCancel={dialog.onCancel} onClick={dialog.onClick}>
      {suggestion && category && (
        <div className="sheet-body">
          <SheetHead id="why-title" title={t('why.title')} closeLabel={t('why.close')} onClose={onClose} />
          <p className="why-subject">
            <CategoryIcon category={category.id} /> {suggestion.item.title} · {category.label}
          </p>
          <p className="why-driver">
            <strong>{t('why.drivenBy', { signal: t(`signal.${suggestion.driver}`) })}</strong>
            <span> — {renderEvidence(suggestion.reason, locale)}</span>
          </p>
          {origin && <PushReason origin={origin} onOpenNotifications={onOpenNotifications} />}
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
