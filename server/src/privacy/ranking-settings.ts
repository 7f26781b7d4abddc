/**
 * How the traveller wants their feed ranked (DSA Art. 27 and 38): the non-profiled switch, the personal
 * signals switched off, and where the feed is centred without a position. Written with a `traveller_changed`
 * change, so that every instance's caches read it again and the traveller's open feeds are ranked again at
 * once (realtime/follow-traveller-changes.ts).
 */
import { type RankingSettings, type RankingSettingsBody, type RankingSettingsPatch } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import type { Traveller } from '../travellers/model.ts';
import { parseRankingSettings } from './queries.ts';

export async function updateRankingSettings(ctx: Pick<AppContext, 'changes' | 'recommender'>, traveller: Traveller, patch: RankingSettingsPatch): Promise<RankingSettings> {
  if (patch.anchor?.kind === 'neighbourhood') {
    const id = patch.anchor.id;
    if (!ctx.recommender.neighbourhoods.of(traveller.cityId).some((n) => n.id === id)) {
      throw new HttpError(400, 'bad_request', `No neighbourhood ${JSON.stringify(id)} in this city: GET /api/ranking-settings lists them.`);
    }
  }
  return ctx.changes.record(
    async (trx) => {
      // Read in the transaction: two tabs switching two things at once both keep their change.
      const row = await trx.selectFrom('travellers').select('ranking_settings').where('id', '=', traveller.id).executeTakeFirstOrThrow();
      const settings: RankingSettings = { ...parseRankingSettings(row.ranking_settings), ...patch };
      await trx
        .updateTable('travellers')
        .set({ ranking_settings: JSON.stringify(settings) })
        .where('id', '=', traveller.id)
        .execute();
      return settings;
    },
    () => [{ type: 'traveller_changed', travellerId: traveller.id }],
  );
}

export function rankingSettingsBody(ctx: Pick<AppContext, 'recommender'>, traveller: Traveller, settings: RankingSettings): RankingSettingsBody {
  return { settings, neighbourhoods: ctx.recommender.neighbourhoods.of(traveller.cityId) };
}
