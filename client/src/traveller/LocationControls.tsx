/**
 * The buttons over the map: "Use my location", "Move my position" (the next tap on the map sets it; Escape
 * cancels) and "Suggest now", with a line saying what a tap does now or what happened to the last attempt.
 */
import { useEffect } from 'react';
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

interface Props {
  moveMode: boolean;
  onMoveMode(on: boolean): void;
  onPosition(p: Position): void;
  onSuggestNow(): void;
}

/** Line icons in the text colour (decorative: each button says what it does). */
function Icon({ path }: { path: string }) {
  return (
    <svg className="button-icon" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={path} />
    </svg>
  );
}
const LOCATE = 'M12 2v3M12 19v3M2 12h3M19 12h3M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z';
const MOVE = 'M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11zM12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z';
const SPARK = 'M12 3l2.2 6.8L21 12l-6.8 2.2L12 21l-2.2-6.8L3 12l6.8-2.2z';

export function LocationControls({ moveMode, onMoveMode, onPosition, onSuggestNow }: Props) {
  const { t } = useTranslation();
  const device = useDeviceLocation(onPosition);

  useEffect(() => {
    if (!moveMode) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onMoveMode(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [moveMode, onMoveMode]);

  const failed = device.state === 'denied' || device.state === 'unavailable';
  return (
    <div className="controls" role="group" aria-label={t('traveller.controls')}>
      <div className="controls-buttons">
        <button type="button" className="button" onClick={device.locate} disabled={device.state === 'locating'}>
          <Icon path={LOCATE} /> <span className="controls-label">{t('traveller.useMyLocation')}</span>
        </button>
        <button type="button" className="button" aria-pressed={moveMode} onClick={() => onMoveMode(!moveMode)}>
          <Icon path={MOVE} /> <span className="controls-label">{t('traveller.movePosition')}</span>
        </button>
        <button type="button" className="button button-primary" onClick={onSuggestNow}>
          <Icon path={SPARK} /> {t('traveller.suggestNow')}
        </button>
      </div>
      <p className={failed && !moveMode ? 'controls-hint warn' : moveMode ? 'controls-hint active' : 'controls-hint'} role="status">
        {moveMode ? t('traveller.moveHint') : t(MESSAGES[device.state])}
      </p>
    </div>
  );
}
