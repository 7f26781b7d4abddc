/**
 * "Forward it": the traveller's private address for confirmation e-mails. The server keeps only a hash of
 * it, so it is shown once, when made; a lost address is replaced (the old one stops working at once). The
 * traveller may also name the only senders accepted.
 */
import { type ForwardingBody } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/api.ts';
import { getForwarding, rotateForwarding, saveAllowedSenders } from './wallet-api.ts';

export function ForwardingSection() {
  const { t } = useTranslation();
  const [forwarding, setForwarding] = useState<ForwardingBody | null>(null);
  const [senders, setSenders] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const show = (body: ForwardingBody) => {
    setForwarding(body);
    setSenders(body.allowedSenders.join('\n'));
  };
  const fail = (error: unknown) => setMessage(error instanceof ApiFailure && error.code === 'network' ? t('wallet.forwarding.offline') : String((error as Error).message ?? error));

  useEffect(() => {
    getForwarding().then(show, fail);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the section appears

  if (!forwarding) return message ? <p className="notice-error">{message}</p> : null;
  if (!forwarding.enabled) return <p className="muted">{t('wallet.forwarding.off')}</p>;

  async function saveSenders() {
    setMessage(null);
    const allowedSenders = senders
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      show(await saveAllowedSenders({ allowedSenders }));
      setMessage(t('wallet.forwarding.sendersSaved'));
    } catch (error) {
      fail(error);
    }
  }

  return (
    <section className="forwarding" aria-labelledby="forwarding-title">
      <h2 id="forwarding-title">{t('wallet.forwarding.title')}</h2>
      <p>{t('wallet.forwarding.intro')}</p>
      {forwarding.address ? (
        <div className="forwarding-address">
          <code data-testid="forwarding-address">{forwarding.address}</code>
          <button
            type="button"
            className="button"
            onClick={() =>
              void navigator.clipboard?.writeText(forwarding.address!).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? t('wallet.forwarding.copied') : t('wallet.forwarding.copy')}
          </button>
          <p className="muted">{t('wallet.forwarding.onlyOnce')}</p>
        </div>
      ) : (
        <p className="muted">{t('wallet.forwarding.hidden')}</p>
      )}
      <button type="button" className="button" onClick={() => void rotateForwarding().then(show, fail)}>
        {forwarding.address ? t('wallet.forwarding.rotate') : t('wallet.forwarding.newAddress')}
      </button>
      <details className="forwarding-senders">
        <summary>{t('wallet.forwarding.sendersTitle')}</summary>
        <label htmlFor="allowed-senders">{t('wallet.forwarding.sendersHelp')}</label>
        <textarea id="allowed-senders" className="input" rows={3} value={senders} onChange={(e) => setSenders(e.target.value)} />
        <button type="button" className="button" onClick={() => void saveSenders()}>
          {t('wallet.forwarding.saveSenders')}
        </button>
      </details>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
