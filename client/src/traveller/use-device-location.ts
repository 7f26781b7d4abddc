/** "Use my location": one reading from the browser, with refusal and failure reported, never thrown. */
import { useState } from 'react';
import type { Position } from '../app/store.ts';

export type LocateState = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

export function useDeviceLocation(onPosition: (position: Position) => void) {
  const [state, setState] = useState<LocateState>('idle');

  function locate(): void {
    if (!('geolocation' in navigator)) return setState('unsupported');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setState('idle');
        onPosition({ lat: coords.latitude, lon: coords.longitude, source: 'device', accuracyMeters: coords.accuracy });
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      // A minute-old fix is fine for "what is near me"; waiting longer than 10 s is not.
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  return { state, locate };
}
