/**
 * A map marker with an accessible name. maplibre labels custom markers "Map marker" with no role, which axe
 * reports (aria-label is not allowed on a plain div); we give each pin role=img and a name that says what
 * it is. Our effect runs after the Marker's own (children first), so it wins over maplibre's label.
 */
import { type ComponentRef, type ReactNode, useEffect, useRef } from 'react';
import type { MapKit } from './kit.ts';

interface PinProps {
  Marker: MapKit['Marker'];
  lat: number;
  lon: number;
  label: string;
  anchor: 'center' | 'bottom';
  onClick?: () => void;
  children: ReactNode;
}

export function Pin({ Marker, lat, lon, label, anchor, onClick, children }: PinProps) {
  const ref = useRef<ComponentRef<MapKit['Marker']>>(null);
  useEffect(() => {
    const element = ref.current?.getElement();
    element?.setAttribute('role', 'img');
    element?.setAttribute('aria-label', label);
  });
  return (
    <Marker
      ref={ref}
      latitude={lat}
      longitude={lon}
      anchor={anchor}
      onClick={(event) => {
        // Without this the tap also reaches the map and moves the traveller onto the pin.
        event.originalEvent.stopPropagation();
        onClick?.();
      }}
    >
      <span aria-hidden="true">{children}</span>
    </Marker>
  );
}
