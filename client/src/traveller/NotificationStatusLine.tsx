/**
 * Why no notification is coming, in a word, under the feed's title: quiet hours until when, or how long
 * until the next one may go, with "Suggest now" at hand. Nothing is said while notifications are on.
 */
import type { NotificationStatus } from '@escale/shared';
import { useTranslation } from 'react-i18next';

export function NotificationStatusLine({ status, onSuggestNow }: { status: NotificationStatus; onSuggestNow(): void }) {
  const { t } = useTranslation();
  if (status.state === 'on') return null;
  const text =
    status.state === 'quiet_hours' ? t('status.quietHours', { until: status.until }) : status.state === 'paced' ? t('status.paced', { minutes: status.minutes, time: status.nextAt }) : t('status.off');
  return (
    <p className="feed-status" data-testid="notification-status">
      {text}{' '}
      <button type="button" className="link-button" onClick={onSuggestNow}>
        {t('status.suggestNow')}
      </button>
    </p>
  );
}
