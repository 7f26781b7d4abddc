/**
 * One event, offer or promotion, edited or made: its fields in the city's time, saved as a draft; what waits
 * for publication said plainly; discard, archive and restore. Viewers see it read-only.
 */
import { type CatalogueItemKind, CURRENCIES, EventKind, ITEM_LIMITS, PROMOTION_BOOST } from '@escale/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminItemOf, listItems, listPlaces } from '../catalogue-api.ts';
import { fromCityInput, toCityInput } from './city-time.ts';
import { itemTitle } from './item-text.ts';
import { Picker, type PickerOption } from './Picker.tsx';

type AnyItem = AdminItemOf<CatalogueItemKind>;
type TargetKind = 'place' | 'event' | 'offer';

/** Every field of the three forms, as the inputs hold them (strings); each kind uses its own. */
interface Form {
  placeId: string;
  placeName: string;
  title: string;
  kind: string;
  description: string;
  tags: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  seats: string;
  price: string;
  currency: string;
  saleStartsAt: string;
  saleEndsAt: string;
  targetKind: TargetKind;
  targetId: string;
  targetTitle: string;
  boost: string;
  label: string;
}

const EMPTY: Form = {
  placeId: '',
  placeName: '',
  title: '',
  kind: 'concert',
  description: '',
  tags: '',
  startsAt: '',
  endsAt: '',
  capacity: '30',
  seats: '10',
  price: '0',
  currency: 'EUR',
  saleStartsAt: '',
  saleEndsAt: '',
  targetKind: 'place',
  targetId: '',
  targetTitle: '',
  boost: '0.5',
  label: '',
};

function formOf(item: AnyItem | null, timeZone: string): Form {
  if (!item) return EMPTY;
  const at = (iso: string | null) => toCityInput(iso, timeZone);
  const where = { placeId: item.where?.placeId ?? '', placeName: item.where?.name ?? '' };
  if ('target' in item) {
    return {
      ...EMPTY,
      ...where,
      targetKind: item.target.kind,
      targetId: item.target.id,
      targetTitle: item.targetTitle ?? item.target.id,
      boost: String(item.boost),
      startsAt: at(item.startsAt),
      endsAt: at(item.endsAt),
      label: item.label ?? '',
    };
  }
  const common = { ...EMPTY, ...where, title: item.title, tags: item.tags.join(', '), price: String(item.price), currency: item.currency };
  if ('capacity' in item) return { ...common, kind: item.kind, startsAt: at(item.startsAt), endsAt: at(item.endsAt), capacity: String(item.capacity) };
  return { ...common, description: item.description, seats: String(item.seats), saleStartsAt: at(item.saleStartsAt), saleEndsAt: at(item.saleEndsAt) };
}

/** The request body of a form: what the server checks (a field left unreadable is sent as is, for it to say so). */
function bodyOf(kind: CatalogueItemKind, f: Form, timeZone: string): Record<string, unknown> {
  const at = (value: string) => fromCityInput(value, timeZone);
  const tags = f.tags
    .split(',')
    .map((s) => s.trim().toLowerCase().replace(/\s+/g, '-'))
    .filter(Boolean);
  if (kind === 'promotions') return { target: { kind: f.targetKind, id: f.targetId }, boost: Number(f.boost), startsAt: at(f.startsAt), endsAt: at(f.endsAt), label: f.label.trim() || null };
  const common = { placeId: f.placeId, title: f.title, tags, price: Number(f.price), currency: f.currency };
  if (kind === 'events') return { ...common, kind: f.kind, startsAt: at(f.startsAt), endsAt: at(f.endsAt), capacity: Number(f.capacity) };
  return { ...common, description: f.description, seats: Number(f.seats), saleStartsAt: at(f.saleStartsAt), saleEndsAt: at(f.saleEndsAt) };
}

interface Props {
  kind: CatalogueItemKind;
  /** null: a new one. */
  item: AnyItem | null;
  canEdit: boolean;
  timeZone: string;
  cityName: string;
  onSave(body: Record<string, unknown>): Promise<void>;
  onDiscard(): Promise<void>;
  onArchive(archived: boolean): Promise<void>;
  onClose(): void;
}

