import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('lets a burst through, then drops, then closes a client that keeps flooding', () => {
    let t = 0;
    const limiter = new RateLimiter(10, 5, () => t);
    const verdicts = Array.from({ length: 11 }, () => limiter.take());
    expect(verdicts.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(verdicts.slice(5, 9)).toEqual(['drop', 'drop', 'drop', 'drop']);
    expect(verdicts[9]).toBe('close');
    t += 1000; // a second later the bucket is full again
    expect(limiter.take()).toBe('ok');
  });

  it('refills at the configured rate and forgives drops once back under the limit', () => {
    let t = 0;
    const limiter = new RateLimiter(10, 4, () => t);
    for (let i = 0; i < 4; i++) limiter.take();
    expect(limiter.take()).toBe('drop');
    expect(limiter.firstDrop).toBe(true);
    t += 100; // one token
    expect(limiter.take()).toBe('ok');
    t += 400; // four tokens: back to half full or more, drops forgiven
    expect(limiter.take()).toBe('ok');
    for (let i = 0; i < 3; i++) limiter.take();
    expect(limiter.take()).toBe('drop');
    expect(limiter.firstDrop).toBe(true);
  });
});
