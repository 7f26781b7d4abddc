/**
 * Is a scenario satisfiable at all? The oracle looks for a list of the scenario's length (`top`, 3 unless
 * said) among the same candidates that meets every property about the items and the list (properties about
 * the producer's explanation are left out: any honest ranker can meet them). A scenario no such list can
 * satisfy is a bad scenario, not a ranker failure, so the suite checks this before blaming the ranker.
 *
 * Every list property only asks for "at least" something, so adding an item that passes the item properties
 * never breaks one: the oracle looks for a small core of witnesses (as many as the list properties count,
 * nearest and most useful candidates first) and fills the rest of the list with the nearest other items. A
 * list of ten is then found as fast as a list of three.
 */
import { distanceMeters, walkingMinutes } from '../../shared/src/index.ts';
import { propertyCount, type Scenario } from '../../shared/src/eval-scenario.ts';
import type { Candidate } from '../../server/src/recommend/candidate.ts';
import type { EvalAnswer } from './answer.ts';
import { checkProperty, scopeOf } from './properties.ts';
import type { ScenarioWorld } from './scenarios.ts';

/** Nearest candidates kept for the combination search, plus the nearest few that serve each list property. */
const NEAREST = 25;
const PER_PROPERTY = 8;

function candidateAnswer(c: Candidate): EvalAnswer {
  const title = c.kind === 'place' ? c.place.name : c.kind === 'event' ? c.event.title : c.offer.title;
  const { id, name, category, tags, lat, lon, address } = c.place;
  return { kind: c.kind, id: c.id, title, place: { id, name, category, tags, lat, lon, address }, distanceMeters: c.meters, walkMinutes: c.walkMinutes, explanation: null };
}

function* combinations<T>(items: T[], k: number, start = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i <= items.length - (k - prefix.length); i++) yield* combinations(items, k, i + 1, [...prefix, items[i]!]);
}

/** A list of `top` meeting every item and list property, or null when none exists among the candidates. */
export function oracleAnswer(scenario: Scenario, world: ScenarioWorld, top = scenario.top): EvalAnswer[] | null {
  const itemProps = scenario.expect.filter((p) => scopeOf(p) === 'item');
  const setProps = scenario.expect.filter((p) => scopeOf(p) === 'set');
  const origin = world.env.position ?? world.ctx.city.center;
  const eligible = world.candidates
    .map(candidateAnswer)
    .filter((a) => itemProps.every((p) => checkProperty(p, [a], world.env).length === 0))
    .sort((a, b) => walkingMinutes(distanceMeters(origin, a.place)) - walkingMinutes(distanceMeters(origin, b.place)) || a.id.localeCompare(b.id));
  const pool = new Set(eligible.slice(0, NEAREST));
  // The items that count towards a "at least N of …" property on their own.
  const ones = setProps.map((p) => ('atLeast' in p && p.property !== 'distinctCategories' ? { ...p, atLeast: 1 } : null));
  const counts = new Map(eligible.map((a) => [a, ones.filter((one) => one && checkProperty(one, [a], world.env).length === 0).length]));
  for (const [i, p] of setProps.entries()) {
    const one = ones[i];
    // Those that count towards several such properties first (dinner that is also near the concert hall).
    if (one)
      eligible
        .filter((a) => checkProperty(one, [a], world.env).length === 0)
        .sort((a, b) => counts.get(b)! - counts.get(a)!)
        .slice(0, PER_PROPERTY)
        .forEach((a) => pool.add(a));
    if (p.property === 'distinctCategories') {
      const firstOfCategory = new Map<string, EvalAnswer>();
      for (const a of eligible) if (!firstOfCategory.has(a.place.category)) firstOfCategory.set(a.place.category, a);
      firstOfCategory.forEach((a) => pool.add(a));
    }
  }
  // As long a list as the candidates allow (one item per place), from a core of witnesses of the list properties.
  const k = Math.min(top, new Set(eligible.map((a) => a.place.id)).size);
  const witnesses = setProps.reduce((n, p) => n + (p.property === 'atLeast' ? 0 : (propertyCount(p) ?? 0)), 0);
  const core = Math.min(k, new Set([...pool].map((a) => a.place.id)).size, Math.max(1, witnesses));
  for (const combination of combinations([...pool], core)) {
    // The ranker shows one item per place; so does the oracle.
    const places = new Set(combination.map((a) => a.place.id));
    if (places.size < combination.length) continue;
    const list = [...combination];
    for (const a of eligible) {
      if (list.length >= k) break;
      if (places.has(a.place.id)) continue;
      list.push(a);
      places.add(a.place.id);
    }
    if (setProps.every((p) => checkProperty(p, list, world.env).length === 0)) return list;
  }
  return null;
}