export function ItemEditor({ kind, item, canEdit, timeZone, cityName, onSave, onDiscard, onArchive, onClose }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => formOf(item, timeZone));
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(formOf(item, timeZone)), [item, timeZone]);
  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const run = (work: () => Promise<void>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  const searchPlaces = useCallback(
    async (q: string): Promise<PickerOption[]> => (await listPlaces({ q, status: 'published', pageSize: 8 })).places.map((p) => ({ id: p.id, title: p.name, detail: p.address ?? undefined })),
    [],
  );
  const targetKind = form.targetKind;
  const searchTargets = useCallback(
    async (q: string): Promise<PickerOption[]> => {
      if (targetKind === 'place') return searchPlaces(q);
      const found = await listItems(targetKind === 'event' ? 'events' : 'offers', { q, status: 'published', pageSize: 8 });
      return (found.items as { id: string; title: string; where: { name: string } | null }[]).map((i) => ({ id: i.id, title: i.title, detail: i.where?.name }));
    },
    [targetKind, searchPlaces],
  );

  const id = (key: string) => `item-${key}`;
  const field = (key: keyof Form, type = 'text', extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={id(key)}>{t(`items.fields.${key}`, { city: cityName })}</label>
      <input id={id(key)} type={type} value={form[key]} onChange={set(key)} readOnly={!canEdit} {...extra} />
    </div>
  );
  const heading = item ? itemTitle(item, t) : t(`items.${kind}.new`);
  const waiting =
    item && item.pending.length > 0 && item.status !== 'draft' ? ` ${t('catalogue.waiting', { fields: item.pending.map((f) => t(`items.fields.${f}`, { city: cityName })).join(', ') })}` : '';

  return (
    <section className="place-editor item-editor" aria-labelledby="item-editor-title">
      <div className="place-editor-head">
        <h2 id="item-editor-title">{heading}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('catalogue.close')}
        </button>
      </div>
      <p className="muted">{item ? `${t(`catalogue.statusLong.${item.status}`)}${waiting}` : t('items.newIsDraft')}</p>
      {item && 'fromTemplate' in item && item.fromTemplate && <p className="muted">{t('items.fromTemplate')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(() => onSave(bodyOf(kind, form, timeZone)));
        }}
      >
        {kind === 'promotions' ? (
          <>
            <div className="field">
              <label htmlFor={id('targetKind')}>{t('items.fields.targetKind')}</label>
              <select
                id={id('targetKind')}
                value={form.targetKind}
                disabled={!canEdit}
                onChange={(e) => setForm((f) => ({ ...f, targetKind: e.target.value as TargetKind, targetId: '', targetTitle: '' }))}
              >
                {(['place', 'event', 'offer'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`items.targetKinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <Picker
              label={t('items.fields.target')}
              current={form.targetTitle || null}
              disabled={!canEdit}
              search={searchTargets}
              onPick={(o) => setForm((f) => ({ ...f, targetId: o.id, targetTitle: o.title }))}
            />
            <div className="field">
              <label htmlFor={id('boost')}>{t('items.fields.boost')}</label>
              <input
                id={id('boost')}
                type="range"
                min={PROMOTION_BOOST.min}
                max={PROMOTION_BOOST.max}
                step={0.1}
                value={form.boost}
                disabled={!canEdit}
                aria-valuetext={t('items.boostValue', { percent: Math.round(Number(form.boost) * 100) })}
                onChange={set('boost')}
              />
              <p className="muted">
                {t('items.boostValue', { percent: Math.round(Number(form.boost) * 100) })} · {t('items.boostHint')}
              </p>
            </div>
            <div className="field-row">
              {field('startsAt', 'datetime-local', { required: true })}
              {field('endsAt', 'datetime-local', { required: true })}
            </div>
            <p className="muted">{t('items.windowHint', { days: ITEM_LIMITS.maxPromotionDays })}</p>
            {field('label', 'text', { maxLength: ITEM_LIMITS.maxLabel })}
            <p className="muted">{t('items.labelHint')}</p>
          </>
        ) : (
          <>
            <Picker
              label={t('items.fields.placeId')}
              current={form.placeName || null}
              disabled={!canEdit}
              search={searchPlaces}
              onPick={(o) => setForm((f) => ({ ...f, placeId: o.id, placeName: o.title }))}
            />
            {field('title', 'text', { required: true, maxLength: 200 })}
            {kind === 'events' && (
              <div className="field">
                <label htmlFor={id('kind')}>{t('items.fields.kind')}</label>
                <select id={id('kind')} value={form.kind} onChange={set('kind')} disabled={!canEdit}>
                  {EventKind.options.map((k) => (
                    <option key={k} value={k}>
                      {t(`items.eventKinds.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {kind === 'offers' && (
              <div className="field">
                <label htmlFor={id('description')}>{t('items.fields.description')}</label>
                <textarea id={id('description')} value={form.description} onChange={set('description')} readOnly={!canEdit} maxLength={1000} rows={3} />
              </div>
            )}
            <div className="field-row">
              {field('price', 'number', { min: 0, step: '0.5' })}
              <div className="field">
                <label htmlFor={id('currency')}>{t('items.fields.currency')}</label>
                <select id={id('currency')} value={form.currency} onChange={set('currency')} disabled={!canEdit}>
                  {CURRENCIES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
              {kind === 'events' ? field('capacity', 'number', { min: 1, step: 1 }) : field('seats', 'number', { min: 1, step: 1 })}
            </div>
            {item && 'seatsLeft' in item && <p className="muted">{t('items.seatsLeftNow', { count: item.seatsLeft })}</p>}
            {kind === 'events' ? (
              <div className="field-row">
                {field('startsAt', 'datetime-local', { required: true })}
                {field('endsAt', 'datetime-local', { required: true })}
              </div>
            ) : (
              <>
                <div className="field-row">
                  {field('saleStartsAt', 'datetime-local')}
                  {field('saleEndsAt', 'datetime-local')}
                </div>
                <p className="muted">{t('items.saleHint')}</p>
              </>
            )}
            {field('tags')}
          </>
        )}
        {canEdit && (
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {item ? t('catalogue.saveDraft') : t('items.create')}
            </button>
            {item && (item.status === 'draft' || item.pending.length > 0) && (
              <button type="button" className="button" disabled={busy} onClick={() => run(onDiscard)}>
                {item.status === 'draft' ? t('catalogue.deleteDraft') : t('catalogue.discardChanges')}
              </button>
            )}
            {item?.status === 'published' && (
              <button type="button" className="button" disabled={busy} onClick={() => run(() => onArchive(true))}>
                {t('catalogue.archive')}
              </button>
            )}
            {item?.status === 'archived' && (
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
