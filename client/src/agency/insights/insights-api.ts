/** The console's insights (server/src/insights/), the answer checked against the contract on receipt. */
import { AgencyInsights, type InsightBucket, type InsightGrouping } from '@escale/shared';
import { request } from '../../api/api.ts';

export interface InsightsRequest {
  /** Days "YYYY-MM-DD"; left out, the server answers the last four weeks. */
  from?: string;
  to?: string;
  by: InsightGrouping;
  bucket: InsightBucket;
  /** One group's series instead of all of them. */
  group?: string;
}

export function getInsights(q: InsightsRequest): Promise<AgencyInsights> {
  const params = new URLSearchParams({ by: q.by, bucket: q.bucket });
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.group) params.set('group', q.group);
  return request(`/api/agency/insights?${params}`, AgencyInsights);
}
