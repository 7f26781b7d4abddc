/**
 * The latest notification, above the feed until closed: why it was sent ("Sent because you arrived in
 * Paris 4e") and its ideas, each a way to the card in the feed (or to its Why panel when the feed has moved
 * on since).
 */
import { renderEvidence, type ServerSuggestions } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';

interface Props {
  notification: ServerSuggestions;
  onShow(suggestionId: string): void;
  onClose(): void;
}

export function NotificationBanner({ notification, onShow, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="notification" aria-labelledby="notification-title" data-testid="notification">
      <div className="notification-head">
        <h3 id="notification-title" className="notification-title">
          {t('notification.title')}
        </h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('notification.close')}
        </button>
      </div>
      <p className="notification-trigger">{renderEvidence(notification.trigger.evidence, locale)}</p>
      <ul className="notification-items">
        {notification.items.map((s) => (
          <li key={s.id}>
            <button type="button" className="link-button" onClick={() => onShow(s.id)} aria-label={t('notification.show', { name: s.item.title })}>
              {s.item.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
