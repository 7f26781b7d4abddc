/**
 * The only reading of insight events that reaches staff: counts of distinct travellers, computed in the
 * database. A figure is one action, one group and one bucket (a day or a week); it is shown when at least
 * INSIGHT_LIMITS.minTravellers travellers make it. Every total is then counted over the events of shown
 * figures only, so a hidden figure adds nothing to any number of the answer, and no subtraction of two
 * numbers can bring it back (docs/DECISIONS.md, "Insights without personal data").
 */
import { INSIGHT_LIMITS, type InsightBucket, type InsightGrouping } from '@escale/shared';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../store/db.ts';

export interface InsightScope {
  agencyId: string;
  /** Days, both included. */
  from: string;
  to: string;
  by: InsightGrouping;
  bucket: InsightBucket;
}

export interface Count {
  action: string;
  /** The group's key, when counted per group. */
  grp?: string;
  /** The bucket's first day, when counted per bucket. */
  bucket?: string;
  n: number;
}

const GROUP_COLUMN: Record<InsightGrouping, string> = { category: 'category', place: 'place_id', signal: 'signal' };

/**
 * Distinct travellers per action (and per group and/or bucket, as `dims` says), over the events of the
 * shown figures. `group`: only that group's figures.
 */
export async function countOverShown(db: Db, scope: InsightScope, dims: readonly ('grp' | 'bucket')[], group: string | null = null): Promise<Count[]> {
  const grp = sql.ref(`e.${GROUP_COLUMN[scope.by]}`);
  const bucket = sql.ref(`e.${scope.bucket}`);
  const of: Record<'grp' | 'bucket', RawBuilder<unknown>> = { grp: sql`${grp}`, bucket: sql`${bucket}` };
  const inScope = sql`e.agency_id = ${scope.agencyId} and e.day >= ${scope.from} and e.day <= ${scope.to}${group === null ? sql`` : sql` and ${grp} = ${group}`}`;
  const columns = [sql`e.action as action`, ...dims.map((d) => sql`${of[d]} as ${sql.raw(d)}`), sql`count(distinct e.traveller_id) as n`];
  const groupBy = [sql`e.action`, ...dims.map((d) => of[d])];
  const { rows } = await sql<{ action: string; grp?: string; bucket?: string; n: number | string }>`
    with shown as (
      select e.action as action, ${grp} as grp, ${bucket} as bucket
      from insight_events e
      where ${inScope}
      group by e.action, ${grp}, ${bucket}
      having count(distinct e.traveller_id) >= ${INSIGHT_LIMITS.minTravellers}
    )
    select ${sql.join(columns)}
    from insight_events e
    join shown s on s.action = e.action and s.grp = ${grp} and s.bucket = ${bucket}
    where ${inScope}
    group by ${sql.join(groupBy)}
  `.execute(db);
  // PostgreSQL counts in bigint, which pg hands over as a string.
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
