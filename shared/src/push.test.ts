import { describe, expect, it } from 'vitest';
import { applyPushSettingsPatch, DEFAULT_PUSH_SETTINGS, inQuietHours, PushSettingsPatch } from './push.ts';

const at = (h: number, m = 0) => h * 60 + m;

describe('push settings', () => {
  it('knows quiet hours across midnight, and none when switched off or empty', () => {
    expect(inQuietHours(DEFAULT_PUSH_SETTINGS, at(22))).toBe(true);
    expect(inQuietHours(DEFAULT_PUSH_SETTINGS, at(3))).toBe(true);
    expect(inQuietHours(DEFAULT_PUSH_SETTINGS, at(7, 59))).toBe(true);
    expect(inQuietHours(DEFAULT_PUSH_SETTINGS, at(8))).toBe(false);
    expect(inQuietHours(DEFAULT_PUSH_SETTINGS, at(21, 59))).toBe(false);
    const siesta = { ...DEFAULT_PUSH_SETTINGS, quietHours: { enabled: true, from: '13:00', until: '15:00' } };
    expect(inQuietHours(siesta, at(14))).toBe(true);
    expect(inQuietHours(siesta, at(22))).toBe(false);
    expect(inQuietHours({ ...DEFAULT_PUSH_SETTINGS, quietHours: { ...DEFAULT_PUSH_SETTINGS.quietHours, enabled: false } }, at(23))).toBe(false);
  });

  it('applies a partial change field by field and refuses unknown or malformed fields', () => {
    const next = applyPushSettingsPatch(DEFAULT_PUSH_SETTINGS, { triggers: { moved: false }, quietHours: { from: '23:30' } });
    expect(next.triggers).toEqual({ ...DEFAULT_PUSH_SETTINGS.triggers, moved: false });
    expect(next.quietHours).toEqual({ enabled: true, from: '23:30', until: '08:00' });
    expect(PushSettingsPatch.safeParse({ quietHours: { from: '24:00' } }).success).toBe(false);
    expect(PushSettingsPatch.safeParse({ minMinutesBetweenPushes: -1 }).success).toBe(false);
    expect(PushSettingsPatch.safeParse({ volume: 11 }).success).toBe(false);
  });
});
