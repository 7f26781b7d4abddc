/** "Open now" on the place sheet, as a translation key and parameters (dates written as dates, in the locale). */
import type { Locale, PlaceOpenNow } from '@escale/shared';
import type { Line } from '../traveller/format.ts';

/** "Wednesday 25 November" / "mercredi 25 novembre" for a local "YYYY-MM-DD" (a calendar date, no zone). */
export function formatWeekdayDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function openNowLine(open: PlaceOpenNow, locale: Locale): Line {
  switch (open.kind) {
    case 'unknown':
      return { key: 'places.hoursUnknown' };
    case 'open':
      return open.until ? { key: 'places.openUntil', params: { time: open.until } } : { key: 'places.open24' };
    case 'closed':
      if (!open.opensAt) return { key: 'places.closedThisWeek' };
      if (!open.opensDay) return { key: 'places.closedOpensAt', params: { time: open.opensAt } };
      return { key: 'places.closedOpensOn', params: { time: open.opensAt, day: formatWeekdayDate(open.opensDay, locale) } };
  }
}
