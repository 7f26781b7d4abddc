/** One booking on the timeline: its time where it happens, what it is, the facts that matter at a glance. */
import type { Booking } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { isPendingId } from '../offline/outbox-ops.ts';
import { useFactLine } from './booking-facts.ts';
import { endZone, isAllDay, isTransport, timeParts } from './booking-format.ts';
import { KindIcon } from './KindIcon.tsx';

interface Props {
  booking: Booking;
  readerZone: string;
  queued: boolean;
}

export function BookingRow({ booking: b, readerZone, queued }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts = useFactLine(b);
  const start = timeParts(b.startsAt, b.timezone, readerZone, locale);
  // A journey's arrival is read in the arrival city's time, with its date when it is another day.
  const end = b.endsAt && isTransport(b.kind) ? timeParts(b.endsAt, endZone(b), readerZone, locale, b.startsAt) : null;
  const cancelled = b.status === 'cancelled';
  const allDay = isAllDay(b);
  const row = (
    <>
      <span className="booking-time">
        <span>{allDay ? t('wallet.allDay') : start.clock}</span>
        {start.zone && !allDay && <span className="booking-zone">{start.zone}</span>}
        {end && (
          <span className="booking-time-end">
            → {end.day && `${end.day} `}
            {end.clock}
            {end.zone && ` ${end.zone}`}
          </span>
        )}
      </span>
      <KindIcon kind={b.kind} />
      <span className="booking-main">
        <span className="booking-kind">{t(`wallet.kind.${b.kind}`)}</span>
        <span className="booking-title">{b.title}</span>
        {facts && <span className="booking-facts">{facts}</span>}
        {(cancelled || queued) && (
          <span className="booking-badges">
            {cancelled && <span className="badge badge-cancelled">{t('wallet.cancelled')}</span>}
            {queued && <span className="badge badge-queued">{t('wallet.queued')}</span>}
          </span>
        )}
      </span>
    </>
  );
  // A booking added offline has no page yet: the server gives it its id.
  if (isPendingId(b.id))
    return (
      <div className="booking-row" data-testid="booking-row">
        {row}
      </div>
    );
  return (
    <Link className={cancelled ? 'booking-row booking-row-cancelled' : 'booking-row'} to={PATHS.booking(b.id)} data-testid="booking-row">
      {row}
    </Link>
  );
}
