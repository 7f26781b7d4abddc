/**
 * The push policy as the traveller sees and edits it: which triggers may send suggestions unasked, how
 * often, and when never. Defaults are the product brief's; every field is stored per traveller.
 */
import { z } from 'zod';

/** "HH:MM" on a 24-hour clock, in the city's time zone. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (00:00–23:59)');
export type ClockTime = z.infer<typeof ClockTime>;

/** Triggers that push without being asked; each can be switched off. */
export const AUTO_TRIGGERS = ['moved', 'new_area', 'meal_window', 'wallet_gap', 'agency_event'] as const;
export type AutoTrigger = (typeof AUTO_TRIGGERS)[number];

/** Every reason a suggestion message is sent: the automatic triggers and the ones the traveller caused. */
export const TRIGGER_KINDS = [...AUTO_TRIGGERS, 'first_position', 'suggest_now', 'feedback', 'reconnected'] as const;
export const TriggerKind = z.enum(TRIGGER_KINDS);
export type TriggerKind = z.infer<typeof TriggerKind>;

export const PushSettings = z.object({
  triggers: z.object(Object.fromEntries(AUTO_TRIGGERS.map((t) => [t, z.boolean()])) as Record<AutoTrigger, z.ZodBoolean>),
  /** At most one unsolicited push per this many minutes ("Suggest now" is never held back). */
  minMinutesBetweenPushes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** No unsolicited push between `from` and `until` (across midnight when `from` > `until`). */
  quietHours: z.object({ enabled: z.boolean(), from: ClockTime, until: ClockTime }),
  /** Distance walked since the last push that counts as "moved". */
  moveThresholdMeters: z.number().int().min(50).max(10_000),
  /** When meal windows begin. */
  mealTimes: z.array(ClockTime).max(6),
  /** Whether the same suggestion may come back on the same day in an unsolicited push. */
  repeatSameDay: z.boolean(),
  /** Shortest free time in the wallet timeline that is worth a suggestion. */
  minGapMinutes: z
    .number()
    .int()
    .min(30)
    .max(24 * 60),
});
export type PushSettings = z.infer<typeof PushSettings>;

export const DEFAULT_PUSH_SETTINGS: PushSettings = {
  triggers: { moved: true, new_area: true, meal_window: true, wallet_gap: true, agency_event: true },
  minMinutesBetweenPushes: 20,
  quietHours: { enabled: true, from: '22:00', until: '08:00' },
  moveThresholdMeters: 300,
  mealTimes: ['12:00', '19:30'],
  repeatSameDay: false,
  minGapMinutes: 120,
};

/** A change to the settings: any subset of the fields (and of the triggers and quiet hours). */
export const PushSettingsPatch = z
  .object({
    triggers: PushSettings.shape.triggers.partial(),
    minMinutesBetweenPushes: PushSettings.shape.minMinutesBetweenPushes,
    quietHours: PushSettings.shape.quietHours.partial(),
    moveThresholdMeters: PushSettings.shape.moveThresholdMeters,
    mealTimes: PushSettings.shape.mealTimes,
    repeatSameDay: PushSettings.shape.repeatSameDay,
    minGapMinutes: PushSettings.shape.minGapMinutes,
  })
  .partial()
  .strict();
export type PushSettingsPatch = z.infer<typeof PushSettingsPatch>;

export function applyPushSettingsPatch(current: PushSettings, patch: PushSettingsPatch): PushSettings {
  return PushSettings.parse({
    ...current,
    ...patch,
    triggers: { ...current.triggers, ...patch.triggers },
    quietHours: { ...current.quietHours, ...patch.quietHours },
  });
}

/** Minutes since midnight of an "HH:MM". */
export function minutesOfDay(time: ClockTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Whether a local time of day (minutes since midnight) falls in quiet hours. */
export function inQuietHours(settings: PushSettings, localMinutes: number): boolean {
  if (!settings.quietHours.enabled) return false;
  const from = minutesOfDay(settings.quietHours.from);
  const until = minutesOfDay(settings.quietHours.until);
  if (from === until) return false;
  return from < until ? localMinutes >= from && localMinutes < until : localMinutes >= from || localMinutes < until;
}
