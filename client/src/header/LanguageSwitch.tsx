/** EN / FR toggle. The choice is remembered and applied to `<html lang>` (see i18n.ts). */
import { LOCALES } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n/i18n.ts';
import { useLocale } from '../i18n/use-locale.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLocale();
  return (
    <div className="language" role="group" aria-label={t('header.language')}>
      {LOCALES.map((locale) => (
        <button key={locale} type="button" lang={locale} className="language-option" aria-pressed={locale === current} onClick={() => setLocale(locale)}>
          {locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
