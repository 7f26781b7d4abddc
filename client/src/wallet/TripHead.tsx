/**
 * A trip's heading on the timeline, and what can be done with the trip: rename it (later bookings no longer
 * change its name), and subscribe to it from a calendar app. The feed's address is unguessable and shown
 * once (the server keeps a hash); a new one replaces it, and turning it off makes it answer nothing.
 */
import type { Trip } from '@escale/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/api.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { makeCalendarFeed, renameTrip, stopCalendarFeed } from './wallet-api.ts';

interface Props {
  trip: Trip;
  consent: boolean;
  onChanged(): void;
}

export function TripHead({ trip, consent, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(trip.name);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiFailure && e.code === 'network' ? t('wallet.trip.offline') : e instanceof Error ? e.message : String(e));

  async function rename(event: FormEvent) {
    event.preventDefault();
    try {
      await renameTrip(trip.id, { name });
      setRenaming(false);
      onChanged();
    } catch (e) {
      fail(e);
    }
  }
  const since = trip.calendar ? new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(new Date(trip.calendar.createdAt)) : null;

  return (
    <div className="trip-head">
      {renaming ? (
        <form className="trip-rename" onSubmit={(e) => void rename(e)}>
          <label htmlFor={`trip-name-${trip.id}`} className="visually-hidden">
            {t('wallet.trip.name')}
          </label>
          <input id={`trip-name-${trip.id}`} className="input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button-primary" disabled={name.trim() === ''}>
            {t('wallet.trip.save')}
          </button>
          <button type="button" className="button" onClick={() => setRenaming(false)}>
            {t('wallet.form.cancel')}
          </button>
        </form>
      ) : (
        <h2 className="trip-name">{trip.name}</h2>
      )}
      {consent && !renaming && (
        <details className="trip-menu">
          <summary>
            {t('wallet.trip.options')}
            <span className="visually-hidden"> ({trip.name})</span>
          </summary>
          <div className="trip-menu-body">
            <button type="button" className="button" onClick={() => setRenaming(true)}>
              {t('wallet.trip.rename')}
            </button>
            <p className="muted">{since ? t('wallet.trip.feedOn', { since }) : t('wallet.trip.feedHelp')}</p>
            <button type="button" className="button" onClick={() => void makeCalendarFeed(trip.id).then((r) => (setFeedUrl(r.url), onChanged()), fail)}>
              {since ? t('wallet.trip.feedNew') : t('wallet.trip.feedMake')}
            </button>
            {since && (
              <button type="button" className="button" onClick={() => void stopCalendarFeed(trip.id).then(() => (setFeedUrl(null), onChanged()), fail)}>
                {t('wallet.trip.feedStop')}
              </button>
            )}
            {feedUrl && (
              <div className="feed-url">
                <p>{t('wallet.trip.feedOnce')}</p>
                <code data-testid="calendar-url">{feedUrl}</code>
                <a className="button button-primary" href={feedUrl.replace(/^https?:/, 'webcal:')}>
                  {t('wallet.trip.feedOpen')}
                </a>
              </div>
            )}
          </div>
        </details>
      )}
      {error && (
        <p className="notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
