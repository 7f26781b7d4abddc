/**
 * Preview: what a demo persona, or an anonymous traveller who shares only where they are, would be
 * suggested at a place and a time, ranked with the agency's settings, each idea with why (the share of
 * every signal that counted, its evidence and the personal data it read). Nothing is stored.
 */
import { type ClientConfig, type PersonaSummary, type PlacesCollection, type PreviewResult, renderEvidence, toZonedIso, zonedTimeToUtc } from '@escale/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getConfig, getPersonas, getPlaces } from '../api/api.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { failureText } from '../profile/failure-text.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { previewFeed } from './agency-api.ts';

const ANONYMOUS = '';

export function PreviewScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [config, setConfig] = useState<ClientConfig | null>(null);
  const [personas, setPersonas] = useState<PersonaSummary[]>([]);
  const [places, setPlaces] = useState<PlacesCollection['features']>([]);
  const [form, setForm] = useState({ persona: ANONYMOUS, place: '', date: '', time: '19:00' });
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([getConfig(), getPersonas(), getPlaces()]).then(
      ([c, p, pl]) => {
        setConfig(c);
        setPersonas(p.personas);
        setPlaces(pl.features);
        setForm((f) => ({ ...f, date: new Date().toISOString().slice(0, 10) }));
      },
      (e: unknown) => setError(failureText(e, t)),
    );
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!config) return;
    const place = places.find((p) => p.properties.name === form.place.trim());
    if (!place) return setError(t('agency.previewNoPlace'));
    const [year, month, day] = form.date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = form.time.split(':').map(Number) as [number, number];
    const zone = config.city.timezone;
    setBusy(true);
    try {
      const [lon, lat] = place.geometry.coordinates;
      setResult(await previewFeed({ persona: form.persona || null, lat, lon, at: toZonedIso(zonedTimeToUtc({ year, month, day, hour, minute }, zone), zone) }));
      setError(null);
    } catch (err) {
      setError(failureText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });

  return (
    <div className="page console-page">
      <h1>{t('agency.preview')}</h1>
      <p className="lead">{t('agency.previewLead')}</p>
      <ErrorNotice error={error} />
      <form className="mydata-section console-form console-form-row" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label className="field-label" htmlFor="preview-who">
            {t('agency.previewWho')}
          </label>
          <select id="preview-who" className="input" value={form.persona} onChange={(e) => setForm({ ...form, persona: e.target.value })}>
            <option value={ANONYMOUS}>{t('agency.previewAnonymous')}</option>
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="preview-place">
            {t('agency.previewWhere')}
          </label>
          <input id="preview-place" className="input" list="preview-places" required value={form.place} onChange={(e) => setForm({ ...form, place: e.target.value })} />
          <datalist id="preview-places">
            {places.map((p) => (
              <option key={p.id} value={p.properties.name} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="preview-date">
            {t('agency.previewDate')}
          </label>
          <input id="preview-date" className="input" type="date" required value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="preview-time">
            {t('agency.previewTime')}
          </label>
          <input id="preview-time" className="input" type="time" required value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} />
        </div>
        <button type="submit" className="button button-primary" disabled={busy || !config}>
          {t('agency.previewShow')}
        </button>
      </form>
      {result && (
        <section aria-labelledby="preview-result">
          <h2 id="preview-result">{t('agency.previewResult', { count: result.items.length })}</h2>
          <p className="muted">
            {t('agency.previewConsents', {
              list:
                (Object.keys(result.consents) as (keyof typeof result.consents)[])
                  .filter((k) => result.consents[k])
                  .map((k) => t(`consent.${k}`))
                  .join(', ') || t('agency.previewNone'),
            })}
          </p>
          <ol className="preview-list">
            {result.items.map((s) => (
              <li key={s.id} className="mydata-section">
                <h3>{s.item.title}</h3>
                <p className="muted">
                  {t(`agency.previewKind.${s.item.kind}`)} · {s.item.place.name}
                  {s.distanceMeters !== null && ` · ${Math.round(s.distanceMeters)} m`}
                  {s.promotion && <strong className="badge-promoted"> · {renderEvidence(s.promotion.label, locale)}</strong>}
                </p>
                <p>{renderEvidence(s.reason, locale)}</p>
                <table className="console-table preview-why">
                  <caption className="visually-hidden">{t('agency.previewWhy', { title: s.item.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('agency.previewSignal')}</th>
                      <th scope="col">{t('agency.previewShare')}</th>
                      <th scope="col">{t('agency.previewEvidence')}</th>
                      <th scope="col">{t('agency.previewData')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.contributions
                      .filter((c) => c.share > 0)
                      .sort((a, b) => b.share - a.share)
                      .map((c) => (
                        <tr key={c.signal}>
                          <th scope="row">{t(`signal.${c.signal}`)}</th>
                          <td>{percent.format(c.share)}</td>
                          <td>{renderEvidence(c.evidence, locale)}</td>
                          <td>{c.personalData.map((d) => renderEvidence(d.evidence, locale)).join('; ') || t('agency.previewNoData')}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
