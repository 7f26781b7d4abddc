/**
 * Taking the data away (GDPR Art. 20: one JSON file, its schema in docs/export-schema.json) and erasing the
 * account (Art. 17), after saying exactly what goes. Erased, the traveller is back at the sign-in screen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { EXPORT_URL } from './privacy-api.ts';

export function ExportErase({ onErase }: { onErase(): Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialog = useModalDialog(asking, () => setAsking(false), { closeOnBackdrop: false });
  const erase = async () => {
    setBusy(true);
    try {
      await onErase();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <section className="mydata-section" aria-labelledby="mydata-take">
      <h2 id="mydata-take">{t('mydata.take')}</h2>
      <p>{t('mydata.exportHelp')}</p>
      <a className="button" href={EXPORT_URL} download>
        {t('mydata.export')}
      </a>
      <p>{t('mydata.eraseHelp')}</p>
      <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
        {t('mydata.erase')}
      </button>
      <dialog ref={dialog.ref} className="sheet" aria-labelledby="erase-title" onCancel={dialog.onCancel} onClick={dialog.onClick}>
        {asking && (
          <div className="sheet-body">
            <h2 id="erase-title">{t('mydata.eraseTitle')}</h2>
            <p>{t('mydata.eraseWhat')}</p>
            <p>{t('mydata.eraseFinal')}</p>
            {error && (
              <p className="notice-error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" className="button button-danger" disabled={busy} onClick={() => void erase()}>
                {t('mydata.eraseConfirm')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)} data-autofocus>
                {t('mydata.eraseCancel')}
              </button>
            </div>
          </div>
        )}
      </dialog>
    </section>
  );
}
