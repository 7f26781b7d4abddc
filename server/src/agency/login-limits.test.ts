import { describe, expect, it } from 'vitest';
import { LoginAttempts } from './login-limits.ts';

const limits = { failuresPerAccount: 3, failuresPerAddress: 5, failureWindowMs: 60_000 };

describe('login attempts', () => {
  it('holds an account back after its failures, until the window moves on, and a success clears it', () => {
    const attempts = new LoginAttempts(limits);
    for (let i = 0; i < 3; i++) attempts.recordFailure('sophie@a.example', '10.0.0.1', 1_000 + i);
    expect(attempts.waitSeconds('sophie@a.example', '10.0.0.2', 2_000)).toBe(59); // the first failure leaves the window at 61 s
    expect(attempts.waitSeconds('other@a.example', '10.0.0.2', 2_000)).toBe(0);
    expect(attempts.waitSeconds('sophie@a.example', '10.0.0.2', 61_001)).toBe(0);
    attempts.recordSuccess('sophie@a.example');
    expect(attempts.waitSeconds('sophie@a.example', '10.0.0.9', 2_000)).toBe(0);
  });

  it('holds an address back after failures on many accounts', () => {
    const attempts = new LoginAttempts(limits);
    for (let i = 0; i < 5; i++) attempts.recordFailure(`user${i}@a.example`, '10.0.0.1', 1_000);
    expect(attempts.waitSeconds('new@a.example', '10.0.0.1', 1_000)).toBe(60);
    expect(attempts.waitSeconds('new@a.example', '10.0.0.2', 1_000)).toBe(0);
  });
});
