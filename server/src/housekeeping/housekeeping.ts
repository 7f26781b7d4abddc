/**
 * The scheduled clean-up that keeps every store bounded: sessions that can no longer open anything end
 * (expired, or demo sessions once demo mode is off) and their demo visitors are erased; messages no replay
 * can be sent any more, change-log entries every instance applied long ago, wallet inbox items, positions
 * and insight events past their retention are deleted. Runs at start and every HOUSEKEEPING_INTERVAL_MS on the server's clock.
 */
import { endSession } from '../auth/end-session.ts';
import { purgeChangeLog } from '../bus/change-log.ts';
import { deadSessions } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { visitorsWithoutSession } from '../demo/visitors.ts';
import { purgeLog } from '../realtime/message-log.ts';
import { eraseTraveller } from '../travellers/erase.ts';
import { purgeInbox } from '../wallet/forwarding/queries.ts';
import { purgePositions } from '../privacy/retention.ts';
import { purgeExpiredStaffSessions } from '../agency/staff-sessions.ts';
import { purgeEvents } from '../insights/events.ts';
import { localDate } from '../recommend/local-clock.ts';
import { FORWARDING_LIMITS, INSIGHT_LIMITS } from '@escale/shared';

/** Often enough that an expired demo visitor is gone within minutes; each run costs a few indexed queries. */
export const HOUSEKEEPING_INTERVAL_MS = 5 * 60_000;

export interface HousekeepingReport {
  sessionsEnded: number;
  visitorsErased: number;
  messagesPurged: number;
  changesPurged: number;
  /** Wallet inbox items past their retention (FORWARDING_LIMITS.retentionDays), whatever became of them. */
  inboxPurged: number;
  /** Stored positions older than POSITION_RETENTION_HOURS. */
  positionsPurged: number;
  /** Insight events of days past INSIGHT_LIMITS.retentionDays (in the city). */
  insightsPurged: number;
}

export type HousekeepingDeps = Pick<AppContext, 'db' | 'afterTurn' | 'changes' | 'clock' | 'config' | 'logger' | 'storeHealth' | 'cities'>;

export async function runHousekeeping(ctx: HousekeepingDeps): Promise<HousekeepingReport> {
  const now = ctx.clock.now();
  const report: HousekeepingReport = { sessionsEnded: 0, visitorsErased: 0, messagesPurged: 0, changesPurged: 0, inboxPurged: 0, positionsPurged: 0, insightsPurged: 0 };
  for (const session of await deadSessions(ctx.db, now, ctx.config)) {
    await endSession(ctx, session, 'expired');
    report.sessionsEnded++;
  }
  // Visitors left without a session by anything else (a crash between two writes, an older version).
  for (const id of await visitorsWithoutSession(ctx.db)) {
    if (await eraseTraveller(ctx, id)) report.visitorsErased++;
  }
  report.messagesPurged = await purgeLog(ctx.db, now, ctx.config.realtime.replayMaxMessages);
  // Operational time, as the entries are stamped with: a virtual session clock has nothing to do with it.
  report.changesPurged = await purgeChangeLog(ctx.db, new Date());
  report.positionsPurged = await purgePositions(ctx.db, new Date(now.getTime() - ctx.config.retention.positionMs));
  await purgeExpiredStaffSessions(ctx.db, now);
  report.inboxPurged = await purgeInbox(ctx.db, new Date(now.getTime() - FORWARDING_LIMITS.retentionDays * 86_400_000));
  report.insightsPurged = await purgeEvents(ctx.db, localDate(now, ctx.cities.default.timezone), INSIGHT_LIMITS.retentionDays);
  return report;
}

export interface Housekeeping {
  /** Runs now (after any run in progress); tests call it after moving the clock. */
  runOnce(): Promise<HousekeepingReport>;
  stop(): void;
}

export function scheduleHousekeeping(ctx: HousekeepingDeps, intervalMs = HOUSEKEEPING_INTERVAL_MS): Housekeeping {
  let running: Promise<HousekeepingReport> | null = null;
  const runOnce = async (): Promise<HousekeepingReport> => {
    while (running) await running.catch(() => undefined);
    running = runHousekeeping(ctx);
    try {
      const report = await running;
      if (Object.values(report).some((n) => n > 0)) ctx.logger.info({ report }, 'housekeeping');
      return report;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    if (running) return; // a slow run is never stacked on another
    runOnce().catch((err: unknown) => {
      ctx.storeHealth.record(err);
      ctx.logger.error({ err }, 'housekeeping failed');
    });
  }, intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
