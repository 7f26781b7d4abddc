/**
 * i18next set-up. The chosen language is remembered in localStorage and mirrored on `<html lang>` so
 * screen readers pronounce the page in the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@escale/shared';
import en from './en.json';
import fr from './fr.json';
import { LOCALE_STORAGE_KEY, isLocale, pickLocale } from './locale.ts';

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (private mode, strict settings); the browser language still works
  }
}

export async function initI18n(): Promise<void> {
  const lng = pickLocale(readStoredLocale(), navigator.languages ?? [navigator.language]);
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

export function setLocale(locale: Locale): void {
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
