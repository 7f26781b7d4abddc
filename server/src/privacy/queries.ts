/**
 * Reading what the traveller decided about their feed: ranking settings (null column = defaults) and
 * "fewer like this". Writes live with their routes; these are shared by the ranking, My data and the export.
 */
import { DEFAULT_RANKING_SETTINGS, type FewerLike, type InterestRef, RankingSettings } from '@escale/shared';
import type { Db } from '../store/db.ts';

/** A stored value that no longer parses (an older shape) reads as the defaults rather than failing a ranking. */
export function parseRankingSettings(json: string | null): RankingSettings {
  if (!json) return DEFAULT_RANKING_SETTINGS;
  const parsed = RankingSettings.safeParse({ ...DEFAULT_RANKING_SETTINGS, ...(JSON.parse(json) as object) });
  return parsed.success ? parsed.data : DEFAULT_RANKING_SETTINGS;
}

export async function rankingSettingsOf(db: Db, travellerId: string): Promise<RankingSettings> {
  const row = await db.selectFrom('travellers').select('ranking_settings').where('id', '=', travellerId).executeTakeFirst();
  return parseRankingSettings(row?.ranking_settings ?? null);
}

/** The traveller's "fewer like this", latest first. */
export async function fewerLikeOf(db: Db, travellerId: string): Promise<FewerLike[]> {
  const rows = await db.selectFrom('fewer_like').selectAll().where('traveller_id', '=', travellerId).orderBy('at', 'desc').orderBy('interest_id').execute();
  return rows.map((r) => ({ interest: { kind: r.kind as InterestRef['kind'], id: r.interest_id }, at: r.at }));
}
