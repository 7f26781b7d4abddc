/** Which language to show: the traveller's remembered choice first, then the browser's, then English. */
import { LOCALES, type Locale } from '@escale/shared';

export const LOCALE_STORAGE_KEY = 'escale.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The remembered choice, else the first browser language we speak, else null (the caller then uses the
 * traveller's own language once signed in, English before). `navigator.languages` lists regional tags
 * ("fr-CA"); only the primary subtag matters to us.
 */
export function matchLocale(stored: string | null, browserLanguages: readonly string[]): Locale | null {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

export function pickLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  return matchLocale(stored, browserLanguages) ?? 'en';
}
