/**
 * Failed console sign-ins, counted per account and per client address over a window (ASVS V2.2.1): past
 * either limit, sign-in answers 429 with the wait, even with the right password, until the window moves on.
 * A success clears the account's count. Counted in memory per instance (like the other rate limits,
 * docs/SECURITY.md): behind a load balancer each instance counts its own share.
 */
export interface LoginLimits {
  failuresPerAccount: number;
  failuresPerAddress: number;
  failureWindowMs: number;
}

/** The most entries kept: a flood of distinct addresses cannot grow memory without bound (oldest go first). */
const MAX_KEYS = 100_000;

export class LoginAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits) {}

  /** Seconds to wait before trying again, or 0 when a try is allowed now. */
  waitSeconds(account: string, address: string, now: number): number {
    const waits = [this.wait(`a:${account}`, this.limits.failuresPerAccount, now), this.wait(`ip:${address}`, this.limits.failuresPerAddress, now)];
    return Math.max(...waits);
  }

  recordFailure(account: string, address: string, now: number): void {
    for (const key of [`a:${account}`, `ip:${address}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.delete(key); // re-inserted last: the Map's order is oldest-first
      this.failures.set(key, list);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(account: string): void {
    this.failures.delete(`a:${account}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.failureWindowMs);
  }

  private wait(key: string, limit: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < limit) return 0;
    return Math.max(1, Math.ceil((list[list.length - limit]! + this.limits.failureWindowMs - now) / 1000));
  }
}
