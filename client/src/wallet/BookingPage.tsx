/** One booking: every detail it holds, its place on the map, its code, and what can be done with it. */
import type { BookingPlace } from '@escale/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { MapArea } from '../map/MapArea.tsx';
import { BarcodeView } from './BarcodeView.tsx';
import { dateTimeIn, endZone, placeLine, whereOf, zoneName } from './booking-format.ts';
import { KindIcon } from './KindIcon.tsx';
import type { WalletPageProps } from './WalletScreen.tsx';

export function BookingPage({ wallet, state, consent, config, queued }: WalletPageProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [confirming, setConfirming] = useState(false);
  const booking = wallet?.bookings.find((b) => b.id === id);
  if (!wallet) return <p className="wallet-page muted">{t('app.loading')}</p>;
  if (!booking)
    return (
      <section className="wallet-page">
        <p role="alert">{t('wallet.notFound')}</p>
        <Link to={PATHS.wallet}>{t('wallet.back')}</Link>
      </section>
    );

  const b = booking;
  const d = b.details;
  const at = (instant: string | null, zone: string) => instant && `${dateTimeIn(instant, zone, locale)} (${zoneName(instant, zone, locale)})`;
  const where = whereOf(b);
  const located = where && where.lat !== null && where.lon !== null ? { lat: where.lat, lon: where.lon, label: placeLine(where) ?? b.title } : null;
  const cancel = async () => {
    setConfirming(false);
    await state.change({ kind: 'cancel', bookingId: b.id, base: b });
    void navigate(PATHS.wallet);
  };

  return (
    <article className="wallet-page booking-page" aria-labelledby="booking-title">
      <Link className="back-link" to={PATHS.wallet}>
        ← {t('wallet.back')}
      </Link>
      <header className="booking-page-head">
        <KindIcon kind={b.kind} />
        <div>
          <p className="booking-kind">{t(`wallet.kind.${b.kind}`)}</p>
          <h1 id="booking-title">{b.title}</h1>
          {b.status === 'cancelled' && <span className="badge badge-cancelled">{t('wallet.cancelled')}</span>}
          {queued.has(b.id) && <span className="badge badge-queued">{t('wallet.queued')}</span>}
        </div>
      </header>
      {d.barcode && b.status === 'confirmed' && <BarcodeView barcode={d.barcode} />}
      <dl className="booking-details">
        <Detail term={t('wallet.field.starts')}>{at(b.startsAt, b.timezone)}</Detail>
        <Detail term={t('wallet.field.ends')}>{at(b.endsAt, endZone(b))}</Detail>
        <Detail term={t('wallet.field.from')}>{place(d.from, d.departureTerminal)}</Detail>
        <Detail term={t('wallet.field.to')}>{place(d.to, d.arrivalTerminal)}</Detail>
        <Detail term={t('wallet.field.venue')}>{place(d.venue, null)}</Detail>
        <Detail term={t('wallet.field.provider')}>{d.provider}</Detail>
        <Detail term={t('wallet.field.number')}>{d.number}</Detail>
        <Detail term={t('wallet.field.reservationNumber')}>{d.reservationNumber}</Detail>
        <Detail term={t('wallet.field.underName')}>{d.underName}</Detail>
        <Detail term={t('wallet.field.gate')}>{d.gate}</Detail>
        <Detail term={t('wallet.field.seat')}>{d.seat}</Detail>
        <Detail term={t('wallet.field.boardingTime')}>{at(d.boardingTime, b.timezone)}</Detail>
        <Detail term={t('wallet.field.doorsOpen')}>{at(d.doorsOpen, b.timezone)}</Detail>
        <Detail term={t('wallet.field.partySize')}>{d.partySize}</Detail>
        <Detail term={t('wallet.field.source')}>{t(`wallet.source.${b.source}`)}</Detail>
      </dl>
      {located && (
        <div className="booking-map">
          <MapArea
            config={config}
            places={null}
            position={null}
            suggestions={[]}
            marks={[located]}
            category={null}
            moveMode={false}
            focus={null}
            onPick={() => undefined}
            onOpenPlace={() => undefined}
            onSelectSuggestion={() => undefined}
          />
        </div>
      )}
      {consent && b.status === 'confirmed' && (
        <div className="booking-actions">
          {b.source !== 'agency_offer' && (
            <Link className="button" to={PATHS.editBooking(b.id)}>
              {t('wallet.edit')}
            </Link>
          )}
          {confirming ? (
            <span className="confirm-cancel" role="group" aria-label={t('wallet.cancelQuestion')}>
              <span>{t('wallet.cancelQuestion')}</span>
              <button type="button" className="button button-danger" onClick={() => void cancel()}>
                {t('wallet.cancelYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('wallet.cancelNo')}
              </button>
            </span>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              {t('wallet.cancelBooking')}
            </button>
          )}
        </div>
      )}
    </article>
  );

  function place(p: BookingPlace | null, terminal: string | null): string | null {
    const line = placeLine(p);
    if (!line) return null;
    const extra = [p?.address && p.address !== line ? p.address : null, terminal && t('wallet.terminal', { terminal })].filter(Boolean);
    return [line, ...extra].join(' · ');
  }
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
