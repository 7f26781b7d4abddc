import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '@escale/shared';
import { HourlyLimit, senderAllowed, SMTP_LIMITS } from './limits.ts';

describe('the SMTP listener limits', () => {
  it('accepts a message as large as an uploaded file, no larger', () => {
    expect(SMTP_LIMITS.maxMessageBytes).toBe(IMPORT_LIMITS.maxBytes);
  });

  it('allows N events per key in an hour, then refuses until the hour has passed', () => {
    const limit = new HourlyLimit(3);
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => limit.take('a', t0))).toEqual([true, true, true, false]);
    expect(limit.take('b', t0 + 10)).toBe(true);
    expect(limit.take('a', t0 + 3_599_999)).toBe(false);
    expect(limit.take('a', t0 + 3_600_000)).toBe(true);
  });

  it('remembers a bounded number of keys, refusing new ones while all are within their hour', () => {
    const limit = new HourlyLimit(5, 2);
    expect(limit.take('a', 0)).toBe(true);
    expect(limit.take('b', 0)).toBe(true);
    expect(limit.take('c', 1000)).toBe(false);
    expect(limit.take('a', 1000)).toBe(true);
    // Once their hour is over, old keys make room.
    expect(limit.take('c', 3_600_000)).toBe(true);
  });
});

describe('allowed senders', () => {
  it('allows anyone when the list is empty', () => {
    expect(senderAllowed('anyone@example.com', [])).toBe(true);
  });

  it('matches an address without case, and a domain with its subdomains', () => {
    const allowed = ['lea@example.com', 'airfrance.fr'];
    expect(senderAllowed('Lea@Example.com', allowed)).toBe(true);
    expect(senderAllowed('confirmation@airfrance.fr', allowed)).toBe(true);
    expect(senderAllowed('noreply@mail.airfrance.fr', allowed)).toBe(true);
    expect(senderAllowed('noreply@notairfrance.fr', allowed)).toBe(false);
    expect(senderAllowed('other@example.com', allowed)).toBe(false);
    expect(senderAllowed('', allowed)).toBe(false);
  });
});
