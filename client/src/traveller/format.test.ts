import { describe, expect, it } from 'vitest';
import { suggestion } from '../testing/fixtures.ts';
import { categoryLabel, eventLine, formatNumber, hoursLine, orderedContributions, percent, walkLine } from './format.ts';

describe('walkLine', () => {
  it('gives the distance and the walking time', () => {
    expect(walkLine(suggestion(), 'en')).toEqual({ key: 'card.walk', params: { distance: '450 m', minutes: 7 } });
  });
  it('uses a decimal comma in French', () => {
    const far = suggestion({ distanceMeters: 1250, walkMinutes: 20 });
    expect(walkLine(far, 'fr')?.params?.distance).toBe('1,3 km');
  });
  it('says nothing when the position is not used', () => {
    expect(walkLine(suggestion({ distanceMeters: null, walkMinutes: null }), 'en')).toBeNull();
  });
});

describe('hoursLine', () => {
  it('shows the closing time of an open place', () => {
    expect(hoursLine(suggestion())).toEqual({ key: 'card.openUntil', params: { time: '23:00' } });
  });
  it('admits unknown hours instead of claiming the place is open', () => {
    expect(hoursLine(suggestion({ hoursKnown: false, openUntil: null })).key).toBe('card.hoursUnknown');
  });
  it('says open all day when hours are known but there is no closing time', () => {
    expect(hoursLine(suggestion({ openUntil: null })).key).toBe('card.openAllDay');
  });
});

describe('eventLine', () => {
  it('shows an event start on the city clock', () => {
    const base = suggestion();
    const concert = suggestion({ item: { ...base.item, kind: 'event', startsAt: '2026-11-23T19:30:00Z' } });
    expect(eventLine(concert, 'Europe/Paris')).toEqual({ key: 'card.startsAt', params: { time: '20:30' } });
  });
  it('is absent for places', () => {
    expect(eventLine(suggestion(), 'Europe/Paris')).toBeNull();
  });
});

describe('categoryLabel', () => {
  it('gives the category (for its drawn icon) and the translated label', () => {
    expect(categoryLabel(suggestion(), 'fr')).toEqual({ id: 'bar', label: 'Bar' });
  });
});

describe('numbers', () => {
  it('rounds shares to whole percents', () => {
    expect(percent(0.614)).toBe(61);
  });
  it('formats values for the reader', () => {
    expect(formatNumber(0.755, 'en')).toBe('0.76');
    expect(formatNumber(2.5, 'fr')).toBe('2,5');
  });
});

describe('orderedContributions', () => {
  it('puts the driving signal first even when another has a larger share', () => {
    const [proximity, popularity] = suggestion().contributions;
    const ordered = orderedContributions(
      [
        { ...proximity!, share: 0.3 },
        { ...popularity!, share: 0.7 },
      ],
      'proximity',
    );
    expect(ordered.map((c) => c.signal)).toEqual(['proximity', 'popularity']);
  });
  it('orders the rest by share, largest first', () => {
    const [proximity, popularity] = suggestion().contributions;
    const timing = { ...popularity!, signal: 'timing' as const, share: 0.1 };
    const ordered = orderedContributions([timing, popularity!, proximity!], 'proximity');
    expect(ordered.map((c) => c.signal)).toEqual(['proximity', 'popularity', 'timing']);
  });
});
