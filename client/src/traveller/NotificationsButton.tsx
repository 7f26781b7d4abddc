/**
 * Opens the notifications settings; a bell drawn inline (no icon font: the CSP allows none). On a phone
 * only the bell shows, so the feed's title keeps its line; the label stays as the button's name.
 */
import { useTranslation } from 'react-i18next';

export function NotificationsButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button-small notifications-button" onClick={onClick} aria-haspopup="dialog">
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <span className="notifications-button-label">{t('notifications.open')}</span>
    </button>
  );
}
