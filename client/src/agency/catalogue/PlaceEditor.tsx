/**
 * One place, edited: its fields (the position as numbers too, for whoever does not drag the pin), saved as
 * a draft; what waits for publication said plainly; discard, archive and restore. Viewers see it read-only.
 */
import { type AdminPlace, type CategoryId, type PlaceEdit } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryOptions } from '../../ui/CategoryOptions.tsx';

interface Props {
  place: AdminPlace;
  canEdit: boolean;
  /** The position the map's pin was dragged to, not yet saved. */
  moved: { lat: number; lon: number } | null;
  onSave(edit: PlaceEdit): Promise<void>;
  onDiscard(): Promise<void>;
  onArchive(archived: boolean): Promise<void>;
  onClose(): void;
}

interface Form {
  name: string;
  category: CategoryId;
  address: string;
  openingHours: string;
  website: string;
  lat: string;
  lon: string;
  /** '' for unknown, else 1 to 4. */
  priceLevel: string;
}

const formOf = (p: AdminPlace): Form => ({
  name: p.name,
  category: p.category,
  address: p.address ?? '',
  openingHours: p.openingHours ?? '',
  website: p.website ?? '',
  lat: String(p.lat),
  lon: String(p.lon),
  priceLevel: p.priceLevel === null ? '' : String(p.priceLevel),
});

export function PlaceEditor({ place, canEdit, moved, onSave, onDiscard, onArchive, onClose }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => formOf(place));
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(formOf(place)), [place]);
  useEffect(() => {
    if (moved) setForm((f) => ({ ...f, lat: String(moved.lat), lon: String(moved.lon) }));
  }, [moved]);
  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const run = (work: () => Promise<void>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  const save = () =>
    run(() =>
      onSave({
        name: form.name,
        category: form.category,
        address: form.address.trim() || null,
        openingHours: form.openingHours.trim() || null,
        website: form.website.trim() || null,
        lat: Number(form.lat),
        lon: Number(form.lon),
        priceLevel: form.priceLevel === '' ? null : Number(form.priceLevel),
      }),
    );
  const field = (key: keyof Form, type = 'text') => (
    <div className="field">
      <label htmlFor={`place-${key}`}>{t(`catalogue.fields.${key}`)}</label>
      <input id={`place-${key}`} type={type} value={form[key]} onChange={set(key)} readOnly={!canEdit} {...(type === 'number' ? { step: 'any' } : {})} />
    </div>
  );
  return (
    <section className="place-editor" aria-labelledby="place-editor-title">
      <div className="place-editor-head">
        <h2 id="place-editor-title">{place.name}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('catalogue.close')}
        </button>
      </div>
      <p className="muted">
        {t(`catalogue.statusLong.${place.status}`)}
        {place.pending.length > 0 && place.status !== 'draft' && ` ${t('catalogue.waiting', { fields: place.pending.map((f) => t(`catalogue.fields.${f}`)).join(', ') })}`}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {field('name')}
        <div className="field">
          <label htmlFor="place-category">{t('catalogue.fields.category')}</label>
          <select id="place-category" value={form.category} onChange={set('category')} disabled={!canEdit}>
            <CategoryOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="place-priceLevel">{t('catalogue.fields.priceLevel')}</label>
          <select id="place-priceLevel" value={form.priceLevel} onChange={set('priceLevel')} disabled={!canEdit}>
            <option value="">{t('catalogue.priceUnknown')}</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={String(n)}>
                {'€'.repeat(n)}
              </option>
            ))}
          </select>
        </div>
        {field('address')}
        {field('openingHours')}
        {field('website', 'url')}
        <div className="field-row">
          {field('lat', 'number')}
          {field('lon', 'number')}
        </div>
        {canEdit && <p className="muted">{t('catalogue.dragHint')}</p>}
        {canEdit && (
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('catalogue.saveDraft')}
            </button>
            {(place.status === 'draft' || place.pending.length > 0) && (
              <button type="button" className="button" disabled={busy} onClick={() => run(onDiscard)}>
                {place.status === 'draft' ? t('catalogue.deleteDraft') : t('catalogue.discardChanges')}
              </button>
            )}
            {place.status === 'published' && (
              <button type="button" className="button" disabled={busy} onClick={() => run(() => onArchive(true))}>
                {t('catalogue.archive')}
              </button>
            )}
            {place.status === 'archived' && (
              <button type="button" className="button" disabled={busy} onClick={() => run(() => onArchive(false))}>
                {t('catalogue.restore')}
              </button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
