import { applyPushSettingsPatch } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { pushSettings } from '../testing/fixtures.ts';
import { draftFrom, hasChanges, issuesByField, patchFrom } from './draft.ts';

describe('patchFrom', () => {
  it('sends nothing when nothing was edited', () => {
    const saved = pushSettings();
    expect(patchFrom(draftFrom(saved), saved)).toEqual({});
    expect(hasChanges(patchFrom(draftFrom(saved), saved))).toBe(false);
  });
  it('sends only the trigger and the quiet-hours bound that changed', () => {
    const saved = pushSettings();
    const draft = draftFrom(saved);
    draft.triggers.meal_window = false;
    draft.quietHours.from = '23:30';
    expect(patchFrom(draft, saved)).toEqual({ triggers: { meal_window: false }, quietHours: { from: '23:30' } });
  });
  it('turns typed numbers into numbers and edited meal times into the whole new list', () => {
    const saved = pushSettings();
    const draft = { ...draftFrom(saved), moveThresholdMeters: ' 500 ', mealTimes: ['12:30', '19:30', '16:00'] };
    const patch = patchFrom(draft, saved);
    expect(patch).toEqual({ moveThresholdMeters: 500, mealTimes: ['12:30', '19:30', '16:00'] });
    expect(applyPushSettingsPatch(saved, patch).moveThresholdMeters).toBe(500);
  });
  it('sends an emptied number as null, for the server to name the field', () => {
    const saved = pushSettings();
    const patch = patchFrom({ ...draftFrom(saved), minGapMinutes: '' }, saved);
    expect(JSON.parse(JSON.stringify(patch))).toEqual({ minGapMinutes: null });
  });
});

describe('issuesByField', () => {
  it('puts each server message beside the field it is about', () => {
    const issues = [
      { path: 'quietHours.from', message: 'expected a time as HH:MM (00:00–23:59)' },
      { path: 'mealTimes.1', message: 'expected a time as HH:MM (00:00–23:59)' },
      { path: 'moveThresholdMeters', message: 'Too small: expected number to be >=50' },
      { path: '(body)', message: 'Unrecognized key: "sound"' },
    ];
    expect(issuesByField(issues)).toEqual({
      'quietHours.from': ['expected a time as HH:MM (00:00–23:59)'],
      mealTimes: ['expected a time as HH:MM (00:00–23:59)'],
      moveThresholdMeters: ['Too small: expected number to be >=50'],
      form: ['Unrecognized key: "sound"'],
    });
  });
});
