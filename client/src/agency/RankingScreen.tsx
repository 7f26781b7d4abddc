/**
 * How the ranking is tuned for the agency's travellers: each signal's weight within its bounds (a number
 * field and a slider, the default beside it) and how far a promotion may lift an idea. Admins change them;
 * other staff read them. Travellers see the weights actually used in every Why panel.
 */
import { type AgencyRanking, type AgencyRankingBody, SIGNAL_IDS, type SignalId } from '@escale/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { failureText } from '../profile/failure-text.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { getRanking, putRanking } from './agency-api.ts';

export function RankingScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [body, setBody] = useState<AgencyRankingBody | null>(null);
  const [draft, setDraft] = useState<AgencyRanking | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(failureText(e, t)), [t]);
  useEffect(
    () =>
      void getRanking().then((b) => {
        setBody(b);
        setDraft(b.settings);
      }, fail),
    [fail],
  );
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });

  const setWeight = (id: SignalId, value: number) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, weights: { ...d.weights, [id]: value } } : d));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    putRanking(draft).then((b) => {
      setBody(b);
      setDraft(b.settings);
      setError(null);
      setSaved(true);
    }, fail);
  };

  return (
    <div className="page console-page">
      <h1>{t('agency.ranking')}</h1>
      <p className="lead">{t('agency.rankingLead')}</p>
      <ErrorNotice error={error} />
      {body && draft && (
        <form className="mydata-section ranking-form" onSubmit={submit}>
          <fieldset disabled={!canEdit}>
            <legend>{t('agency.weights')}</legend>
            {SIGNAL_IDS.map((id) => {
              const bounds = body.bounds[id]!;
              const fieldId = `weight-${id}`;
              return (
                <div key={id} className="weight-row">
                  <label htmlFor={fieldId}>{t(`signal.${id}`)}</label>
                  <input
                    type="range"
                    min={bounds.min}
                    max={bounds.max}
                    step={0.05}
                    value={draft.weights[id]}
                    onChange={(e) => setWeight(id, Number(e.target.value))}
                    aria-label={t('agency.weightSlider', { signal: t(`signal.${id}`) })}
                  />
                  <input id={fieldId} className="input" type="number" min={bounds.min} max={bounds.max} step="any" value={draft.weights[id]} onChange={(e) => setWeight(id, Number(e.target.value))} />
                  <span className="muted">{t('agency.weightBounds', { min: bounds.min, max: bounds.max, value: body.defaults.weights[id] })}</span>
                </div>
              );
            })}
          </fieldset>
          <fieldset disabled={!canEdit}>
            <legend>{t('agency.promotionLift')}</legend>
            <div className="weight-row">
              <label htmlFor="promotion-lift">{t('agency.promotionLiftLabel')}</label>
              <input
                type="range"
                min={0}
                max={body.promotionLiftMax}
                step={0.05}
                value={draft.promotionLift}
                onChange={(e) => {
                  setSaved(false);
                  setDraft({ ...draft, promotionLift: Number(e.target.value) });
                }}
                aria-label={t('agency.promotionLiftLabel')}
              />
              <output id="promotion-lift">{percent.format(draft.promotionLift)}</output>
              <span className="muted">{t('agency.promotionLiftHelp', { max: percent.format(body.promotionLiftMax) })}</span>
            </div>
          </fieldset>
          {canEdit ? (
            <div className="step-actions">
              <button type="submit" className="button button-primary">
                {t('profile.save')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSaved(false);
                  setDraft(body.defaults);
                }}
              >
                {t('agency.resetDefaults')}
              </button>
              <span role="status" className="muted">
                {saved ? t('agency.rankingSaved') : ''}
              </span>
            </div>
          ) : (
            <p className="muted">{t('agency.rankingReadOnly')}</p>
          )}
        </form>
      )}
    </div>
  );
}
