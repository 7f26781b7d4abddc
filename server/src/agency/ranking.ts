/**
 * An agency's ranking settings (admin): each signal's weight within its bounds and the promotion lift
 * (shared/src/agency.ts). Written with an `agency_changed` change: every instance's recommender reads them
 * again, and the agency's travellers' next rankings use them (the Why panel shows the weights used).
 */
import { type AgencyRanking, AgencyRanking as AgencyRankingSchema, type AgencyRankingPatch, DEFAULT_AGENCY_RANKING } from '@escale/shared';
import type { Bus } from '../bus/bus.ts';
import type { AppContext } from '../context.ts';
import type { Recommender } from '../recommend/recommender.ts';
import type { Db } from '../store/db.ts';

/** Stored settings, or the defaults (none stored, or stored by a version whose bounds no longer hold). */
export function parseAgencyRanking(json: string | null): AgencyRanking {
  if (json === null) return DEFAULT_AGENCY_RANKING;
  const parsed = AgencyRankingSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : DEFAULT_AGENCY_RANKING;
}

export async function readAgencyRankings(db: Db): Promise<Map<string, AgencyRanking>> {
  const rows = await db.selectFrom('agencies').select(['id', 'ranking']).where('ranking', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, parseAgencyRanking(r.ranking)]));
}

export async function updateAgencyRanking(ctx: Pick<AppContext, 'changes'>, agencyId: string, patch: AgencyRankingPatch): Promise<AgencyRanking> {
  return ctx.changes.record(
    async (trx) => {
      const row = await trx.selectFrom('agencies').select('ranking').where('id', '=', agencyId).executeTakeFirstOrThrow();
      const now = parseAgencyRanking(row.ranking);
      const next: AgencyRanking = { weights: { ...now.weights, ...patch.weights }, promotionLift: patch.promotionLift ?? now.promotionLift };
      await trx
        .updateTable('agencies')
        .set({ ranking: JSON.stringify(next) })
        .where('id', '=', agencyId)
        .execute();
      return next;
    },
    () => [{ type: 'agency_changed', agencyId }],
  );
}

export function followAgencyChanges(bus: Bus, db: Db, recommender: Recommender): () => void {
  return bus.on('agency_changed', async ({ agencyId }) => {
    const row = await db.selectFrom('agencies').select('ranking').where('id', '=', agencyId).executeTakeFirst();
    recommender.setAgencyRanking(agencyId, parseAgencyRanking(row?.ranking ?? null));
  });
}
