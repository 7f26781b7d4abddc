/** A stored instant as the reader says it: "4 Dec 2026, 18:02" / « 4 déc. 2026, 18:02 ». */
import type { Locale } from '@escale/shared';

export function formatWhen(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
