/**
 * Time as the ranker and the push policy see it. Production uses the system clock; a session may carry a
 * virtual clock (demo replays at 60×, tests of quiet hours) so nothing reads Date.now() directly.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs at `speed`× real time; `set` jumps, `speed 0` pauses. */
export class VirtualClock implements Clock {
  private originReal = Date.now();
  private originVirtual: number;
  constructor(
    start: Date,
    private speed = 1,
  ) {
    this.originVirtual = start.getTime();
  }
  now(): Date {
    return new Date(this.originVirtual + (Date.now() - this.originReal) * this.speed);
  }
  set(to: Date, speed = this.speed): void {
    this.originReal = Date.now();
    this.originVirtual = to.getTime();
    this.speed = speed;
  }
}
