/**
 * Importing what the traveller already has (a confirmation e-mail, a calendar, a wallet pass): the server
 * reads the file and answers what it found; nothing is saved until the traveller has seen the preview and
 * kept what they want. Repeats of bookings already in the wallet are shown, unticked; what could not be read
 * is listed with the reason, never guessed.
 */
import type { ImportConfirmed, ImportPreview } from '@escale/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiFailure } from '../api/api.ts';
import { PATHS } from '../app/paths.ts';
import { ForwardingSection } from './ForwardingSection.tsx';
import { ImportPreviewView, keptByDefault } from './ImportPreviewView.tsx';
import { InboxSection } from './InboxSection.tsx';
import { confirmImport, previewImport } from './wallet-api.ts';
import type { WalletPageProps } from './WalletScreen.tsx';

const ACCEPT = '.eml,.ics,.pkpass,.pkpasses,.html,.htm,.json,message/rfc822,text/calendar,application/vnd.apple.pkpass';

type Step = { name: 'choose' } | { name: 'reading'; file: string } | { name: 'preview'; preview: ImportPreview; kept: Set<number> } | { name: 'saving' } | { name: 'done'; result: ImportConfirmed };

export function ImportPage({ state, consent, inboxCount }: WalletPageProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);

  if (!consent) return <p className="wallet-page notice-info">{t('wallet.consentOff')}</p>;

  async function read(file: File) {
    setError(null);
    setStep({ name: 'reading', file: file.name });
    try {
      const preview = await previewImport(file);
      setStep({ name: 'preview', preview, kept: keptByDefault(preview) });
    } catch (failure) {
      setError(messageOf(failure));
      setStep({ name: 'choose' });
    }
  }

  async function save(preview: ImportPreview, kept: Set<number>) {
    setError(null);
    setStep({ name: 'saving' });
    try {
      const result = await confirmImport({ drafts: preview.drafts.filter((_, i) => kept.has(i)) });
      setStep({ name: 'done', result });
      void state.reload();
    } catch (failure) {
      setError(messageOf(failure));
      setStep({ name: 'preview', preview, kept });
    }
  }

  function messageOf(failure: unknown): string {
    if (failure instanceof ApiFailure && failure.code === 'network') return t('wallet.importer.offline');
    return failure instanceof Error ? failure.message : String(failure);
  }

  return (
    <section className="wallet-page import" aria-labelledby="import-title">
      <Link className="back-link" to={PATHS.wallet}>
        ← {t('wallet.back')}
      </Link>
      <h1 id="import-title">{t('wallet.importer.title')}</h1>
      <InboxSection
        announced={inboxCount}
        onSaved={(result) => {
          setStep({ name: 'done', result });
          void state.reload();
        }}
      />
      {error && (
        <p className="notice-error" role="alert">
          {error}
        </p>
      )}
      {(step.name === 'choose' || step.name === 'reading') && (
        <>
          <p>{t('wallet.importer.intro')}</p>
          <label className="file-drop">
            <span className="file-drop-title">{step.name === 'reading' ? t('wallet.importer.reading', { file: step.file }) : t('wallet.importer.choose')}</span>
            <span className="muted">{t('wallet.importer.kinds')}</span>
            <input
              type="file"
              accept={ACCEPT}
              disabled={step.name === 'reading'}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = ''; // the same file may be chosen again
                if (file) void read(file);
              }}
            />
          </label>
        </>
      )}
      {step.name === 'preview' && (
        <ImportPreviewView
          preview={step.preview}
          kept={step.kept}
          onKept={(kept) => setStep({ ...step, kept })}
          onSave={() => void save(step.preview, step.kept)}
          other={{ label: t('wallet.importer.another'), onClick: () => setStep({ name: 'choose' }) }}
        />
      )}
      {step.name === 'saving' && <p role="status">{t('wallet.importer.saving')}</p>}
      {step.name === 'done' && (
        <div className="import-done" role="status">
          <p>{t('wallet.importer.saved', { count: step.result.created.length })}</p>
          {step.result.duplicates > 0 && <p>{t('wallet.importer.alreadyThere', { count: step.result.duplicates })}</p>}
          <div className="form-actions">
            <Link className="button button-primary" to={PATHS.wallet}>
              {t('wallet.importer.seeWallet')}
            </Link>
            <button type="button" className="button" onClick={() => setStep({ name: 'choose' })}>
              {t('wallet.importer.another')}
            </button>
          </div>
        </div>
      )}
      <ForwardingSection />
    </section>
  );
}
