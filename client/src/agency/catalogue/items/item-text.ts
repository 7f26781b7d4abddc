/** How an event, offer or promotion is named and dated in the console's table and editor. */
import type { CatalogueItemKind, Locale } from '@escale/shared';
import type { TFunction } from 'i18next';
import type { AdminItemOf } from '../catalogue-api.ts';

type AnyItem = AdminItemOf<CatalogueItemKind>;

/** An event's or offer's title; a promotion's label, or what it promotes when it has none. */
export function itemTitle(item: AnyItem, t: TFunction): string {
  if ('title' in item) return item.title;
  return item.label ?? t('items.unlabelled', { target: item.targetTitle ?? '—' });
}

/** The span in the city's time: an event's, an offer's sale (either side may be open), a promotion's window. */
export function whenOf(item: AnyItem, timeZone: string, locale: Locale, t: TFunction): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const at = (iso: string) => format.format(new Date(iso));
  if ('saleStartsAt' in item) {
    if (!item.saleStartsAt && !item.saleEndsAt) return t('items.alwaysOnSale');
    if (!item.saleEndsAt) return t('items.onSaleFrom', { from: at(item.saleStartsAt!) });
    if (!item.saleStartsAt) return t('items.onSaleUntil', { until: at(item.saleEndsAt) });
    return format.formatRange(new Date(item.saleStartsAt), new Date(item.saleEndsAt));
  }
  return format.formatRange(new Date(item.startsAt), new Date(item.endsAt));
}
