/**
 * Expands event templates into dated events around "today" in the city's calendar, so the demo always has
 * tonight's concert and next week's screening whatever day it is run.
 */
import { type Currency, localParts, zonedTimeToUtc, type EventTemplate } from '@escale/shared';

export interface ScheduledEvent {
  id: string;
  templateId: string;
  placeId: string;
  title: string;
  kind: EventTemplate['kind'];
  tags: string[];
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  price: number;
  currency: Currency;
}

export const SCHEDULE_DAYS_BEFORE = 1;
export const SCHEDULE_DAYS_AFTER = 13;

export function scheduleEvents(templates: EventTemplate[], now: Date, timeZone: string): ScheduledEvent[] {
  const today = localParts(now, timeZone);
  const out: ScheduledEvent[] = [];
  for (let offset = -SCHEDULE_DAYS_BEFORE; offset <= SCHEDULE_DAYS_AFTER; offset++) {
    // Calendar arithmetic on a UTC date of the local day avoids DST skew in day counting.
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const weekday = day.getUTCDay();
    const ymd = day.toISOString().slice(0, 10);
    for (const t of templates) {
      if (!t.weekdays.includes(weekday)) continue;
      const [hour, minute] = t.startLocal.split(':').map(Number) as [number, number];
      const startsAt = zonedTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute }, timeZone);
      out.push({
        id: `${t.id}-${ymd}`,
        templateId: t.id,
        placeId: t.placeId,
        title: t.title,
        kind: t.kind,
        tags: t.tags,
        startsAt,
        endsAt: new Date(startsAt.getTime() + t.durationMinutes * 60_000),
        capacity: t.capacity,
        // Demo templates are priced in euros.
        price: t.priceEur,
        currency: 'EUR',
      });
    }
  }
  return out;
}
