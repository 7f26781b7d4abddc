/**
 * A token bucket per connection: `perSecond` messages on average, `burst` at once. A client over the limit
 * gets its messages dropped with an error; one that keeps flooding (as many drops as a full burst) is
 * closed with 1008, since nobody reads errors that fast.
 */
export type RateVerdict = 'ok' | 'drop' | 'close';

export class RateLimiter {
  private tokens: number;
  private last: number;
  private dropped = 0;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = this.now();
  }

  take(): RateVerdict {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      // Back under the limit: earlier drops are forgiven, a burst now and then is not a flood.
      if (this.tokens >= this.burst / 2) this.dropped = 0;
      return 'ok';
    }
    this.dropped++;
    return this.dropped >= this.burst ? 'close' : 'drop';
  }

  /** Whether this drop is the first of a run (answer it with an error; the next ones are dropped silently). */
  get firstDrop(): boolean {
    return this.dropped === 1;
  }
}
