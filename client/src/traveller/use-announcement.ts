/**
 * The sentence a screen reader hears when a new push arrives ("3 new suggestions: …"). Keyed on the push's
 * sequence number so a dismissal, which shortens the list, is not announced as news.
 */
import type { ServerSuggestions } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useAnnouncement(feed: ServerSuggestions | null): string {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const seq = feed?.seq;
  useEffect(() => {
    if (!feed || feed.items.length === 0) return;
    const names = feed.items.map((s) => s.item.title).join(', ');
    setText(t('traveller.announce', { count: feed.items.length, names }));
  }, [seq]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new push is news
  return text;
}
