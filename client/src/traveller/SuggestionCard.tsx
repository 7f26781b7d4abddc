/** One suggestion as a card: what, where, how far, open until when, why in one line, and two actions. */
import { renderEvidence, type Evidence, type Suggestion } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { categoryLabel, eventLine, hoursLine, walkLine, type Line } from './format.ts';

interface Props {
  suggestion: Suggestion;
  number: number;
  trigger: Evidence;
  timeZone: string;
  onWhy(): void;
  onDismiss(): void;
}

export function SuggestionCard({ suggestion: s, number, trigger, timeZone, onWhy, onDismiss }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const line = (l: Line | null) => (l ? t(l.key, l.params) : null);
  const category = categoryLabel(s, locale);
  const title = s.item.title;
  const facts = [line(walkLine(s, locale)), line(eventLine(s, timeZone)), line(hoursLine(s))].filter(Boolean);
  const promotion = s.promotion ? renderEvidence(s.promotion.label, locale) : null;

  return (
    <article className="card" data-testid="suggestion-card" id={`card-${s.id}`} tabIndex={-1} aria-labelledby={`card-title-${s.id}`}>
      <header className="card-head">
        <span className="card-number" aria-label={t('card.number', { number })}>
          {number}
        </span>
        <h3 className="card-title" id={`card-title-${s.id}`}>
          {title}
        </h3>
      </header>
      {s.promotion && (
        // Promotions are always disclosed with the agency's name, never folded into another line.
        <p className="badge-promoted">
          {promotion?.includes(s.promotion.agencyName) ? promotion : `${promotion} · ${s.promotion.agencyName}`}
        </p>
      )}
      <p className="card-category">
        <span aria-hidden="true">{category.icon}</span> {category.label}
        {s.item.kind !== 'place' && ` · ${t('card.atPlace', { place: s.item.place.name })}`}
      </p>
      <p className="card-facts">{facts.join(' · ')}</p>
      <p className="card-reason">{renderEvidence(s.reason, locale)}</p>
      <p className="card-trigger">{renderEvidence(trigger, locale)}</p>
      <div className="card-actions">
        <button type="button" className="button button-primary" onClick={onWhy} aria-label={t('card.whyLabel', { name: title })}>
          {t('card.why')}
        </button>
        <button type="button" className="button" onClick={onDismiss} aria-label={t('card.notInterestedLabel', { name: title })}>
          {t('card.notInterested')}
        </button>
      </div>
    </article>
  );
}
