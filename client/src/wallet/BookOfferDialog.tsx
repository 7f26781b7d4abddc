/**
 * Booking an agency offer from its suggestion card: how many seats, the total, confirm; the ticket lands in
 * the wallet. The request's idempotency key is made when the dialog opens and kept for its retries, so a
 * confirmation sent twice (a double tap, a retry after a lost answer) books once.
 */
import { OFFER_MAX_QUANTITY, type Booking, type Suggestion } from '@escale/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiFailure } from '../api/api.ts';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { formatPrice } from '../traveller/format.ts';
import { SheetHead } from '../ui/SheetHead.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { bookOffer, newKey } from './wallet-api.ts';

interface Props {
  suggestion: Suggestion;
  walletConsent: boolean;
  onClose(): void;
}

type Step = { name: 'choose' } | { name: 'sending' } | { name: 'booked'; booking: Booking } | { name: 'failed'; message: string; soldOut: boolean };

export function BookOfferDialog({ suggestion: s, walletConsent, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useModalDialog(true, onClose, { closeOnBackdrop: false });
  const [key] = useState(newKey);
  const [quantity, setQuantity] = useState(1);
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const most = Math.max(1, Math.min(OFFER_MAX_QUANTITY, s.item.seatsLeft ?? OFFER_MAX_QUANTITY));
  const price = s.item.price;
  const locale = useLocale();

  async function confirm() {
    setStep({ name: 'sending' });
    try {
      setStep({ name: 'booked', booking: await bookOffer(s.item.id, { quantity }, key) });
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : null;
      setStep({
        name: 'failed',
        soldOut: failure?.code === 'sold_out',
        message: failure?.code === 'network' ? t('book.offline') : failure?.code === 'sold_out' ? t('book.soldOut') : (failure?.message ?? String(error)),
      });
    }
  }

  return (
    <dialog ref={dialog.ref} className="sheet" aria-labelledby="book-title" onCancel={dialog.onCancel}>
      <div className="sheet-body">
        <SheetHead id="book-title" title={t('book.title', { name: s.item.title })} closeLabel={t('why.close')} onClose={onClose} />
        <p>
          {s.item.place.name}
          {s.promotion && ` · ${s.promotion.agencyName}`}
        </p>
        {!walletConsent ? (
          <p className="notice-info">{t('book.walletOff')}</p>
        ) : step.name === 'booked' ? (
          <div className="book-done" role="status">
            <p>{t('book.booked', { count: step.booking.details.partySize ?? quantity, reference: step.booking.details.reservationNumber ?? '' })}</p>
            <Link className="button button-primary" to={PATHS.booking(step.booking.id)} onClick={onClose}>
              {t('book.open')}
            </Link>
          </div>
        ) : (
          <>
            <div className="form-field">
              <label htmlFor="book-quantity">{t('book.quantity')}</label>
              <select id="book-quantity" className="input" value={quantity} disabled={step.name === 'sending'} onChange={(e) => setQuantity(Number(e.target.value))}>
                {Array.from({ length: most }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              {s.item.seatsLeft !== null && <p className="muted">{t('card.seatsLeft', { count: s.item.seatsLeft })}</p>}
            </div>
            <p className="book-total">
              {price === null ? t('book.priceUnknown') : price.amount === 0 ? t('card.free') : t('book.total', { total: formatPrice(price.amount * quantity, price.currency, locale) })}
            </p>
            {step.name === 'failed' && (
              <p className="notice-error" role="alert">
                {step.message}
              </p>
            )}
            <div className="form-actions">
              {!(step.name === 'failed' && step.soldOut) && (
                <button type="button" className="button button-primary" disabled={step.name === 'sending'} onClick={() => void confirm()} data-autofocus>
                  {step.name === 'sending' ? t('book.sending') : step.name === 'failed' ? t('book.retry') : t('book.confirm', { count: quantity })}
                </button>
              )}
              <button type="button" className="button" onClick={onClose}>
                {t('wallet.form.cancel')}
              </button>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
