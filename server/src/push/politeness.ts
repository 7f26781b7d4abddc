/**
 * Politeness: whether an unsolicited push may go out now. "Suggest now" and the other pushes the traveller
 * caused never ask. Quiet hours are in the city's time zone; the interval counts from the last unsolicited
 * push, so asking for suggestions does not delay the next automatic one.
 */
import { AUTO_TRIGGERS, inQuietHours, type NotificationStatus, type PushSettings } from '@escale/shared';
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

/**
 * What the screen says about notifications right now: going out (`on`), held by quiet hours until their
 * end, held by the interval until the next one may go, or switched off. The same rules as `holdReason`.
 */
export function notificationStatus(settings: PushSettings, state: PushState, now: Date, localMinutes: number, localClockAt: (at: Date) => string): NotificationStatus {
  if (!AUTO_TRIGGERS.some((t) => settings.triggers[t])) return { state: 'off' };
  if (inQuietHours(settings, localMinutes)) return { state: 'quiet_hours', until: settings.quietHours.until };
  const last = state.lastUnsolicitedAt;
  const interval = settings.minMinutesBetweenPushes * 60_000;
  if (last && last <= now && now.getTime() - last.getTime() < interval) {
    const nextAt = new Date(last.getTime() + interval);
    return { state: 'paced', nextAt: localClockAt(nextAt), minutes: Math.ceil((nextAt.getTime() - now.getTime()) / 60_000) };
  }
  return { state: 'on' };
}
