import { describe, expect, it } from 'vitest';
import type { SignalContribution, SignalId } from '@escale/shared';
import { reasonOf } from './reason.ts';

const contribution = (signal: SignalId, points: number, key = `${signal}.x`): SignalContribution => ({
  signal,
  value: points,
  weight: 1,
  points,
  share: 0,
  evidence: { key, params: {} },
  personalData: [],
});

describe('a card’s reason', () => {
  it('is never the distance or the hours the card already shows, even when they drove the ranking', () => {
    const reason = reasonOf([contribution('proximity', 0.9), contribution('timing', 0.6), contribution('interests', 0.2, 'interests.likes')], 'place', true);
    expect(reason.key).toBe('interests.likes');
  });

  it('is the strongest of the other contributions', () => {
    const reason = reasonOf([contribution('popularity', 0.1), contribution('taste', 0.3, 'taste.co_visit'), contribution('interests', 0.2)], 'place', true);
    expect(reason.key).toBe('taste.co_visit');
  });

  it('keeps an event’s timing, which is a reason of its own', () => {
    expect(reasonOf([contribution('proximity', 0.9), contribution('timing', 0.5, 'timing.event_starts_in')], 'event', true).key).toBe('timing.event_starts_in');
  });

  it('is never what is true of nearly every place: within budget, no special needs, a middling rating', () => {
    const reason = reasonOf(
      [contribution('proximity', 0.9), contribution('budget', 1, 'budget.within'), contribution('party', 0.5, 'party.none'), contribution('popularity', 0.3, 'popularity.rating')],
      'place',
      true,
    );
    expect(reason.key).toBe('reason.near_open');
    expect(reasonOf([contribution('budget', 1, 'budget.free'), contribution('popularity', 0.8, 'popularity.rating')], 'place', true).key).toBe('budget.free');
    expect(reasonOf([contribution('budget', 1, 'budget.within'), contribution('popularity', 0.8, 'popularity.rating')], 'place', true).key).toBe('popularity.rating');
  });

  it('says plainly when nothing but distance and hours speaks for it', () => {
    expect(reasonOf([contribution('proximity', 0.9), contribution('interests', 0)], 'place', true).key).toBe('reason.near_open');
    expect(reasonOf([contribution('proximity', 0.9)], 'place', false).key).toBe('reason.near');
  });
});
