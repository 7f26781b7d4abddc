/**
 * Politeness: whether an unsolicited push may go out now. "Suggest now" and the other pushes the traveller
 * caused never ask. Quiet hours are in the city's time zone; the interval counts from the last unsolicited
 * push, so asking for suggestions does not delay the next automatic one.
 */
import { inQuietHours, type PushSettings } from '@escale/shared';
import type { PushState } from './state.ts';

export type Hold = 'quiet_hours' | 'too_soon';

export function holdReason(settings: PushSettings, state: PushState, now: Date, localMinutes: number): Hold | null {
  if (inQuietHours(settings, localMinutes)) return 'quiet_hours';
  const last = state.lastUnsolicitedAt;
  // A last push dated after `now` was made on a clock ahead of this one (a demo played at 60×, a virtual
  // clock since reset): it says nothing of this clock's pushes and holds nothing back, or a session that
  // once visited the future would stay silent on the real clock until that date came round.
  if (last && last <= now && now.getTime() - last.getTime() < settings.minMinutesBetweenPushes * 60_000) return 'too_soon';
  return null;
}
