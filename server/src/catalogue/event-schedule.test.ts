import { describe, expect, it } from 'vitest';
import type { EventTemplate } from '@escale/shared';
import { scheduleEvents, SCHEDULE_DAYS_AFTER, SCHEDULE_DAYS_BEFORE } from './event-schedule.ts';

const template: EventTemplate = {
  id: 'jazz-trio',
  placeId: 'osm:node/1',
  title: 'Late-night jazz trio',
  kind: 'concert',
  tags: ['jazz'],
  weekdays: [2],
  startLocal: '20:30',
  durationMinutes: 120,
  capacity: 60,
  priceEur: 25,
};

describe('event schedule', () => {
  it('places each occurrence at the local start time of its weekday, around today', () => {
    const events = scheduleEvents([template], new Date('2026-11-24T10:00:00Z'), 'Europe/Paris'); // a Tuesday
    expect(events.map((e) => e.id)).toEqual(['jazz-trio-2026-11-24', 'jazz-trio-2026-12-01']);
    expect(events[0]!.startsAt.toISOString()).toBe('2026-11-24T19:30:00.000Z'); // 20:30 in Paris (UTC+1)
    expect(events[0]!.endsAt.getTime() - events[0]!.startsAt.getTime()).toBe(120 * 60_000);
  });

  it('keeps the local time across a change to summer time', () => {
    const events = scheduleEvents([{ ...template, weekdays: [0, 1, 2, 3, 4, 5, 6] }], new Date('2027-03-26T12:00:00Z'), 'Europe/Paris');
    const before = events.find((e) => e.id.endsWith('2027-03-27'))!;
    const after = events.find((e) => e.id.endsWith('2027-03-29'))!;
    expect(before.startsAt.toISOString()).toBe('2027-03-27T19:30:00.000Z');
    expect(after.startsAt.toISOString()).toBe('2027-03-29T18:30:00.000Z');
    expect(events).toHaveLength(SCHEDULE_DAYS_BEFORE + SCHEDULE_DAYS_AFTER + 1);
  });
});
