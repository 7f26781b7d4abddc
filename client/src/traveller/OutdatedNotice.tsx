/**
 * Shown when the server refused this build's protocol: the socket has stopped for good, and only loading
 * the new app helps. Said once, with the one action that fixes it.
 */
import { useTranslation } from 'react-i18next';

export function OutdatedNotice() {
  const { t } = useTranslation();
  return (
    <div className="notice notice-action" role="alert">
      <p>{t('traveller.outdated')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('traveller.reload')}
      </button>
    </div>
  );
}
