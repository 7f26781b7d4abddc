/** "Moved": the traveller walked farther than their threshold from where the last push was made. */
import { distanceMeters, type PushSettings } from '@escale/shared';
import type { PushState } from '../state.ts';
import type { Firing } from './firing.ts';

export function movedTrigger(settings: PushSettings, state: PushState, position: { lat: number; lon: number }): Firing | null {
  if (!settings.triggers.moved || !state.lastPosition) return null;
  const meters = distanceMeters(state.lastPosition, position);
  if (meters < settings.moveThresholdMeters) return null;
  return { kind: 'moved', evidence: { key: 'trigger.moved', params: { meters: Math.round(meters) } }, remember: {} };
}
