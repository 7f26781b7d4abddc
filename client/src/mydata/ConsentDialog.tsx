/**
 * Asked once, in plain words, before a consent changes: turning one on says what it is used for and what the
 * traveller gets; turning one off says what stops and what is deleted — for history, how many likes, visits
 * and saved places, and that it cannot be undone. One tap either way (GDPR Art. 7).
 */
import type { ConsentCategory } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../ui/use-modal-dialog.ts';

export interface ConsentQuestion {
  category: ConsentCategory;
  granted: boolean;
}

interface Props {
  question: ConsentQuestion | null;
  /** The likes, visits and saved places held: what turning history off deletes. */
  historyItems: number;
  busy: boolean;
  onAnswer(yes: boolean): void;
}

export function ConsentDialog({ question, historyItems, busy, onAnswer }: Props) {
  const { t } = useTranslation();
  const dialog = useModalDialog(question !== null, () => onAnswer(false), { closeOnBackdrop: false });
  const q = question;
  const mode = q?.granted ? 'on' : 'off';
  return (
    <dialog ref={dialog.ref} className="sheet consent-dialog" aria-labelledby="consent-dialog-title" onCancel={dialog.onCancel} onClick={dialog.onClick}>
      {q && (
        <div className="sheet-body">
          <h2 id="consent-dialog-title">{t(`mydata.consent.${mode}Title`, { category: t(`consent.${q.category}`) })}</h2>
          <p>{t(`mydata.consent.${q.category}.${mode === 'on' ? 'usedFor' : 'stops'}`)}</p>
          <p>
            {mode === 'off' && q.category === 'history' ? t('mydata.consent.history.deletedCount', { count: historyItems }) : t(`mydata.consent.${q.category}.${mode === 'on' ? 'youGet' : 'deleted'}`)}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => onAnswer(true)} data-autofocus>
              {t(`mydata.consent.${mode}Confirm`)}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => onAnswer(false)}>
              {t(`mydata.consent.${mode}Cancel`)}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
