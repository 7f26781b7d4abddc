/**
 * The main parameters of the recommender in plain words (DSA Art. 27), for the public page "How suggestions
 * are ranked": generated from what the ranker runs (its signal list, the weights it ranks with, each signal's
 * consent, the hard rules it obeys), so the page cannot drift from the code. The words are evidence keys
 * rendered by the shared templates in each language (shared/src/evidence.ts).
 */
import { DEFAULT_PROMOTION_LIFT, DEFAULT_WEIGHTS, FEWER_LIKE_FACTOR, type RankingExplained, SIGNAL_CONSENT } from '@escale/shared';
import type { ServerConfig } from '../config.ts';
import { EVENT_HORIZON_HOURS, EXCLUSION_REASONS, MIN_MINUTES_OPEN_AFTER_ARRIVAL } from '../recommend/hard-rules.ts';
import { SIGNALS } from '../recommend/signals/index.ts';

/** Rounded as shown: a share of the whole score in hundredths. */
const share = (x: number) => Math.round(x * 100) / 100;

export function rankingExplained(config: Pick<ServerConfig, 'retention' | 'realtime'>): RankingExplained {
  const total = SIGNALS.reduce((sum, s) => sum + DEFAULT_WEIGHTS[s.id], 0);
  const agency = DEFAULT_WEIGHTS.agency;
  return {
    signals: SIGNALS.map((s) => ({
      id: s.id,
      weight: DEFAULT_WEIGHTS[s.id],
      maxShare: share(DEFAULT_WEIGHTS[s.id] / total),
      consent: SIGNAL_CONSENT[s.id],
      nonProfiled: SIGNAL_CONSENT[s.id] === null,
      description: { key: `explain.${s.id}`, params: {} },
      reads: { key: `explain.reads.${s.id}`, params: {} },
    })),
    hardRules: EXCLUSION_REASONS.map((reason) => ({ key: `rule.${reason}`, params: { minutes: MIN_MINUTES_OPEN_AFTER_ARRIVAL, hours: EVENT_HORIZON_HOURS } })),
    promotions: { key: 'explain.promotions', params: { weight: agency, percent: Math.round((agency / total) * 100), lift: Math.round(DEFAULT_PROMOTION_LIFT * 100) } },
    fewerLikeFactor: FEWER_LIKE_FACTOR,
    retention: { positionHours: Math.round(config.retention.positionMs / 3_600_000), suggestionsKept: config.realtime.replayMaxMessages },
  };
}
