/** The scripted trips a presenter can play: one card per trip, its persona, cities and days. */
import type { DemoTripSummary } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { getDemoTrips } from './demo-api.ts';

interface Props {
  /** Signs in as a new visitor of the trip's persona and opens the player. */
  onPlay(trip: DemoTripSummary): void;
  busy: boolean;
  error: string | null;
}

export function DemoPicker({ onPlay, busy, error }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [trips, setTrips] = useState<DemoTripSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    getDemoTrips().then(
      (list) => setTrips(list.trips),
      () => setFailed(true),
    );
  }, []);
  const days = (trip: DemoTripSummary) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: trip.timeZone }).formatRange(new Date(trip.startsAt), new Date(trip.endsAt));

  return (
    <section className="demo-picker" aria-labelledby="demo-picker-title">
      <h1 id="demo-picker-title">{t('demo.picker.title')}</h1>
      <p className="demo-picker-lead">{t('demo.picker.lead')}</p>
      {failed && <p role="alert">{t('demo.picker.failed')}</p>}
      {error && <p role="alert">{error}</p>}
      {trips === null && !failed && <p>{t('app.loading')}</p>}
      <ul className="demo-trips">
        {trips?.map((trip) => (
          <li key={trip.id} className="demo-trip">
            <h2>{trip.title[locale]}</h2>
            <p className="demo-trip-days">
              {days(trip)} · {trip.cities.map((c) => t(`demo.city.${c.id}`, { defaultValue: c.id })).join(' → ')}
            </p>
            <p>{trip.summary[locale]}</p>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => onPlay(trip)}>
              {t('demo.picker.play', { title: trip.title[locale] })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
