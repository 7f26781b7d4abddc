/** The current language as a shared `Locale`, for renderEvidence and the category labels. */
import type { Locale } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { currentLocale } from './i18n.ts';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return currentLocale(i18n.resolvedLanguage ?? i18n.language);
}
