/**
 * `GET /api/agency/insights`: the agency's figures for the console, for any staff role (the contract's
 * `viewer`, enforced by agency/access.ts), scoped to the member's agency. Only counts of distinct travellers
 * leave, parsed with the strict `AgencyInsights` before they do.
 */
import { Router } from 'express';
import { AgencyInsights, AgencyInsightsQuery } from '@escale/shared';
import { currentStaff } from '../agency/access.ts';
import type { AppContext } from '../context.ts';
import { parseQuery } from '../http/errors.ts';
import { countOverShown } from './aggregate.ts';
import { assembleInsights } from './figures.ts';
import { resolveRange } from './range.ts';

export function insightRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/agency/insights', async (req, res) => {
    const q = parseQuery(AgencyInsightsQuery, req.query);
    const { agencyId } = currentStaff(res).member;
    const range = resolveRange(q, ctx.insights.day());
    // What this instance delivered in the last second counts too.
    await ctx.insights.flush();
    const scope = { agencyId, from: range.from, to: range.to, by: q.by, bucket: q.bucket };
    const group = q.group ?? null;
    const labelOf = (key: string) => (q.by === 'place' ? (ctx.graph.place(key)?.name ?? key) : key);
    const counts = {
      groups: await countOverShown(ctx.db, scope, ['grp']),
      series: await countOverShown(ctx.db, scope, ['bucket'], group),
      totals: await countOverShown(ctx.db, scope, [], group),
    };
    const answer = assembleInsights({ range, by: q.by, bucket: q.bucket, group: group === null ? null : { key: group, label: labelOf(group) }, counts, labelOf });
    res.json(AgencyInsights.parse(answer));
  });

  return router;
}
