/**
 * The notifications panel is a lazy chunk, so the first screen does not carry it. If the chunk cannot be
 * fetched (offline, or a deploy replaced it), a small dialog says so instead of the app failing as a whole.
 */
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { SheetHead } from '../ui/SheetHead.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';

export const LazyNotificationsDialog = lazy(() =>
  import('./NotificationsDialog.tsx').catch((error: unknown) => {
    console.warn('The notifications panel could not be loaded:', error);
    return { default: NotificationsUnavailable };
  }),
);

function NotificationsUnavailable({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog(true, onClose, { closeOnBackdrop: true });
  return (
    <dialog ref={dialog.ref} className="sheet" aria-labelledby="notifications-title" onCancel={dialog.onCancel} onClick={dialog.onClick}>
      <div className="sheet-body">
        <SheetHead id="notifications-title" title={t('notifications.title')} closeLabel={t('notifications.close')} onClose={onClose} />
        <p className="notice" role="alert">
          {t('notifications.unavailable')}
        </p>
      </div>
    </dialog>
  );
}
