/**
 * A virtual clock per session: a demo replays a trip at 60×, a test jumps to 21:59 to watch quiet hours
 * begin. Stored with the session (so it survives a restart) as an offset from the server's clock, and held
 * in memory as a live object, so a connection sees a change the moment it is made.
 */
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../store/db.ts';

const StoredClock = z.object({ originServer: z.number(), originVirtual: z.number(), speed: z.number().min(0).max(3600) });
type StoredClock = z.infer<typeof StoredClock>;

/** The session's time: the server's clock, or virtual time running at `speed` from where it was set. */
class SessionClock implements Clock {
  constructor(
    private readonly server: Clock,
    private stored: StoredClock | null,
  ) {}
  now(): Date {
    if (!this.stored) return this.server.now();
    const { originServer, originVirtual, speed } = this.stored;
    return new Date(originVirtual + (this.server.now().getTime() - originServer) * speed);
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

  /** Sets the session's time to `at`, running at `speed` (0 pauses it); null goes back to the server's clock. */
  async set(sessionId: string, to: { at: Date; speed: number } | null): Promise<SessionClockInfo> {
    const stored = to ? StoredClock.parse({ originServer: this.server.now().getTime(), originVirtual: to.at.getTime(), speed: to.speed }) : null;
    await this.db.updateTable('sessions').set({ clock: stored ? JSON.stringify(stored) : null }).where('id_hash', '=', sessionId).execute();
    const clock = await this.forSession(sessionId);
    clock.set(stored);
    return { now: clock.now(), virtual: clock.virtual, speed: clock.speed };
  }

  forget(sessionId: string): void {
    this.live.delete(sessionId);
  }
}
