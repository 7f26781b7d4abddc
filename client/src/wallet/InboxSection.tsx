/**
 * E-mails forwarded to the wallet's address, waiting for the traveller: each one's preview (kept with the
 * same boxes as an uploaded file's) or why nothing could be read, then kept or dismissed. Reloaded when the
 * server announces a new one.
 */
import type { ImportConfirmed, InboxItem } from '@escale/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { ImportPreviewView, keptByDefault } from './ImportPreviewView.tsx';
import { confirmInboxItem, dismissInboxItem, getInbox } from './wallet-api.ts';

export function InboxSection({ announced, onSaved }: { announced: number; onSaved(result: ImportConfirmed): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [items, setItems] = useState<InboxItem[]>([]);
  const [kept, setKept] = useState<Record<string, Set<number>>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    getInbox().then(
      (body) => {
        setItems(body.items);
        setKept(Object.fromEntries(body.items.map((i) => [i.id, i.preview ? keptByDefault(i.preview) : new Set<number>()])));
      },
      () => undefined, // offline: the inbox waits on the server
    );
  }, []);
  useEffect(load, [load, announced]);

  if (items.length === 0) return null;
  const act = (work: Promise<unknown>) =>
    void work.then(load, (e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
    });
  const received = (at: string) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t('wallet.inbox.title', { count: items.length })}</h2>
      {error && (
        <p className="notice-error" role="alert">
          {error}
        </p>
      )}
      {items.map((item) => (
        <article key={item.id} className="inbox-item" aria-label={item.subject || item.sender}>
          <p className="inbox-from">
            <strong>{item.subject || t('wallet.inbox.noSubject')}</strong>
            <span className="muted">{t('wallet.inbox.from', { sender: item.sender, when: received(item.receivedAt) })}</span>
          </p>
          {item.preview && item.preview.drafts.length > 0 ? (
            <ImportPreviewView
              preview={item.preview}
              source={item.subject || item.sender}
              kept={kept[item.id] ?? new Set()}
              onKept={(next) => setKept({ ...kept, [item.id]: next })}
              onSave={() =>
                act(
                  confirmInboxItem(item.id, { drafts: item.preview!.drafts.filter((_, i) => kept[item.id]?.has(i)) }).then((result) => {
                    onSaved(result);
                  }),
                )
              }
              other={{ label: t('wallet.inbox.dismiss'), onClick: () => act(dismissInboxItem(item.id)) }}
            />
          ) : (
            <>
              <p className="notice-info">{item.refusal?.message ?? t('wallet.inbox.nothing')}</p>
              <button type="button" className="button" onClick={() => act(dismissInboxItem(item.id))}>
                {t('wallet.inbox.dismiss')}
              </button>
            </>
          )}
        </article>
      ))}
    </section>
  );
}
