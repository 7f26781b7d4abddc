import { DEFAULT_WEIGHTS, hasEvidenceTemplate, RankingExplained, renderEvidence } from '@escale/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { EXCLUSION_REASONS } from '../recommend/hard-rules.ts';
import { SIGNALS } from '../recommend/signals/index.ts';
import { rankingExplained } from './ranking-explained.ts';

describe('the public description of the ranking', () => {
  const explained = RankingExplained.parse(rankingExplained(loadConfig({}).config));

  it('names every signal the ranker runs, in its order, with the weight it ranks with', () => {
    expect(explained.signals.map((s) => s.id)).toEqual(SIGNALS.map((s) => s.id));
    for (const s of explained.signals) expect(s.weight).toBe(DEFAULT_WEIGHTS[s.id]);
    expect(explained.signals.reduce((sum, s) => sum + s.maxShare, 0)).toBeCloseTo(1, 1);
    expect(explained.signals.filter((s) => s.nonProfiled).map((s) => s.id)).toEqual(['timing', 'popularity', 'agency']);
  });

  it('says every signal, what it reads, every hard rule and the promotions cap in words, in English and French', () => {
    const evidence = [...explained.signals.flatMap((s) => [s.description, s.reads]), ...explained.hardRules, explained.promotions];
    expect(explained.hardRules).toHaveLength(EXCLUSION_REASONS.length);
    for (const e of evidence) {
      expect(hasEvidenceTemplate(e.key), e.key).toBe(true);
      for (const locale of ['en', 'fr'] as const) expect(renderEvidence(e, locale)).not.toMatch(/undefined|\{|\}/);
    }
    expect(renderEvidence(explained.promotions, 'en')).toMatch(/at most 0.5 points, 3 % of the largest possible score, and never more than 25 % of what the idea scores without it/);
    expect(explained.retention).toEqual({ positionHours: 24, suggestionsKept: 200 });
  });
});
