/** The buttons over the map: "Use my location" and "Suggest now", with what happened to the last attempt. */
import { useTranslation } from 'react-i18next';
import type { Position } from '../app/store.ts';
import { useDeviceLocation } from './use-device-location.ts';

const MESSAGES = {
  idle: 'traveller.mapHint',
  locating: 'traveller.locating',
  denied: 'traveller.geoDenied',
  unavailable: 'traveller.geoUnavailable',
  unsupported: 'traveller.geoUnsupported',
} as const;

export function LocationControls({ onPosition, onSuggestNow }: { onPosition(p: Position): void; onSuggestNow(): void }) {
  const { t } = useTranslation();
  const device = useDeviceLocation(onPosition);

  return (
    <div className="controls" role="group" aria-label={t('traveller.controls')}>
      <div className="controls-buttons">
        <button type="button" className="button" onClick={device.locate} disabled={device.state === 'locating'}>
          <span aria-hidden="true">◎</span> {t('traveller.useMyLocation')}
        </button>
        <button type="button" className="button button-primary" onClick={onSuggestNow}>
          <span aria-hidden="true">✦</span> {t('traveller.suggestNow')}
        </button>
      </div>
      <p className={device.state === 'denied' || device.state === 'unavailable' ? 'controls-hint warn' : 'controls-hint'} role="status">
        {t(MESSAGES[device.state])}
      </p>
    </div>
  );
}
