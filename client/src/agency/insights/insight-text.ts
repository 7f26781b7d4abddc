/** How the insights screen words its buckets, groups and figures, in the reader's language. */
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId, type InsightBucket, type InsightFigure, type InsightGrouping, type Locale } from '@escale/shared';
import type { TFunction } from 'i18next';

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
/** Days as the rest of the app writes them: British English ("Mon 23 Nov"), French « lun. 23 nov. ». */
const dates = (locale: Locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { ...options, timeZone: 'UTC' });

/** "24 Nov" / « 24 nov. »: an axis's tick. */
export function tickLabel(day: string, locale: Locale): string {
  return dates(locale, { day: 'numeric', month: 'short' }).format(asDate(day));
}

/** "Tue 24 Nov" / « mar. 24 nov. », or "Week of 23 Nov" / « Semaine du 23 nov. ». */
export function bucketLabel(day: string, bucket: InsightBucket, locale: Locale, t: TFunction): string {
  if (bucket === 'week') return t('insights.weekOf', { day: tickLabel(day, locale) });
  return dates(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(asDate(day));
}

/** "24 Nov 2026 – 21 Dec 2026", for the charts' titles. */
export function rangeLabel(from: string, to: string, locale: Locale): string {
  const format = dates(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${format.format(asDate(from))} – ${format.format(asDate(to))}`;
}

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** A group as the reader knows it: the category's or the signal's name in their language, the place's name. */
export function groupLabel(by: InsightGrouping, key: string, label: string, locale: Locale, t: TFunction): string {
  if (by === 'category') return (CATEGORY_IDS as readonly string[]).includes(key) ? CATEGORY_LABELS[key as CategoryId][locale] : key;
  if (by === 'signal') return capitalised(t(`signal.${key}`, { defaultValue: key }));
  return label;
}

/** A figure as text: the number, or "fewer than 5 travellers" (never a zero, which it may not be). */
export function figureText(f: InsightFigure, minTravellers: number, locale: Locale, t: TFunction): string {
  return f.hidden ? t('insights.hidden', { min: minTravellers }) : new Intl.NumberFormat(locale).format(f.value);
}

/** "7 travellers", or "fewer than 5 travellers". */
export function travellersText(f: InsightFigure, minTravellers: number, locale: Locale, t: TFunction): string {
  return f.hidden ? figureText(f, minTravellers, locale, t) : t('insights.travellers', { count: f.value, value: figureText(f, minTravellers, locale, t) });
}

/**
 * A chart's text alternative: its busiest bucket, its total, and how many buckets are hidden. Said the same
 * way under the chart, for everyone.
 */
export function chartSummary(p: { figures: InsightFigure[]; names: string[]; total: InsightFigure; minTravellers: number; locale: Locale; t: TFunction }): string {
  const { figures, names, total, minTravellers, locale, t } = p;
  const number = new Intl.NumberFormat(locale);
  const hidden = figures.filter((f) => f.hidden).length;
  if (hidden === figures.length) return t('insights.summaryNone', { min: minTravellers });
  let peak = 0;
  figures.forEach((f, i) => {
    if ((f.value ?? 0) > (figures[peak]!.value ?? 0)) peak = i;
  });
  const parts = [
    t('insights.summaryTotal', { value: travellersText(total, minTravellers, locale, t) }),
    t('insights.summaryPeak', { count: figures[peak]!.value ?? 0, value: number.format(figures[peak]!.value ?? 0), when: names[peak] }),
  ];
  if (hidden > 0) parts.push(t('insights.summaryHidden', { hidden, total: figures.length, min: minTravellers }));
  return parts.join(' ');
}
