/** The wallet's first page: trips, then days, each booking at its local time, "now" marked, what is still to sync flagged. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { BookingRow } from './BookingRow.tsx';
import { clockIn, dayHeading } from './booking-format.ts';
import { buildTimeline } from './timeline.ts';
import { TripHead } from './TripHead.tsx';
import type { WalletPageProps } from './WalletScreen.tsx';

const READER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function TimelinePage({ wallet, queued, consent, state }: WalletPageProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [now] = useState(() => Date.now());
  const trips = useMemo(() => (wallet ? buildTimeline(wallet.bookings, wallet.trips, now) : []), [wallet, now]);
  const [showPast, setShowPast] = useState(false);
  const coming = trips.filter((trip) => !trip.past);
  const past = trips.filter((trip) => trip.past);

  return (
    <section className="wallet-page" aria-labelledby="wallet-title">
      <header className="wallet-head">
        <h1 id="wallet-title">{t('wallet.title')}</h1>
        {consent && (
          <div className="wallet-actions">
            <Link className="button button-primary" to={PATHS.newBooking}>
              {t('wallet.add')}
            </Link>
            <Link className="button" to={PATHS.importFile}>
              {t('wallet.import')}
            </Link>
          </div>
        )}
      </header>
      {!consent && <p className="notice-info">{t('wallet.consentOff')}</p>}
      {wallet && wallet.bookings.length === 0 && consent && <p className="wallet-empty">{t('wallet.empty')}</p>}
      {[...coming, ...(showPast ? past : [])].map((trip) => (
        <section key={trip.trip?.id ?? 'other'} className="trip" aria-label={trip.trip?.name ?? t('wallet.otherBookings')}>
          {trip.trip ? <TripHead trip={trip.trip} consent={consent} onChanged={() => void state.reload()} /> : <h2 className="trip-name">{t('wallet.otherBookings')}</h2>}
          {trip.days.map((day) => (
            <section key={day.date} className="day" aria-label={dayHeading(day.date, locale)}>
              <h3 className="day-heading">{dayHeading(day.date, locale)}</h3>
              <ol className="day-list">
                {day.bookings.map((b, i) => (
                  <li key={b.id}>
                    {day.nowAt === i && <NowMark zone={day.timeZone} now={now} />}
                    <BookingRow booking={b} readerZone={READER_ZONE} queued={queued.has(b.id)} />
                  </li>
                ))}
                {day.nowAt === day.bookings.length && (
                  <li>
                    <NowMark zone={day.timeZone} now={now} />
                  </li>
                )}
              </ol>
            </section>
          ))}
        </section>
      ))}
      {past.length > 0 && (
        <button type="button" className="link-button" aria-expanded={showPast} onClick={() => setShowPast(!showPast)}>
          {showPast ? t('wallet.hidePast') : t('wallet.showPast', { count: past.length })}
        </button>
      )}
    </section>
  );
}

/** The line that says where the traveller is in the day. */
function NowMark({ zone, now }: { zone: string; now: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <p className="now-mark">
      <span>{t('wallet.now', { time: clockIn(now, zone, locale) })}</span>
    </p>
  );
}
