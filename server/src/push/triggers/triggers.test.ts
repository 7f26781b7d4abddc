import { describe, expect, it } from 'vitest';
import { DEFAULT_PUSH_SETTINGS } from '@escale/shared';
import { EMPTY_STATE } from '../state.ts';
import { holdReason } from '../politeness.ts';
import { agencyEventTrigger } from './agency-event.ts';
import { mealWindowTrigger } from './meal-window.ts';
import { movedTrigger } from './moved.ts';
import { newAreaTrigger } from './new-area.ts';
import { walletGapTrigger } from './wallet-gap.ts';

const S = DEFAULT_PUSH_SETTINGS;
const here = { lat: 48.8593, lon: 2.361 };
const state = { ...EMPTY_STATE, lastPosition: here, lastArea: 'a1' };

describe('push triggers', () => {
  it('moved: only past the threshold, and never without a previous push position', () => {
    expect(movedTrigger(S, state, { lat: here.lat + 0.002, lon: here.lon })).toBeNull(); // ~220 m
    expect(movedTrigger(S, state, { lat: here.lat + 0.004, lon: here.lon })).toMatchObject({ kind: 'moved', evidence: { params: { meters: 445 } } });
    expect(movedTrigger(S, EMPTY_STATE, { lat: 0, lon: 0 })).toBeNull();
    expect(movedTrigger({ ...S, triggers: { ...S.triggers, moved: false } }, state, { lat: 0, lon: 0 })).toBeNull();
  });

  it('new area: says where when the area has a name', () => {
    expect(newAreaTrigger(S, state, 'a1', 'Paris 3e')).toBeNull();
    expect(newAreaTrigger(S, state, 'a2', 'Paris 4e')?.evidence).toEqual({ key: 'trigger.new_area', params: { area: 'Paris 4e' } });
    expect(newAreaTrigger(S, state, 'a2', null)?.evidence.key).toBe('trigger.new_area_unnamed');
  });

  it('meal window: fires in the window after each meal time, once a day per meal', () => {
    const lunch = mealWindowTrigger(S, EMPTY_STATE, '2026-11-24', 12 * 60 + 5);
    expect(lunch).toMatchObject({ kind: 'meal_window', evidence: { params: { meal: 'lunch', time: '12:00' } }, remember: { lastMeal: '2026-11-24 12:00' } });
    expect(mealWindowTrigger(S, { ...EMPTY_STATE, lastMeal: '2026-11-24 12:00' }, '2026-11-24', 12 * 60 + 30)).toBeNull();
    expect(mealWindowTrigger(S, EMPTY_STATE, '2026-11-24', 11 * 60 + 59)).toBeNull();
    expect(mealWindowTrigger(S, EMPTY_STATE, '2026-11-24', 13 * 60 + 31)).toBeNull();
    expect(mealWindowTrigger(S, EMPTY_STATE, '2026-11-24', 19 * 60 + 45)?.evidence.params).toEqual({ meal: 'dinner', time: '19:30' });
  });

  it('wallet gap: once per gap', () => {
    const gap = { key: 'lunch>show', from: new Date('2026-11-24T13:00:00Z'), until: new Date('2026-11-24T17:00:00Z') };
    const clock = (d: Date) => d.toISOString().slice(11, 16);
    expect(walletGapTrigger(S, EMPTY_STATE, gap, clock)).toMatchObject({ evidence: { params: { from: '13:00', until: '17:00' } }, remember: { lastGap: 'lunch>show' } });
    expect(walletGapTrigger(S, { ...EMPTY_STATE, lastGap: 'lunch>show' }, gap, clock)).toBeNull();
    expect(walletGapTrigger(S, EMPTY_STATE, null, clock)).toBeNull();
  });

  it('agency event: matches a stated interest by tag or by the place’s category', () => {
    const place = { category: 'bar', tags: ['wine'] } as never;
    const event = { title: 'Tasting', tags: ['natural-wine'] } as never;
    expect(agencyEventTrigger(S, [{ kind: 'tag', id: 'natural-wine' }], event, place, 'Agency')?.evidence.params).toMatchObject({ kind: 'tag', id: 'natural-wine' });
    expect(agencyEventTrigger(S, [{ kind: 'category', id: 'bar' }], event, place, 'Agency')?.kind).toBe('agency_event');
    expect(agencyEventTrigger(S, [{ kind: 'category', id: 'museum' }], event, place, 'Agency')).toBeNull();
  });

  it('politeness: a last push dated after now (made on a clock ahead of this one) holds nothing back', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const fromTheFuture = { ...EMPTY_STATE, lastUnsolicitedAt: new Date('9999-01-01T00:00:00Z') };
    expect(holdReason(S, fromTheFuture, now, 13 * 60)).toBeNull();
    expect(holdReason({ ...S, minMinutesBetweenPushes: 0 }, { ...EMPTY_STATE, lastUnsolicitedAt: new Date(now.getTime() + 60_000) }, now, 13 * 60)).toBeNull();
  });

  it('politeness: quiet hours first, then at most one unsolicited push per interval', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(holdReason(S, EMPTY_STATE, now, 23 * 60)).toBe('quiet_hours');
    expect(holdReason(S, { ...EMPTY_STATE, lastUnsolicitedAt: new Date(now.getTime() - 19 * 60_000) }, now, 13 * 60)).toBe('too_soon');
    expect(holdReason(S, { ...EMPTY_STATE, lastUnsolicitedAt: new Date(now.getTime() - 20 * 60_000) }, now, 13 * 60)).toBeNull();
  });
});
