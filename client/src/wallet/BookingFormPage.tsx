/**
 * Adding a booking by hand, or changing one: the fields its kind has (a journey's two ends, a stay's or a
 * table's address), times typed on the clock of where they happen, and a message beside each field that is
 * wrong. Saving queues the change (wallet/use-wallet.ts): it reaches the server now, or when back online.
 */
import type { Booking } from '@escale/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { isTransport } from './booking-format.ts';
import { type BookingForm, editOf, FORM_KINDS, type FormErrors, type FormField, formOf } from './booking-form.ts';
import type { WalletPageProps } from './WalletScreen.tsx';

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function BookingFormPage({ wallet, state, consent, config }: WalletPageProps) {
  const { t } = useTranslation();
  const { id } = useParams();
  const earlier = id ? (wallet?.bookings.find((b) => b.id === id) ?? null) : null;
  if (id && !wallet) return <p className="wallet-page muted">{t('app.loading')}</p>;
  if (id && !earlier)
    return (
      <p className="wallet-page" role="alert">
        {t('wallet.notFound')}
      </p>
    );
  if (!consent) return <p className="wallet-page notice-info">{t('wallet.consentOff')}</p>;
  // Keyed by the booking: its form starts from it once it is known.
  return <FormView key={earlier?.id ?? 'new'} earlier={earlier} defaultZone={config.city.timezone} change={state.change} />;
}

function FormView({ earlier, defaultZone, change }: { earlier: Booking | null; defaultZone: string; change: WalletPageProps['state']['change'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<BookingForm>(() => formOf(earlier, defaultZone));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: FormField) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  const journey = isTransport(form.kind);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = editOf(form, earlier);
    if ('errors' in result) {
      setErrors(result.errors);
      // The first wrong field gets focus, so a screen reader hears what to fix.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    await change(earlier ? { kind: 'edit', bookingId: earlier.id, edit: result.edit, base: earlier } : { kind: 'add', edit: result.edit });
    void navigate(earlier ? PATHS.booking(earlier.id) : PATHS.wallet);
  }

  const field = (name: FormField, label: string, input: { type?: string; required?: boolean; list?: string; autoComplete?: string; inputMode?: 'numeric' } = {}) => (
    <div className="form-field">
      <label htmlFor={`f-${name}`}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={`f-${name}`}
        className="input"
        type={input.type ?? 'text'}
        value={form[name]}
        onChange={set(name)}
        required={input.required}
        list={input.list}
        inputMode={input.inputMode}
        autoComplete={input.autoComplete ?? 'off'}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `e-${name}` : undefined}
      />
      {errors[name] && (
        <p className="field-error" id={`e-${name}`}>
          {t(`wallet.form.error.${errors[name]}`)}
        </p>
      )}
    </div>
  );

  return (
    <section className="wallet-page" aria-labelledby="form-title">
      <Link className="back-link" to={earlier ? PATHS.booking(earlier.id) : PATHS.wallet}>
        ← {t('wallet.back')}
      </Link>
      <h1 id="form-title">{earlier ? t('wallet.form.editTitle') : t('wallet.form.addTitle')}</h1>
      <form ref={formRef} className="booking-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="form-field">
          <label htmlFor="f-kind">{t('wallet.form.kind')}</label>
          <select id="f-kind" className="input" value={form.kind} onChange={set('kind')}>
            {FORM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`wallet.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {field('title', t('wallet.form.title'), { required: true })}
        <fieldset className="form-group">
          <legend>{t('wallet.form.when')}</legend>
          {field('startDate', t('wallet.form.startDate'), { type: 'date', required: true })}
          {field('startTime', t('wallet.form.startTime'), { type: 'time', required: true })}
          {field('timezone', journey ? t('wallet.form.departureZone') : t('wallet.form.zone'), { list: 'zones', required: true })}
          {field('endDate', t('wallet.form.endDate'), { type: 'date' })}
          {field('endTime', t('wallet.form.endTime'), { type: 'time' })}
          {journey && field('endTimezone', t('wallet.form.arrivalZone'), { list: 'zones' })}
        </fieldset>
        <fieldset className="form-group">
          <legend>{t('wallet.form.where')}</legend>
          {journey ? (
            <>
              {field('fromName', t('wallet.field.from'))}
              {field('toName', t('wallet.field.to'))}
            </>
          ) : (
            <>
              {field('venueName', t('wallet.field.venue'))}
              {field('venueAddress', t('wallet.form.address'), { autoComplete: 'street-address' })}
            </>
          )}
        </fieldset>
        <fieldset className="form-group">
          <legend>{t('wallet.form.details')}</legend>
          {field('provider', t('wallet.field.provider'))}
          {journey && field('number', t('wallet.field.number'))}
          {field('reservationNumber', t('wallet.field.reservationNumber'))}
          {field('seat', t('wallet.field.seat'))}
          {!journey && field('partySize', t('wallet.field.partySize'), { inputMode: 'numeric' })}
        </fieldset>
        <datalist id="zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {earlier ? t('wallet.form.saveChanges') : t('wallet.form.add')}
          </button>
          <Link className="button" to={earlier ? PATHS.booking(earlier.id) : PATHS.wallet}>
            {t('wallet.form.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
