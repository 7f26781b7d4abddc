/**
 * A booking kind's drawn icon, in the style of the place categories' (ui/CategoryIcon.tsx): line drawings
 * the same on every system (emoji show as empty boxes on some), decorative only — the kind is written beside.
 */
import type { BookingKind } from '@escale/shared';

/** 24 × 24 line drawings (stroke only), one path each. */
const PATHS: Record<BookingKind, string> = {
  FlightReservation: 'M10.5 20l2-7-6.5 1.5L4 13l7-3 3.5-6c.8-1.2 2.5-.6 2.2.8L15.5 10l4.5 1.5-1 2-5-.5-1.5 7z',
  LodgingReservation: 'M3 19V6M3 15h18v4M21 15v-3a3 3 0 0 0-3-3h-7v6M7.5 11.5a1.5 1.5 0 1 0 0-.01',
  TrainReservation: 'M6 4h12a1 1 0 0 1 1 1v10a3 3 0 0 1-3 3H8a3 3 0 0 1-3-3V5a1 1 0 0 1 1-1zM5 11h14M9 14.5h.01M15 14.5h.01M8 21l1.5-3M16 21l-1.5-3',
  BusReservation: 'M5 4h14v13H5zM5 11h14M8 17v3M16 17v3M8.5 14h.01M15.5 14h.01M3 8v3M21 8v3',
  EventReservation: 'M4 7a2 2 0 0 0 0 4v6h16v-6a2 2 0 0 1 0-4V5H4zM14 5v2M14 10v2M14 15v2',
  FoodEstablishmentReservation: 'M7 3v18M4.5 3v5a2.5 2.5 0 0 0 5 0V3M17 21V3c-2 1-3.5 3.5-3.5 7H17',
  RentalCarReservation: 'M5 16v3M19 16v3M3 16h18v-4l-2-5H5l-2 5zM3 12h18M7 14h.01M17 14h.01',
  OfferReservation: 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6L12 16.4 6.7 19.4l1.2-6L3.4 9.3l6-.7z',
};

export function KindIcon({ kind, size = 20 }: { kind: BookingKind; size?: number }) {
  return (
    <span className="kind-icon" data-kind={kind} aria-hidden="true">
      <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        <path d={PATHS[kind]} />
      </svg>
    </span>
  );
}
