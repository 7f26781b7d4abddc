/**
 * What an import found, before anything is saved: each booking with a box to keep it (repeats of wallet
 * bookings shown and unticked), what the source said to check, a pass's integrity, and what was not
 * imported with the reason. Shared by a chosen file and a forwarded e-mail.
 */
import { type ImportDraft, type ImportPreview, renderEvidence } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { dateTimeIn } from './booking-format.ts';
import { KindIcon } from './KindIcon.tsx';

interface Props {
  preview: ImportPreview;
  kept: Set<number>;
  onKept(kept: Set<number>): void;
  onSave(): void;
  /** The other way out: another file, or dismissing a forwarded e-mail. */
  other: { label: string; onClick(): void };
  /** What the preview is of, when not a file the traveller chose (a forwarded e-mail's subject). */
  source?: string;
}

/** Everything new is kept by default; a repeat of a booking already in the wallet is not. */
export const keptByDefault = (preview: ImportPreview) => new Set(preview.drafts.flatMap((d, i) => (d.duplicateOf ? [] : [i])));

export function ImportPreviewView({ preview, kept, onKept, onSave, other, source }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toggle = (i: number) => {
    const next = new Set(kept);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    onKept(next);
  };
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>{t('wallet.importer.found', { count: preview.drafts.length, file: source ?? preview.fileName })}</p>
      {preview.passes.map((pass, i) => (
        <p key={i} className="notice-info">
          {t(`wallet.importer.manifest.${pass.manifest}`)} {t(`wallet.importer.signature.${pass.signature}`)}
        </p>
      ))}
      <ul className="draft-list">
        {preview.drafts.map((draft, i) => (
          <li key={draft.fingerprint + i}>
            <DraftRow draft={draft} checked={kept.has(i)} onToggle={() => toggle(i)} />
          </li>
        ))}
      </ul>
      {preview.skipped.length > 0 && (
        <section aria-labelledby="skipped-title">
          <h2 id="skipped-title">{t('wallet.importer.skipped', { count: preview.skipped.length })}</h2>
          <ul className="skipped-list">
            {preview.skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.what}</strong>: {renderEvidence(s.reason, locale)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={kept.size === 0} onClick={onSave}>
          {t('wallet.importer.add', { count: kept.size })}
        </button>
        <button type="button" className="button" onClick={other.onClick}>
          {other.label}
        </button>
      </div>
    </div>
  );
}

function DraftRow({ draft, checked, onToggle }: { draft: ImportDraft; checked: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = `draft-${draft.fingerprint}`;
  return (
    <div className="draft">
      <input id={id} type="checkbox" checked={checked} onChange={onToggle} />
      <label htmlFor={id} className="draft-label">
        <KindIcon kind={draft.kind} />
        <span>
          <span className="booking-kind">{t(`wallet.kind.${draft.kind}`)}</span>
          <span className="booking-title">{draft.title}</span>
          <span className="booking-facts">{dateTimeIn(draft.startsAt, draft.timezone, locale)}</span>
          {draft.duplicateOf && <span className="badge">{t('wallet.importer.duplicate')}</span>}
          {draft.warnings.map((w, i) => (
            <span key={i} className="draft-warning">
              {renderEvidence(w, locale)}
            </span>
          ))}
        </span>
      </label>
    </div>
  );
}
