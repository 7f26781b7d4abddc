import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { offsetMinutes } from '../../shared/src/index.ts';
import { Scenario } from '../../shared/src/eval-scenario.ts';
import { oracleAnswer } from './oracle.ts';
import { loadParisFiles, parisPlaces } from './paris-world.ts';
import { loadScenarios, runScenario, SCENARIO_DIR, SCENARIO_METHODS, worldFor } from './scenarios.ts';

const files = loadParisFiles();
const places = parisPlaces(files);
const { scenarios, problems } = loadScenarios();

describe('scenario files', () => {
  const names = fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json'));

  it.each(names)('%s validates against the scenario schema', (name) => {
    const parsed = Scenario.safeParse(JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, name), 'utf8')));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(`${parsed.data?.id}.json`).toBe(name);
  });

  it('holds at least 40 scenarios from the three personas and a cold start', () => {
    expect(problems).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.persona))).toEqual(new Set(['lea', 'martin-family', 'marc', 'new-traveller']));
  });

  it('refers only to personas, places, events and offers that exist', () => {
    const personaIds = new Set(files.personas.map((p) => p.id));
    const placeIds = new Set(files.places.map((p) => p.id));
    const sellable = new Set([...files.eventTemplates.map((e) => e.id), ...files.offers.map((o) => o.id)]);
    const bad = scenarios.flatMap((s) => [
      ...(personaIds.has(s.traveller.personaId) ? [] : [`${s.id}: persona ${s.traveller.personaId}`]),
      ...s.traveller.history.filter((h) => !placeIds.has(h.placeId)).map((h) => `${s.id}: history ${h.placeId}`),
      ...s.expect.flatMap((p) => (p.property === 'placesForbidden' ? p.placeIds.filter((id) => !placeIds.has(id)).map((id) => `${s.id}: ${id}`) : [])),
      ...s.soldOut.filter((id) => !sellable.has(id)).map((id) => `${s.id}: sold out ${id}`),
    ]);
    expect(bad).toEqual([]);
  });

  it('gives times in Paris local time and a position wherever walking time is checked', () => {
    const bad = scenarios.flatMap((s) => {
      const offset = Number(s.time.slice(-6, -3)) * 60;
      const out: string[] = [];
      if (offset !== offsetMinutes(new Date(s.time), files.city.timezone)) out.push(`${s.id}: ${s.time} is not Paris time`);
      if (!s.position && s.expect.some((p) => p.property === 'maxWalkMinutes')) out.push(`${s.id}: maxWalkMinutes without a position`);
      return out;
    });
    expect(bad).toEqual([]);
  });

  it('are all satisfiable: some list of the scenario’s length (its top) has every item and list property', () => {
    const unsatisfiable = scenarios.filter((s) => !oracleAnswer(s, worldFor(s, files, places))).map((s) => s.id);
    expect(unsatisfiable).toEqual([]);
  }, 120_000);
});

describe('the list a scenario is checked on', () => {
  const family = scenarios.find((x) => x.id === 'family-pont-des-arts-jazz-friday-2130')!;

  it('is a top 3 unless the scenario says, and no "at least" may ask for more than the list holds', () => {
    const input = JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, 'lea-tight-budget-lunch.json'), 'utf8')) as Record<string, unknown>;
    expect(Scenario.parse(input).top).toBe(3);
    const asking = { ...input, expect: [{ property: 'atLeast', count: 5 }] };
    expect(Scenario.safeParse(asking).success).toBe(false);
    expect(Scenario.safeParse({ ...asking, top: 10 }).success).toBe(true);
    expect(Scenario.safeParse({ ...asking, top: 11 }).success).toBe(false);
  });

  it('is the whole feed a scenario asks for: Escale’s ten are all checked, and the oracle finds ten', () => {
    expect(family.top).toBe(10);
    const out = runScenario(family, files, places);
    expect(out.byMethod.escale.answers.length).toBeGreaterThan(3);
    expect(out.byMethod.escale.answers.length).toBeLessThanOrEqual(10);
    expect(out.byMethod.escale.passed).toBe(true);
    // A baseline's tenth suggestion is judged as much as its first: the tenth nearest place is the jazz club.
    expect(out.byMethod.nearest.answers).toHaveLength(10);
    expect(out.byMethod.nearest.results.find((r) => r.property === 'placesForbidden')!.failures).toEqual([expect.stringMatching(/^#10 "Chez Papa"/)]);
    expect(oracleAnswer(family, worldFor(family, files, places))).toHaveLength(10);
  }, 30_000);
});

describe('runScenario', () => {
  it('ranks with Escale and every baseline, and a baseline fails what needs an explanation', () => {
    const s = scenarios.find((x) => x.id === 'lea-non-profiled-pompidou')!;
    const out = runScenario(s, files, places);
    expect(Object.keys(out.byMethod)).toEqual(SCENARIO_METHODS.map((m) => m.id));
    expect(out.byMethod.escale.answers.length).toBeGreaterThan(0);
    const nearest = out.byMethod.nearest.results.find((r) => r.property === 'noPersonalSignals')!;
    expect(nearest.failures).toEqual(['gives no explanation']);
  }, 30_000);
});
