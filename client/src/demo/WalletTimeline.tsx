/** The persona's wallet as the server holds it, read again after each import: done, now, and to come. */
import type { Booking } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { dateTimeIn } from '../wallet/booking-format.ts';
import { getWallet } from '../wallet/wallet-api.ts';

export function WalletTimeline({ version, t }: { version: number; t: number }) {
  const { t: tr } = useTranslation();
  const locale = useLocale();
  const [bookings, setBookings] = useState<Booking[]>([]);
  useEffect(() => {
    getWallet().then(
      (w) => setBookings(w.bookings.filter((b) => b.status === 'confirmed')),
      () => undefined,
    );
  }, [version]);
  const state = (b: Booking) => {
    const start = Date.parse(b.startsAt);
    const end = b.endsAt ? Date.parse(b.endsAt) : start;
    return end < t ? 'past' : start <= t ? 'now' : 'next';
  };
  return (
    <section className="demo-panel demo-wallet" aria-labelledby="demo-wallet-title">
      <h2 id="demo-wallet-title">{tr('demo.wallet.title', { count: bookings.length })}</h2>
      {bookings.length === 0 && <p className="muted">{tr('demo.wallet.empty')}</p>}
      <ol className="demo-wallet-list">
        {bookings.map((b) => (
          <li key={b.id} className={`demo-wallet-item demo-wallet-${state(b)}`} data-testid="demo-booking">
            <span className="demo-wallet-when">{dateTimeIn(b.startsAt, b.timezone, locale)}</span> <span className="demo-wallet-what">{b.title}</span>{' '}
            <span className="demo-wallet-state">{tr(`demo.wallet.${state(b)}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
