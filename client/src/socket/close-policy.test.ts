import { CLOSE_CODES } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { afterClose } from './close-policy.ts';

describe('afterClose', () => {
  it('stops on a protocol mismatch: the app must be reloaded, not reconnected', () => {
    expect(afterClose(CLOSE_CODES.protocolVersion, 0, 0.5)).toEqual({ kind: 'stop', status: 'outdated' });
  });
  it('stops when the session ended, so the traveller signs in again', () => {
    expect(afterClose(CLOSE_CODES.sessionEnded, 0, 0.5)).toEqual({ kind: 'stop', status: 'ended' });
  });
  it('comes back at once after a slow-consumer close to resync', () => {
    expect(afterClose(CLOSE_CODES.slowConsumer, 0, 0.5)).toEqual({ kind: 'reconnect', delayMs: 0 });
  });
  it('backs off when a slow-consumer reconnection failed before its welcome', () => {
    const next = afterClose(CLOSE_CODES.slowConsumer, 2, 0);
    expect(next).toEqual({ kind: 'reconnect', delayMs: 1000 });
  });
  it('backs off with jitter after a lost heartbeat, a rate limit or a dropped network', () => {
    for (const code of [CLOSE_CODES.noHeartbeat, CLOSE_CODES.rateLimited, 1006, 1001]) {
      expect(afterClose(code, 0, 0)).toEqual({ kind: 'reconnect', delayMs: 250 });
      expect(afterClose(code, 0, 0.999)).toEqual({ kind: 'reconnect', delayMs: 500 });
    }
  });
});
