/** The line of facts each kind of booking shows on the timeline ("CDG T2E → NCE · AF 7700 · seat 12A"). */
import type { Booking } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { clockIn, dateTimeIn, endZone, placeLine } from './booking-format.ts';

export function useFactLine(b: Booking): string {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = b.details;
  const withTerminal = (place: string | null, terminal: string | null) => (place && terminal ? `${place} ${t('wallet.terminal', { terminal })}` : place);
  const journey = d.from || d.to ? [withTerminal(placeLine(d.from), d.departureTerminal), withTerminal(placeLine(d.to), d.arrivalTerminal)].map((p) => p ?? '?').join(' → ') : null;
  const parts: (string | null)[] = [];
  switch (b.kind) {
    case 'FlightReservation':
    case 'TrainReservation':
    case 'BusReservation':
      parts.push(journey, d.number, d.seat && t('wallet.seat', { seat: d.seat }), d.boardingTime && t('wallet.boarding', { time: clockIn(d.boardingTime, b.timezone, locale) }));
      break;
    case 'RentalCarReservation':
      parts.push(journey, d.provider);
      break;
    case 'LodgingReservation':
      parts.push(placeLine(d.venue) === b.title ? (d.venue?.address ?? null) : placeLine(d.venue), b.endsAt && t('wallet.checkOut', { when: dateTimeIn(b.endsAt, endZone(b), locale) }));
      break;
    case 'EventReservation':
      parts.push(placeLine(d.venue), d.seat && t('wallet.seat', { seat: d.seat }), d.doorsOpen && t('wallet.doors', { time: clockIn(d.doorsOpen, b.timezone, locale) }));
      break;
    case 'FoodEstablishmentReservation':
    case 'OfferReservation':
      parts.push(placeLine(d.venue) === b.title ? null : placeLine(d.venue), d.partySize ? t('wallet.party', { count: d.partySize }) : null);
      break;
  }
  return parts.filter(Boolean).join(' · ');
}
