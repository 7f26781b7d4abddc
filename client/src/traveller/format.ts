/** Pure formatting for cards and the Why panel, kept out of components so it is testable in node. */
import { CATEGORY_LABELS, type CategoryId, formatDistance, formatLocalTime, type Locale, type SignalContribution, type SignalId, type Suggestion } from '@escale/shared';

/** A translation key and its parameters, resolved by the component with i18next. */
export interface Line {
  key: string;
  params?: Record<string, string | number>;
}

/** A price in its currency, as the reader's language writes it ("€12.50", « 12,50 € », "CHF 12.50"). */
export function formatPrice(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).format(amount);
}

export function walkLine(s: Suggestion, locale: Locale): Line | null {
  if (s.distanceMeters === null || s.walkMinutes === null) return null;
  return { key: 'card.walk', params: { distance: formatDistance(s.distanceMeters, locale), minutes: s.walkMinutes } };
}

/** "hours unknown" is said plainly: a place without hours is never presented as open. */
export function hoursLine(s: Suggestion): Line {
  if (!s.hoursKnown) return { key: 'card.hoursUnknown' };
  if (s.openUntil) return { key: 'card.openUntil', params: { time: s.openUntil } };
  return { key: 'card.openAllDay' };
}

/** Event times are shown on the city's clock, whatever the phone's time zone is. */
export function eventLine(s: Suggestion, timeZone: string): Line | null {
  if (!s.item.startsAt) return null;
  return { key: 'card.startsAt', params: { time: formatLocalTime(new Date(s.item.startsAt), timeZone) } };
}

export function categoryLabel(s: Suggestion, locale: Locale): { id: CategoryId; label: string } {
  const id = s.item.place.category;
  return { id, label: CATEGORY_LABELS[id][locale] };
}

export function percent(share: number): number {
  return Math.round(share * 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** The driving signal first (the panel names it), then the others by how much they counted. */
export function orderedContributions(contributions: SignalContribution[], driver: SignalId): SignalContribution[] {
  return [...contributions].sort((a, b) => Number(b.signal === driver) - Number(a.signal === driver) || b.share - a.share);
}

/** Rows the Why panel shows at first: those that counted (1 % or more), the driver always. */
export function countedContributions(ordered: SignalContribution[], driver: SignalId): SignalContribution[] {
  return ordered.filter((c) => c.signal === driver || percent(c.share) >= 1);
}

/**
 * The Why panel's first sentence, as translation keys: the driver's reason and, when another signal
 * counted for at least a fifth of the score, that one too.
 */
export function leadReasons(s: Suggestion): { main: SignalContribution | undefined; also: SignalContribution | undefined } {
  const main = s.contributions.find((c) => c.signal === s.driver);
  const also = [...s.contributions].filter((c) => c.signal !== s.driver && c.share >= 0.2).sort((a, b) => b.share - a.share)[0];
  return { main, also };
}
