/**
 * The notifications form as the traveller edits it, and the patch it turns into. Numbers stay text while
 * typed (an emptied field is not 0); the server is the one judge of what is valid, and its issues are
 * sorted here by the field they belong to.
 */
import { AUTO_TRIGGERS, type AutoTrigger, type PushSettings, type PushSettingsPatch } from '@escale/shared';

export interface SettingsDraft {
  triggers: Record<AutoTrigger, boolean>;
  minMinutesBetweenPushes: string;
  quietHours: { enabled: boolean; from: string; until: string };
  moveThresholdMeters: string;
  mealTimes: string[];
  repeatSameDay: boolean;
  minGapMinutes: string;
}

/** The number fields, edited as text. */
export type NumberSetting = 'minMinutesBetweenPushes' | 'moveThresholdMeters' | 'minGapMinutes';

export function draftFrom(settings: PushSettings): SettingsDraft {
  return {
    triggers: { ...settings.triggers },
    minMinutesBetweenPushes: String(settings.minMinutesBetweenPushes),
    quietHours: { ...settings.quietHours },
    moveThresholdMeters: String(settings.moveThresholdMeters),
    mealTimes: [...settings.mealTimes],
    repeatSameDay: settings.repeatSameDay,
    minGapMinutes: String(settings.minGapMinutes),
  };
}

/** An emptied or garbled number is sent as null, so the server names the field instead of storing a guess. */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Only what differs from the stored settings: another tab's change to another field is not overwritten. */
export function patchFrom(draft: SettingsDraft, saved: PushSettings): PushSettingsPatch {
  const patch: PushSettingsPatch = {};
  const triggers = AUTO_TRIGGERS.filter((t) => draft.triggers[t] !== saved.triggers[t]);
  if (triggers.length > 0) patch.triggers = Object.fromEntries(triggers.map((t) => [t, draft.triggers[t]]));
  const quiet = (['enabled', 'from', 'until'] as const).filter((k) => draft.quietHours[k] !== saved.quietHours[k]);
  if (quiet.length > 0) patch.quietHours = Object.fromEntries(quiet.map((k) => [k, draft.quietHours[k]]));
  for (const key of ['minMinutesBetweenPushes', 'moveThresholdMeters', 'minGapMinutes'] as const) {
    const value = numberOf(draft[key]);
    if (value !== saved[key]) patch[key] = value;
  }
  if (draft.mealTimes.join() !== saved.mealTimes.join()) patch.mealTimes = draft.mealTimes;
  if (draft.repeatSameDay !== saved.repeatSameDay) patch.repeatSameDay = draft.repeatSameDay;
  return patch;
}

export function hasChanges(patch: PushSettingsPatch): boolean {
  return Object.keys(patch).length > 0;
}

/** A field of the form, as named in the server's issue paths ("quietHours.from", "mealTimes.1" → "mealTimes"). */
export type FieldName = NumberSetting | 'quietHours.from' | 'quietHours.until' | 'mealTimes' | 'form';

const FIELDS: readonly FieldName[] = ['minMinutesBetweenPushes', 'moveThresholdMeters', 'minGapMinutes', 'quietHours.from', 'quietHours.until', 'mealTimes'];

/** The server's messages by field; anything not tied to one field (a bad body, a trigger) goes under `form`. */
export function issuesByField(issues: readonly { path: string; message: string }[]): Partial<Record<FieldName, string[]>> {
  const byField: Partial<Record<FieldName, string[]>> = {};
  for (const issue of issues) {
    const field = FIELDS.find((f) => issue.path === f || issue.path.startsWith(`${f}.`)) ?? 'form';
    (byField[field] ??= []).push(issue.message);
  }
  return byField;
}
