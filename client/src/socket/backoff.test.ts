import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, reconnectDelay } from './backoff.ts';

describe('reconnectDelay', () => {
  it('starts short so a blip is barely noticed', () => {
    expect(reconnectDelay(0, 0)).toBe(250);
    expect(reconnectDelay(0, 0.999)).toBeLessThanOrEqual(500);
  });
  it('doubles its ceiling with each failed attempt', () => {
    expect(reconnectDelay(3, 0.999)).toBeLessThanOrEqual(4000);
    expect(reconnectDelay(3, 0)).toBe(2000);
  });
  it('never waits more than 30 s, however many attempts failed', () => {
    for (const attempt of [10, 20, 100, 1000]) {
      expect(reconnectDelay(attempt, 0.999999)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    }
  });
  it('spreads clients that failed together', () => {
    expect(reconnectDelay(5, 0.1)).not.toBe(reconnectDelay(5, 0.9));
  });
});
