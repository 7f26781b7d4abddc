/**
 * The sentence a screen reader hears when a notification arrives ("3 new suggestions: …"). Keyed on the
 * notification's sequence number: a new feed after a move is not news, a notification is.
 */
import type { ServerSuggestions } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useAnnouncement(notification: ServerSuggestions | null): string {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const seq = notification?.seq;
  useEffect(() => {
    if (!notification || notification.items.length === 0) return;
    const names = notification.items.map((s) => s.item.title).join(', ');
    setText(t('traveller.announce', { count: notification.items.length, names }));
  }, [seq]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new notification is news
  return text;
}
