/**
 * Importing a file: pick it, run a dry run (nothing is written) and read what would be created, updated
 * and rejected, with the reason for each rejected row; then apply it, all or nothing, as drafts. When the
 * places are far from every known city, the server asks for the city: its name and time zone are asked here.
 */
import { CATALOGUE_IMPORT_LIMITS, type CatalogueImportReport, type CatalogueImportTarget, type ImportReasonCode, importReasonText } from '@escale/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { failureText } from '../../profile/failure-text.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ImportRefusal, importFile, type ImportStep } from './catalogue-api.ts';

type Stage = { kind: 'idle' } | { kind: 'working'; mode: 'dry-run' | 'apply'; step: ImportStep } | { kind: 'report'; report: CatalogueImportReport };

export function ImportPanel({ onApplied }: { onApplied(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [needsCity, setNeedsCity] = useState(false);
  const [city, setCity] = useState({ cityName: '', timezone: '' });

  const run = async (mode: 'dry-run' | 'apply', expect?: string) => {
    if (!file) return;
    setError(null);
    setStage({ kind: 'working', mode, step: { phase: 'uploading', share: 0, done: 0 } });
    const target: CatalogueImportTarget = { mode, ...(expect ? { expect } : {}), ...(needsCity ? { cityName: city.cityName.trim(), timezone: city.timezone.trim() } : {}) };
    try {
      const report = await importFile(file, target, (step) => setStage({ kind: 'working', mode, step }));
      setStage({ kind: 'report', report });
      if (mode === 'apply') onApplied();
    } catch (e) {
      setStage({ kind: 'idle' });
      if (e instanceof ImportRefusal) {
        if (e.reason === 'city_needed') setNeedsCity(true);
        setError(e.message);
      } else setError(failureText(e, t));
    }
  };

  const report = stage.kind === 'report' ? stage.report : null;
  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('catalogue.import.title')}</h2>
      <p className="muted">{t('catalogue.import.formats', { mb: CATALOGUE_IMPORT_LIMITS.maxBytes / 1048576 })}</p>
      <div className="field">
        <label htmlFor="import-file">{t('catalogue.import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".pbf,.osm,.bz2,.xml,.geojson,.json,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setStage({ kind: 'idle' });
            setNeedsCity(false);
            setError(null);
          }}
        />
      </div>
      {needsCity && (
        <div className="field-row">
          <div className="field">
            <label htmlFor="import-city">{t('catalogue.import.cityName')}</label>
            <input id="import-city" value={city.cityName} onChange={(e) => setCity({ ...city, cityName: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="import-zone">{t('catalogue.import.timezone')}</label>
            <input id="import-zone" placeholder="Europe/Vaduz" value={city.timezone} onChange={(e) => setCity({ ...city, timezone: e.target.value })} />
          </div>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button button-primary" disabled={!file || stage.kind === 'working'} onClick={() => void run('dry-run')}>
          {t('catalogue.import.dryRun')}
        </button>
      </div>
      {stage.kind === 'working' && (
        <div className="import-progress" role="status">
          {/* No value: an indeterminate bar, while the file's elements are counted as they are read. */}
          <progress max={1} {...(stage.step.share === null ? {} : { value: stage.step.share })} aria-label={t('catalogue.import.progress')} />
          <span>
            {stage.step.share === null
              ? t('catalogue.import.steps.elements', { count: stage.step.done, formatted: number.format(stage.step.done) })
              : t(`catalogue.import.steps.${stage.step.phase}`, { percent: Math.round(stage.step.share * 100) })}
          </span>
        </div>
      )}
      <ErrorNotice error={error} />
      {report && (
        <div className="import-report" data-testid="import-report">
          <h3>{report.mode === 'applied' ? t('catalogue.import.applied', { city: report.city.name }) : t('catalogue.import.wouldDo', { city: report.city.name })}</h3>
          {report.city.isNew && <p>{t('catalogue.import.newCity', { city: report.city.name, zone: report.city.timezone })}</p>}
          <dl className="console-counts">
            {(['created', 'updated', 'unchanged', 'rejected', 'ignored', 'warnings'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`catalogue.import.counts.${k}`)}</dt>
                <dd>{number.format(report.counts[k])}</dd>
              </div>
            ))}
          </dl>
          {report.rejected.length > 0 && (
            <details open={report.rejected.length <= 20}>
              <summary>{t('catalogue.import.rejectedRows', { count: report.counts.rejected })}</summary>
              <ul className="import-rows">
                {report.rejected.map((r) => (
                  <li key={r.ref}>
                    <strong>{r.name ?? r.ref}</strong> <span className="muted">({r.ref})</span>: {importReasonText(r.code, r.values, locale)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {report.updated.length > 0 && (
            <details>
              <summary>{t('catalogue.import.updatedRows', { count: report.counts.updated })}</summary>
              <ul className="import-rows">
                {report.updated.map((r) => (
                  <li key={r.externalId}>
                    {r.name}: {r.changes.map((c) => t(`catalogue.fields.${c}`)).join(', ')}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {report.warnings.length > 0 && (
            <details>
              <summary>{t('catalogue.import.warningRows', { count: report.counts.warnings })}</summary>
              <ul className="import-rows">
                {report.warnings.map((w) => (
                  <li key={w.ref}>
                    <strong>{w.name ?? w.ref}</strong>: {importReasonText(w.code, w.values, locale)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {Object.keys(report.ignored).length > 0 && (
            <p className="muted">
              {t('catalogue.import.ignoredNote')}{' '}
              {(Object.entries(report.ignored) as [ImportReasonCode, number][]).map(([code, n]) => `${importReasonText(code, {}, locale)}: ${number.format(n)}`).join('; ')}
            </p>
          )}
          {report.mode === 'dry-run' && report.counts.created + report.counts.updated > 0 && (
            <div className="actions">
              <button type="button" className="button button-primary" onClick={() => void run('apply', report.planDigest)}>
                {t('catalogue.import.apply', { count: report.counts.created + report.counts.updated })}
              </button>
              <span className="muted">{t('catalogue.import.applyNote')}</span>
            </div>
          )}
          {report.mode === 'applied' && <p>{t('catalogue.import.nextPublish')}</p>}
        </div>
      )}
    </section>
  );
}
