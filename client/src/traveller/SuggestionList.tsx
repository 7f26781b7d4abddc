/**
 * The feed panel: the ideas for here and now as numbered cards (the first few, then "show more"), the latest
 * notification above them until closed, and a word on why no notification is coming when one is held.
 */
import type { FeedbackKind, FewerLikeBody, ServerFeed, ServerSuggestions, Suggestion } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { NotificationBanner } from './NotificationBanner.tsx';
import { NotificationsButton } from './NotificationsButton.tsx';
import { NotificationStatusLine } from './NotificationStatusLine.tsx';
import { OutdatedNotice } from './OutdatedNotice.tsx';
import { SuggestionCard } from './SuggestionCard.tsx';
import { useAnnouncement } from './use-announcement.ts';

/** Cards shown before "Show more": enough to choose from, few enough to read on a phone. */
export const FIRST_CARDS = 5;

/** The cards on screen (and pins on the map): the first few, or all when expanded. */
export function shownItems<T>(items: readonly T[], expanded: boolean): readonly T[] {
  return expanded ? items : items.slice(0, FIRST_CARDS);
}

interface Props {
  feed: ServerFeed | null;
  /** The feed's items, minus what the traveller just set aside. */
  items: readonly Suggestion[];
  notification: ServerSuggestions | null;
  notificationOpen: boolean;
  feedback: Readonly<Record<string, readonly FeedbackKind[]>>;
  notice: string | null;
  /** The server speaks a newer protocol: nothing more will arrive until the page is reloaded. */
  outdated: boolean;
  timeZone: string;
  /** Whether every card is shown, or the first FIRST_CARDS (the map numbers the same ones). */
  expanded: boolean;
  onToggleExpanded(): void;
  onOpenNotifications(): void;
  onCloseNotification(): void;
  onShow(suggestionId: string): void;
  onSuggestNow(): void;
  onWhy(suggestionId: string): void;
  onFeedback(suggestion: Suggestion, kind: FeedbackKind): void;
  /** Book an agency offer's seats (its card has a Book button). */
  onBook(suggestion: Suggestion): void;
  /** "Fewer like this": the card's category or one of its tags. */
  onFewer(suggestion: Suggestion, interest: FewerLikeBody['interest']): void;
}

export function SuggestionList(props: Props) {
  const { feed, items, notification, notificationOpen, feedback, notice, outdated, timeZone, expanded } = props;
  const { t } = useTranslation();
  const announcement = useAnnouncement(notification);
  const notified = new Set(notification?.items.map((s) => s.id) ?? []);
  const shown = shownItems(items, expanded);

  return (
    <section className="feed" aria-labelledby="feed-title">
      <div className="feed-head">
        <h2 id="feed-title" className="feed-title" tabIndex={-1}>
          {t('traveller.suggestionsTitle')}
        </h2>
        <NotificationsButton onClick={props.onOpenNotifications} />
      </div>
      {feed && <NotificationStatusLine status={feed.notifications} onSuggestNow={props.onSuggestNow} />}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {outdated && <OutdatedNotice />}
      {notice && <p className="notice">{t('traveller.serverError', { message: notice })}</p>}
      {notification && notificationOpen && <NotificationBanner notification={notification} onShow={props.onShow} onClose={props.onCloseNotification} />}
      {feed?.coldStart && <p className="cold-start">{t('traveller.coldStart')}</p>}
      {feed === null && <p className="feed-empty">{t('traveller.waiting')}</p>}
      {feed && items.length === 0 && <p className="feed-empty">{t('traveller.empty')}</p>}
      {items.length > 0 && (
        <ol className="cards">
          {shown.map((s, index) => (
            <li key={s.id}>
              <SuggestionCard
                suggestion={s}
                number={index + 1}
                trigger={notified.has(s.id) ? notification!.trigger.evidence : null}
                given={feedback[s.item.place.id] ?? []}
                timeZone={timeZone}
                onWhy={() => props.onWhy(s.id)}
                onFeedback={(kind) => props.onFeedback(s, kind)}
                onBook={() => props.onBook(s)}
                onFewer={(interest) => props.onFewer(s, interest)}
              />
            </li>
          ))}
        </ol>
      )}
      {items.length > FIRST_CARDS && (
        <button type="button" className="button feed-more" aria-expanded={expanded} onClick={props.onToggleExpanded}>
          {expanded ? t('traveller.showFewer') : t('traveller.showMore', { count: items.length - FIRST_CARDS })}
        </button>
      )}
    </section>
  );
}
