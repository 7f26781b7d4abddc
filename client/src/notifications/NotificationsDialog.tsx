/**
 * "Notifications": when Escale may push suggestions without being asked. Loaded lazily (a traveller opens
 * it rarely, the first screen should not pay for it); it reads the settings on open and saves what changed.
 */
import { useTranslation } from 'react-i18next';
import { SheetHead } from '../ui/SheetHead.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { NotificationsForm } from './NotificationsForm.tsx';
import { usePushSettings } from './use-push-settings.ts';

export default function NotificationsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  // Mounted only while open: closing unmounts it, and the hook hands focus back to the opener then.
  const dialog = useModalDialog(true, onClose, { closeOnBackdrop: false });
  const settings = usePushSettings();

  return (
    <dialog ref={dialog.ref} className="sheet notifications" aria-labelledby="notifications-title" onCancel={dialog.onCancel}>
      <div className="sheet-body">
        <SheetHead id="notifications-title" title={t('notifications.title')} closeLabel={t('notifications.close')} onClose={onClose} />
        <p className="sheet-intro">{t('notifications.intro')}</p>
        {settings.load.kind === 'loading' && <p role="status">{t('notifications.loading')}</p>}
        {settings.load.kind === 'failed' && (
          <div className="load-failed">
            <p className="notice" role="alert">
              {t('notifications.loadFailed', { message: settings.load.message })}
            </p>
            <button type="button" className="button" onClick={settings.reload}>
              {t('notifications.retry')}
            </button>
          </div>
        )}
        {settings.draft && <NotificationsForm settings={settings} />}
      </div>
    </dialog>
  );
}
