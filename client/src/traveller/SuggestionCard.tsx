/**
 * One idea as a card: what, where, how far, open until when, why in one line, and what the traveller can
 * say about it (like, save for later, been there, not interested). A card from the latest notification
 * also says why that was sent.
 */
import { frenchAt, PRACTICAL_TAGS, renderEvidence, tagLabel, type Evidence, type FeedbackKind, type FewerLikeBody, type Suggestion } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { CategoryIcon } from '../ui/CategoryIcon.tsx';
import { categoryLabel, eventLine, hoursLine, walkLine, type Line } from './format.ts';

interface Props {
  suggestion: Suggestion;
  number: number;
  /** Why the notification it came in was sent, when it is in the latest one. */
  trigger: Evidence | null;
  /** Feedback already given on its place in this session (pressed buttons). */
  given: readonly FeedbackKind[];
  timeZone: string;
  onWhy(): void;
  onFeedback(kind: FeedbackKind): void;
  onBook(): void;
  onFewer(interest: FewerLikeBody['interest']): void;
}

/** The tags a card offers for "fewer like this": what the place is for, not how it is (access, setting). */
const FEWER_TAGS_SHOWN = 3;

export function SuggestionCard({ suggestion: s, number, trigger, given, timeZone, onWhy, onFeedback, onBook, onFewer }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const line = (l: Line | null) => (l ? t(l.key, l.params) : null);
  const category = categoryLabel(s, locale);
  const title = s.item.title;
  const facts = [line(walkLine(s, locale)), line(eventLine(s, timeZone)), line(hoursLine(s))].filter(Boolean);
  const promotion = s.promotion ? renderEvidence(s.promotion.label, locale) : null;
  const tags = s.item.place.tags.filter((tag) => !PRACTICAL_TAGS.has(tag)).slice(0, FEWER_TAGS_SHOWN);
  const liked = given.includes('liked');
  const saved = given.includes('saved');

  return (
    <article className="card" data-testid="suggestion-card" id={`card-${s.id}`} tabIndex={-1} aria-labelledby={`card-title-${s.id}`}>
      <header className="card-head">
        <span className="card-number" aria-label={t('card.number', { number })}>
          {number}
        </span>
        <h3 className="card-title" id={`card-title-${s.id}`}>
          {title}
        </h3>
        {trigger && <span className="badge-new">{t('card.inNotification')}</span>}
      </header>
      {s.promotion && (
        // Promotions are always disclosed with the agency's name, never folded into another line.
        <p className="badge-promoted">{promotion?.includes(s.promotion.agencyName) ? promotion : `${promotion} · ${s.promotion.agencyName}`}</p>
      )}
      <p className="card-category">
        <CategoryIcon category={category.id} /> {category.label}
        {s.item.kind !== 'place' && ` · ${locale === 'fr' ? frenchAt(s.item.place.name) : t('card.atPlace', { place: s.item.place.name })}`}
      </p>
      <p className="card-facts">{facts.join(' · ')}</p>
      <p className="card-reason">{renderEvidence(s.reason, locale)}</p>
      {trigger && <p className="card-trigger">{renderEvidence(trigger, locale)}</p>}
      <div className="card-actions">
        <button type="button" className="button button-primary" onClick={onWhy} aria-label={t('card.whyLabel', { name: title })}>
          {t('card.why')}
        </button>
        {/* An agency offer with seats left can be booked from its card; the ticket lands in the wallet. */}
        {s.item.kind === 'offer' && s.item.seatsLeft !== 0 && (
          <button type="button" className="button button-primary" onClick={onBook} aria-label={t('card.bookLabel', { name: title })}>
            {t('card.book')}
          </button>
        )}
        <button type="button" className="button" aria-pressed={liked} onClick={() => onFeedback('liked')} aria-label={t('card.likeLabel', { name: title })}>
          {liked ? t('card.liked') : t('card.like')}
        </button>
        <button type="button" className="button" aria-pressed={saved} onClick={() => onFeedback('saved')} aria-label={t('card.saveLabel', { name: title })}>
          {saved ? t('card.saved') : t('card.save')}
        </button>
      </div>
      {/* Setting a place aside is said more quietly: both can be undone, neither is the card's main action. */}
      <div className="card-aside">
        <button type="button" className="link-button" onClick={() => onFeedback('been_there')} aria-label={t('card.beenThereLabel', { name: title })}>
          {t('card.beenThere')}
        </button>
        <button type="button" className="link-button" onClick={() => onFeedback('dismissed')} aria-label={t('card.notInterestedLabel', { name: title })}>
          {t('card.notInterested')}
        </button>
        <details className="fewer-menu">
          <summary className="link-button" aria-label={t('card.fewerLabel', { name: title })}>
            {t('card.fewer')}
          </summary>
          <div className="fewer-options">
            <button type="button" className="button" onClick={() => onFewer({ kind: 'category', id: s.item.place.category })}>
              {t('card.fewerOf', { what: category.label })}
            </button>
            {tags.map((tag) => (
              <button key={tag} type="button" className="button" onClick={() => onFewer({ kind: 'tag', id: tag })}>
                {t('card.fewerOf', { what: tagLabel(tag, locale) })}
              </button>
            ))}
          </div>
        </details>
      </div>
    </article>
  );
}
