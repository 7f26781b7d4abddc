/**
 * How personal the feeds are: the demo personas ask at the same place and time, in every district of the
 * scenario suite, and their top 3s are compared pair by pair (overlap = shared items / 3, lower is more
 * personal), with a bootstrap 95 % interval over districts. Also how often each signal drives Escale's
 * suggestions; a baseline has one criterion, which "drives" all of its picks.
 */
import { Scenario, type ScenarioInput } from '../../shared/src/eval-scenario.ts';
import { SIGNAL_IDS, type SignalId } from '../../shared/src/index.ts';
import type { Place } from '../../server/src/catalogue/model.ts';
import type { CatalogueFiles } from '../../server/src/catalogue/load-files.ts';
import { mulberry32 } from './random.ts';
import { answersOf, type ScenarioMethodId, SCENARIO_METHODS, TOP, worldFor } from './scenarios.ts';

export const SPREAD_PERSONAS = ['lea', 'martin-family', 'marc'] as const;
/** Tuesday 24 November 2026, 18:00 in Paris: the moment of the walk, an evening ahead. */
export const SPREAD_TIME = '2026-11-24T18:00:00+01:00';
/** Scenario positions closer than this count as one district. */
const SAME_DISTRICT_M = 400;

/** The criterion each baseline orders by, reported as its driver. */
const BASELINE_DRIVER: Record<string, SignalId> = { popular: 'popularity', nearest: 'proximity', 'category-proximity': 'taste' };

export interface District {
  id: string;
  lat: number;
  lon: number;
}

/** One district per cluster of scenario positions, named after its first scenario. */
export function districtsOf(scenarios: readonly Scenario[]): District[] {
  const out: District[] = [];
  for (const s of scenarios) {
    if (!s.position) continue;
    const near = out.some((d) => Math.hypot((d.lat - s.position!.lat) * 111_000, (d.lon - s.position!.lon) * 73_000) < SAME_DISTRICT_M);
    if (!near) out.push({ id: s.id, lat: s.position.lat, lon: s.position.lon });
  }
  return out;
}

export interface Interval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

/** Mean and a percentile-bootstrap 95 % interval (seeded, so a run is repeatable). */
export function bootstrapMean(values: readonly number[], seed = 7, resamples = 10_000): Interval {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / (n || 1);
  if (n < 2) return { mean, low: mean, high: mean, n };
  const rand = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(rand() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  return { mean, low: means[Math.floor(0.025 * resamples)]!, high: means[Math.floor(0.975 * resamples)]!, n };
}

/** Shared items of two top lists, over the list length asked for. */
export function overlap(a: readonly string[], b: readonly string[], top = TOP): number {
  const set = new Set(a);
  return b.filter((id) => set.has(id)).length / top;
}

export interface SpreadMethod {
  id: ScenarioMethodId;
  label: string;
  /** Mean top-3 overlap per persona pair over the districts. */
  overlap: Interval;
  /** The same, per persona pair ("lea–marc"). */
  pairs: Record<string, Interval>;
  /** Districts where every persona got the very same top 3. */
  identical: number;
  /** Share of the suggestions each signal drove. */
  drivers: Partial<Record<SignalId, number>>;
}

export interface SpreadResult {
  time: string;
  districts: District[];
  suggestions: number;
  methods: SpreadMethod[];
}

export function personaSpread(scenarios: readonly Scenario[], files: CatalogueFiles, places: Place[]): SpreadResult {
  const districts = districtsOf(scenarios);
  // tops[method][district][persona] = item ids
  const tops = new Map<ScenarioMethodId, string[][][]>(SCENARIO_METHODS.map((m) => [m.id, []]));
  const drivers = new Map<ScenarioMethodId, Map<SignalId, number>>(SCENARIO_METHODS.map((m) => [m.id, new Map()]));
  let suggestions = 0;
  for (const d of districts) {
    for (const m of SCENARIO_METHODS) tops.get(m.id)!.push([]);
    for (const personaId of SPREAD_PERSONAS) {
      const input: ScenarioInput = {
        id: `spread-${personaId}`,
        title: `${personaId} in the district of ${d.id}`,
        persona: personaId,
        why: 'Persona spread: the same place and time for every persona.',
        traveller: { personaId },
        position: { lat: d.lat, lon: d.lon },
        time: SPREAD_TIME,
        expect: [{ property: 'atLeast', count: 1 }],
      };
      const world = worldFor(Scenario.parse(input), files, places);
      for (const m of SCENARIO_METHODS) {
        const answers = answersOf(m.id, world);
        tops
          .get(m.id)!
          .at(-1)!
          .push(answers.map((a) => a.id));
        const count = drivers.get(m.id)!;
        for (const a of answers) {
          const driver = a.explanation?.driver ?? BASELINE_DRIVER[m.id.split('+')[0]!]!;
          count.set(driver, (count.get(driver) ?? 0) + 1);
        }
        if (m.id === 'escale') suggestions += answers.length;
      }
    }
  }
  const methods = SCENARIO_METHODS.map((m): SpreadMethod => {
    const byDistrict = tops.get(m.id)!;
    const pairNames: string[] = [];
    for (let i = 0; i < SPREAD_PERSONAS.length; i++) for (let j = i + 1; j < SPREAD_PERSONAS.length; j++) pairNames.push(`${SPREAD_PERSONAS[i]}–${SPREAD_PERSONAS[j]}`);
    // byPair[pair][district]
    const byPair = pairNames.map(() => [] as number[]);
    for (const lists of byDistrict) {
      let k = 0;
      for (let i = 0; i < lists.length; i++) for (let j = i + 1; j < lists.length; j++) byPair[k++]!.push(overlap(lists[i]!, lists[j]!));
    }
    const perDistrict = byDistrict.map((_lists, d) => byPair.reduce((sum, values) => sum + values[d]!, 0) / byPair.length);
    const pairs = Object.fromEntries(pairNames.map((name, k) => [name, bootstrapMean(byPair[k]!)]));
    const identical = byDistrict.filter((lists) => lists.every((l) => l.join() === lists[0]!.join())).length;
    const count = drivers.get(m.id)!;
    const total = [...count.values()].reduce((a, b) => a + b, 0) || 1;
    const shares: Partial<Record<SignalId, number>> = {};
    for (const id of SIGNAL_IDS) if (count.has(id)) shares[id] = count.get(id)! / total;
    return { id: m.id, label: m.label, overlap: bootstrapMean(perDistrict), pairs, identical, drivers: shares };
  });
  return { time: SPREAD_TIME, districts, suggestions, methods };
}
