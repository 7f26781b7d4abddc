/**
 * The suggestions panel: the latest push as numbered cards, announced politely to screen readers, with the
 * way into the notifications settings beside its title.
 */
import type { ServerSuggestions } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { NotificationsButton } from './NotificationsButton.tsx';
import { OutdatedNotice } from './OutdatedNotice.tsx';
import { SuggestionCard } from './SuggestionCard.tsx';
import { useAnnouncement } from './use-announcement.ts';

interface Props {
  feed: ServerSuggestions | null;
  notice: string | null;
  /** The server speaks a newer protocol: nothing more will arrive until the page is reloaded. */
  outdated: boolean;
  timeZone: string;
  onOpenNotifications(): void;
  onWhy(suggestionId: string): void;
  onDismiss(placeId: string): void;
}

export function SuggestionList({ feed, notice, outdated, timeZone, onOpenNotifications, onWhy, onDismiss }: Props) {
  const { t } = useTranslation();
  const announcement = useAnnouncement(feed);

  return (
    <section className="feed" aria-labelledby="feed-title">
      <div className="feed-head">
        <h2 id="feed-title" className="feed-title">
          {t('traveller.suggestionsTitle')}
        </h2>
        <NotificationsButton onClick={onOpenNotifications} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {outdated && <OutdatedNotice />}
      {notice && <p className="notice">{t('traveller.serverError', { message: notice })}</p>}
      {feed?.coldStart && <p className="cold-start">{t('traveller.coldStart')}</p>}
      {feed === null && <p className="feed-empty">{t('traveller.waiting')}</p>}
      {feed?.items.length === 0 && <p className="feed-empty">{t('traveller.empty')}</p>}
      {feed && feed.items.length > 0 && (
        <ol className="cards">
          {feed.items.map((s, index) => (
            <li key={s.id}>
              <SuggestionCard
                suggestion={s}
                number={index + 1}
                trigger={feed.trigger.evidence}
                timeZone={timeZone}
                onWhy={() => onWhy(s.id)}
                onDismiss={() => onDismiss(s.item.place.id)}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
