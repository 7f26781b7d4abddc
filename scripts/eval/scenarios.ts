/**
 * The scenario suite: each scenario of `data/eval/scenarios/` is ranked by Escale and by the baselines on
 * the same candidates (places within 3 km of the position, or of the city centre without one), and each
 * list (a top 3, or the longer list the scenario asks for with `top`) is checked against its properties.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCENARIO_TOP, Scenario } from '../../shared/src/eval-scenario.ts';
import { describeIssues, NO_DETAILS, type Booking, type PersonaRecord } from '../../shared/src/index.ts';
import type { Place } from '../../server/src/catalogue/model.ts';
import type { CatalogueFiles } from '../../server/src/catalogue/load-files.ts';
import { DEMO_AGENCY } from '../../server/src/catalogue/seed.ts';
import { TravelGraph } from '../../server/src/graph/travel-graph.ts';
import type { Candidate } from '../../server/src/recommend/candidate.ts';
import { generateCandidates } from '../../server/src/recommend/candidates.ts';
import type { RankingContext } from '../../server/src/recommend/context.ts';
import { exclusionReason } from '../../server/src/recommend/hard-rules.ts';
import { rank } from '../../server/src/recommend/rank.ts';
import { Recommender } from '../../server/src/recommend/recommender.ts';
import { fromSuggestion, type EvalAnswer } from './answer.ts';
import { BASELINE_IDS, BASELINE_LABELS, categoryCounts, placeAnswer, rankBaseline, type BaselineId } from './baselines.ts';
import { catalogueAt, cityOf, lookupOf, parisPlaces, ROOT, travellerFor } from './paris-world.ts';
import { checkAll, type PropertyEnv, type PropertyResult } from './properties.ts';

export const SCENARIO_DIR = path.join(ROOT, 'data/eval/scenarios');
/** A notification's three: the list a scenario is checked on unless it says (`top`), and the persona spread's. */
export const TOP = DEFAULT_SCENARIO_TOP;
export const SCENARIO_RADIUS_M = 3_000;
const ALL_PLACES = 1_000_000;

export type ScenarioMethodId = 'escale' | BaselineId | `${BaselineId}+rules`;
export const SCENARIO_METHODS: { id: ScenarioMethodId; label: string }[] = [
  { id: 'escale', label: 'Escale' },
  ...BASELINE_IDS.map((id) => ({ id, label: BASELINE_LABELS[id] })),
  ...BASELINE_IDS.map((id) => ({ id: `${id}+rules` as const, label: `${BASELINE_LABELS[id]} + hard rules` })),
];

export interface ScenarioFileProblem {
  file: string;
  reason: string;
}

export function loadScenarios(dir = SCENARIO_DIR): { scenarios: Scenario[]; problems: ScenarioFileProblem[] } {
  const scenarios: Scenario[] = [];
  const problems: ScenarioFileProblem[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push({ file, reason: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const parsed = Scenario.safeParse(raw);
    if (!parsed.success) problems.push({ file, reason: describeIssues(parsed.error, '(scenario)') });
    else if (`${parsed.data.id}.json` !== name) problems.push({ file, reason: `id ${parsed.data.id} does not match the file name` });
    else scenarios.push(parsed.data);
  }
  return { scenarios, problems };
}

/** One scenario put together: the graph, Escale's context, the candidates, and what properties are checked against. */
export interface ScenarioWorld {
  graph: TravelGraph;
  ctx: RankingContext;
  candidates: Candidate[];
  env: PropertyEnv;
}

export function worldFor(scenario: Scenario, files: CatalogueFiles, places: Place[]): ScenarioWorld {
  const now = new Date(scenario.time);
  const catalogue = catalogueAt(files, places, now, scenario.soldOut);
  const city = cityOf(files);
  const setup = travellerFor(scenario, files.personas as PersonaRecord[], city.id, now, files.demoTravellers);
  const graph = TravelGraph.build(catalogue, setup.interactions);
  const position = scenario.position ? { ...scenario.position, at: now } : null;
  // The wallet as the push hands it to the ranker (push-cache.ts), which reads it only with the wallet consent.
  const bookings = scenario.traveller.bookings.map((b, i): Booking => ({ ...b, id: `${scenario.id}-${i}`, timezone: city.timezone, source: 'manual', status: 'confirmed', details: NO_DETAILS }));
  const ctx = new Recommender(graph, () => DEMO_AGENCY.name).context({ traveller: setup.traveller, now, position, nonProfiled: setup.nonProfiled, bookings });
  return {
    graph,
    ctx,
    candidates: generateCandidates(graph, ctx, { radiusMeters: SCENARIO_RADIUS_M, maxPlaces: ALL_PLACES }),
    env: {
      now,
      timezone: city.timezone,
      countryCode: city.countryCode,
      position: scenario.position,
      positionUsable: ctx.position !== null,
      consents: setup.traveller.consents,
      nonProfiled: setup.nonProfiled,
      likes: setup.traveller.likes,
      catalogue: lookupOf(catalogue),
    },
  };
}

/** The `top` answers of a method (Escale or a baseline) in the scenario's world. */
export function answersOf(method: ScenarioMethodId, world: ScenarioWorld, top = TOP): EvalAnswer[] {
  const { graph, ctx } = world;
  // Escale runs exactly as in the product: its own reach, hard rules and diversity.
  if (method === 'escale') return rank(graph, ctx, { limit: top }).items.map(fromSuggestion);
  const [id, withRules] = method.split('+') as [BaselineId, string | undefined];
  const candidates = world.candidates.filter((c) => c.kind === 'place' && (!withRules || !exclusionReason(c, ctx))).map((c) => c.place);
  // Baselines see what the ranking may see: the position only with its consent, history only with its.
  const history = (ctx.history ?? []).map((i) => graph.place(i.placeId)).filter((p): p is Place => p !== undefined);
  const input = { candidates, origin: ctx.position ?? ctx.city.center, popularity: ratingPopularity, categoryCounts: categoryCounts(history) };
  return rankBaseline(id, input, top).map((p) => placeAnswer(p, ctx.position));
}

/** Most popular in Paris: rating × log(1 + reviews) — the demo ratings are all there is. */
export function ratingPopularity(p: Place): number {
  return (p.rating ?? 0) * Math.log1p(p.reviewCount);
}

export interface ScenarioOutcome {
  scenario: Scenario;
  byMethod: Record<ScenarioMethodId, { answers: EvalAnswer[]; results: PropertyResult[]; passed: boolean }>;
}

export function runScenario(scenario: Scenario, files: CatalogueFiles, places = parisPlaces(files)): ScenarioOutcome {
  const world = worldFor(scenario, files, places);
  const byMethod = Object.fromEntries(
    SCENARIO_METHODS.map(({ id }) => {
      const answers = answersOf(id, world, scenario.top);
      const results = checkAll(scenario.expect, answers, world.env);
      return [id, { answers, results, passed: results.every((r) => r.failures.length === 0) }];
    }),
  ) as ScenarioOutcome['byMethod'];
  return { scenario, byMethod };
}
