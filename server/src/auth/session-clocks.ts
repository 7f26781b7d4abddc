/**
 * A virtual clock per session: a demo replays a trip at 60×, a test jumps to 21:59 to watch quiet hours
 * begin. Stored with the session (so it survives a restart) as an offset from the server's clock, and held
 * in memory as a live object, so a connection sees a change the moment it is made.
 *
 * A virtual clock stays within MAX_CLOCK_SKEW_MS of the server's: setting it further is refused, and a fast
 * clock that runs past the bound stops there. Far-off instants have nothing to show (no event, no opening
 * hours), overflow the date formats, and leave push state dated in another era (push/politeness.ts).
 */
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../store/db.ts';

/** Five years either way: room for any demo trip, far from the limits of dates and time zones. */
export const MAX_CLOCK_SKEW_MS = 5 * 365.25 * 86_400_000;

const StoredClock = z.object({ originServer: z.number(), originVirtual: z.number(), speed: z.number().min(0).max(3600) });
type StoredClock = z.infer<typeof StoredClock>;

export class ClockOutOfRange extends Error {
  constructor(at: Date, server: Date) {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    super(
      `A session clock must stay within 5 years of the server's date: between ${day(server.getTime() - MAX_CLOCK_SKEW_MS)} and ` +
        `${day(server.getTime() + MAX_CLOCK_SKEW_MS)}; ${Number.isNaN(at.getTime()) ? 'that is not a date' : `${at.toISOString()} is not`}.`,
    );
    this.name = 'ClockOutOfRange';
  }
}

/** The session's time: the server's clock, or virtual time running at `speed` from where it was set. */
class SessionClock implements Clock {
  constructor(
    private readonly server: Clock,
    private stored: StoredClock | null,
  ) {}
  now(): Date {
    const real = this.server.now();
    if (!this.stored) return real;
    const { originServer, originVirtual, speed } = this.stored;
    const virtual = originVirtual + (real.getTime() - originServer) * speed;
    // A clock running at 3600× crosses five years in twelve hours: it stops at the bound.
    return new Date(Math.min(real.getTime() + MAX_CLOCK_SKEW_MS, Math.max(real.getTime() - MAX_CLOCK_SKEW_MS, virtual)));
  }
  get virtual(): boolean {
    return this.stored !== null;
  }
  get speed(): number {
    return this.stored?.speed ?? 1;
  }
  set(stored: StoredClock | null): void {
    this.stored = stored;
  }
}

export interface SessionClockInfo {
  now: Date;
  virtual: boolean;
  speed: number;
}

export class SessionClocks {
  private readonly live = new Map<string, SessionClock>();
  constructor(
    private readonly db: Db,
    private readonly server: Clock,
  ) {}

  /** The clock of a session (the server's clock unless one was set). */
  async forSession(sessionId: string): Promise<SessionClock> {
    const cached = this.live.get(sessionId);
    if (cached) return cached;
    const row = await this.db.selectFrom('sessions').select('clock').where('id_hash', '=', sessionId).executeTakeFirst();
    const parsed = row?.clock ? StoredClock.safeParse(JSON.parse(row.clock)) : null;
    const clock = new SessionClock(this.server, parsed?.success ? parsed.data : null);
    this.live.set(sessionId, clock);
    return clock;
  }

  /**
   * Sets the session's time to `at`, running at `speed` (0 pauses it); null goes back to the server's clock.
   * Throws ClockOutOfRange for a time more than MAX_CLOCK_SKEW_MS from the server's.
   */
  async set(sessionId: string, to: { at: Date; speed: number } | null): Promise<SessionClockInfo> {
    const server = this.server.now();
    if (to && !(Math.abs(to.at.getTime() - server.getTime()) <= MAX_CLOCK_SKEW_MS)) throw new ClockOutOfRange(to.at, server);
    const stored = to ? StoredClock.parse({ originServer: server.getTime(), originVirtual: to.at.getTime(), speed: to.speed }) : null;
    await this.db
      .updateTable('sessions')
      .set({ clock: stored ? JSON.stringify(stored) : null })
      .where('id_hash', '=', sessionId)
      .execute();
    const clock = await this.forSession(sessionId);
    clock.set(stored);
    return { now: clock.now(), virtual: clock.virtual, speed: clock.speed };
  }

  forget(sessionId: string): void {
    this.live.delete(sessionId);
  }
}
