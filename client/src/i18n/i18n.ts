/**
 * i18next set-up. The chosen language is remembered in localStorage and mirrored on `<html lang>` so
 * screen readers pronounce the page in the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@escale/shared';
import en from './en.json';
import fr from './fr.json';
import { LOCALE_STORAGE_KEY, isLocale, matchLocale } from './locale.ts';

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (private mode, strict settings); the browser language still works
  }
}

/** Whether the language was chosen (remembered, or the browser's); if not, the traveller's own is used. */
let chosen = false;

export async function initI18n(): Promise<void> {
  const matched = matchLocale(readStoredLocale(), navigator.languages ?? [navigator.language]);
  chosen = matched !== null;
  const lng = matched ?? 'en';
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: 'en',
    // React escapes what it renders; escaping twice would show "&amp;" in names.
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
}

/**
 * A browser in a language we do not speak (say Italian) shows English until someone signs in; then the
 * traveller's own language (a French persona's French) is the better guess. A chosen language stays.
 */
export function adoptTravellerLocale(locale: Locale): void {
  if (!chosen && i18next.language !== locale) void i18next.changeLanguage(locale);
}

export function setLocale(locale: Locale): void {
  chosen = true;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  void i18next.changeLanguage(locale);
}

/** The current language as the shared evidence templates expect it. */
export function currentLocale(language: string | undefined): Locale {
  return isLocale(language) ? language : 'en';
}
