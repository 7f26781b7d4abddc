/** Where the wallet shown comes from when it is not fresh from the server, and what is still to be sent. */
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import type { WalletPageProps } from './WalletScreen.tsx';

export function WalletStatus({ state }: { state: WalletPageProps['state'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const waiting = state.ops.filter((op) => op.problem === null).length;
  const saved =
    state.origin?.from === 'device' ? new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(state.origin.savedAt)) : null;
  return (
    <div className="wallet-status" role="status">
      {saved && <p className="notice-info">{t('wallet.offlineCopy', { when: saved })}</p>}
      {waiting > 0 && <p className="notice-info">{t('wallet.waiting', { count: waiting })}</p>}
      {state.failure && (
        <p className="notice-error">
          {state.failure.code === 'network' ? t('wallet.unreachable') : t('wallet.loadFailed', { message: state.failure.message })}{' '}
          <button type="button" className="link-button" onClick={() => void state.reload()}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {!state.wallet && !state.failure && <p className="muted">{t('app.loading')}</p>}
    </div>
  );
}
