/**
 * The scenario properties (shared/src/eval-scenario.ts), each checked on a top 3 against the truth of the
 * catalogue (hours, event times, seats, prices), never against what the answer claims about itself. A
 * check returns one message per failure; an empty list is a pass.
 */
import { distanceMeters, formatLocalTime, localParts, SIGNAL_CONSENT, walkingMinutes, zonedTimeToUtc, type Consents, type InterestRef, type LatLon } from '../../shared/src/index.ts';
import type { ScenarioProperty } from '../../shared/src/eval-scenario.ts';
import type { CatalogueEvent, Offer, Place } from '../../server/src/catalogue/model.ts';
import { hoursAt } from '../../server/src/recommend/opening-hours.ts';
import { label, type EvalAnswer } from './answer.ts';

export interface CatalogueLookup {
  place(id: string): Place | undefined;
  event(id: string): CatalogueEvent | undefined;
  offer(id: string): Offer | undefined;
  /** Whether the agency promotes it (a promotion running at the scenario's time). */
  promoted(kind: 'place' | 'event' | 'offer', id: string): boolean;
}

export interface PropertyEnv {
  now: Date;
  timezone: string;
  countryCode: string | null;
  /** Where the traveller really is (the scenario's position), whether or not the ranking may use it. */
  position: LatLon | null;
  /** The ranking may use the position (location consent on, profiled feed): only then is the walk counted in arrival times. */
  positionUsable: boolean;
  consents: Consents;
  nonProfiled: boolean;
  /** The traveller's stated likes (for `matchesLikes`). */
  likes: InterestRef[];
  catalogue: CatalogueLookup;
}

/** item: checkable on each suggestion alone; set: on the list; method: needs the producer's explanation. */
export type PropertyScope = 'item' | 'set' | 'method';

export function scopeOf(p: ScenarioProperty): PropertyScope {
  switch (p.property) {
    case 'atLeast':
    case 'mustIncludeCategory':
    case 'matchesLikes':
    case 'distinctCategories':
      return 'set';
    case 'mustHaveTagAny':
    case 'maxWalkMinutesFrom':
      return p.atLeast === undefined ? 'item' : 'set';
    case 'noDistanceUsed':
    case 'noPersonalSignals':
    case 'signalsAbsent':
    case 'personalDataAbsent':
    case 'explained':
    case 'promotionDisclosed':
    case 'driverIn':
      return 'method';
    default:
      return 'item';
  }
}

const NO_EXPLANATION = 'gives no explanation';

export function arrivalAt(a: EvalAnswer, env: PropertyEnv): Date {
  if (!env.positionUsable || !env.position) return env.now;
  return new Date(env.now.getTime() + walkingMinutes(distanceMeters(env.position, a.place)) * 60_000);
}

export function itemTags(a: EvalAnswer, env: PropertyEnv): string[] {
  const place = env.catalogue.place(a.place.id)?.tags ?? a.place.tags;
  if (a.kind === 'event') return [...place, ...(env.catalogue.event(a.id)?.tags ?? [])];
  if (a.kind === 'offer') return [...place, ...(env.catalogue.offer(a.id)?.tags ?? [])];
  return place;
}

function likedBy(a: EvalAnswer, env: PropertyEnv): boolean {
  const tags = new Set(itemTags(a, env));
  return env.likes.some((l) => (l.kind === 'category' ? l.id === a.place.category : tags.has(l.id)));
}

const hhmm = (d: Date, env: PropertyEnv) => formatLocalTime(d, env.timezone);

/** Runs `fn` on each answer and collects its failure messages. */
function each(answers: EvalAnswer[], fn: (a: EvalAnswer, where: string) => string | string[] | null): string[] {
  return answers.flatMap((a, i) => {
    const r = fn(a, label(a, i));
    return r === null ? [] : Array.isArray(r) ? r : [r];
  });
}

/** Runs `fn` on each answer's explanation; a producer without explanations fails once, saying so. */
function explained(answers: EvalAnswer[], fn: (a: EvalAnswer & { explanation: NonNullable<EvalAnswer['explanation']> }, where: string) => string | string[] | null): string[] {
  if (answers.some((a) => a.explanation === null)) return [NO_EXPLANATION];
  return each(answers, (a, where) => fn(a as EvalAnswer & { explanation: NonNullable<EvalAnswer['explanation']> }, where));
}

/** `fails` on every answer, or, with `count`, a pass when at least `count` answers pass it. */
function atLeast(count: number | undefined, answers: EvalAnswer[], fails: (a: EvalAnswer, where: string) => string | null, what: string): string[] {
  if (count === undefined) return each(answers, fails);
  const n = answers.filter((a, i) => fails(a, label(a, i)) === null).length;
  return n >= count ? [] : [`${n} suggestion(s) ${what}, expected at least ${count}`];
}

function checkOpen(p: Extract<ScenarioProperty, { property: 'openAtArrival' }>, answers: EvalAnswer[], env: PropertyEnv): string[] {
  return each(answers, (a, where) => {
    // Events follow their own rules (eventsNotStarted); a venue's opening hours say nothing about a show.
    if (a.kind === 'event') return null;
    const place = env.catalogue.place(a.place.id);
    if (!place) return `${where} is not in the catalogue`;
    const arrival = arrivalAt(a, env);
    const state = hoursAt(place.openingHours, arrival, env.timezone, { lat: place.lat, lon: place.lon, countryCode: env.countryCode });
    if (state.kind === 'closed') return `${where} is closed at arrival (${hhmm(arrival, env)})`;
    if (state.kind === 'unknown') return p.unknownHours === 'fail' ? `${where} has unknown opening hours at ${hhmm(arrival, env)}` : null;
    if (state.closesAt) {
      const minutes = Math.round((state.closesAt.getTime() - arrival.getTime()) / 60_000);
      if (minutes < p.minMinutesOpen) return `${where} closes at ${hhmm(state.closesAt, env)}, ${minutes} min after arrival`;
    }
    return null;
  });
}

function eventStart(a: EvalAnswer, env: PropertyEnv): Date | null {
  return a.kind === 'event' ? (env.catalogue.event(a.id)?.startsAt ?? null) : null;
}

export function checkProperty(p: ScenarioProperty, answers: EvalAnswer[], env: PropertyEnv): string[] {
  switch (p.property) {
    case 'atLeast':
      return answers.length >= p.count ? [] : [`only ${answers.length} suggestion(s), expected at least ${p.count}`];

    case 'maxWalkMinutesFrom': {
      const from = env.catalogue.place(p.placeId);
      if (!from) return [`${p.placeId} is not in the catalogue`];
      const far = (a: EvalAnswer, where: string) => {
        const walk = walkingMinutes(distanceMeters(from, a.place));
        return walk > p.minutes ? `${where} is a ${walk} min walk from ${from.name}` : null;
      };
      return atLeast(p.atLeast, answers, far, `within ${p.minutes} min of ${from.name}`);
    }

    case 'maxWalkMinutes': {
      const from = env.position;
      if (!from) return ['the scenario has no position'];
      return each(answers, (a, where) => {
        const walk = walkingMinutes(distanceMeters(from, a.place));
        return walk > p.minutes ? `${where} is a ${walk} min walk` : null;
      });
    }

    case 'openAtArrival':
      return checkOpen(p, answers, env);

    case 'categoriesAllowed':
      return each(answers, (a, where) => (p.categories.includes(a.place.category) ? null : `${where} is a ${a.place.category}`));

    case 'categoriesForbidden':
      return each(answers, (a, where) => (p.categories.includes(a.place.category) ? `${where} is a ${a.place.category}` : null));

    case 'tagsForbidden':
      return each(answers, (a, where) => {
        const bad = itemTags(a, env).filter((t) => p.tags.includes(t));
        return bad.length ? `${where} is tagged ${bad.join(', ')}` : null;
      });

    case 'mustHaveTagAny': {
      const has = (a: EvalAnswer) => itemTags(a, env).some((t) => p.tags.includes(t));
      if (p.atLeast === undefined) return each(answers, (a, where) => (has(a) ? null : `${where} has none of ${p.tags.join(', ')}`));
      const n = answers.filter(has).length;
      return n >= p.atLeast ? [] : [`${n} suggestion(s) tagged ${p.tags.join(' or ')}, expected at least ${p.atLeast}`];
    }

    case 'mustIncludeCategory': {
      const n = answers.filter((a) => p.categories.includes(a.place.category)).length;
      return n >= p.atLeast ? [] : [`${n} suggestion(s) of ${p.categories.join(' or ')}, expected at least ${p.atLeast}`];
    }

    case 'matchesLikes': {
      const n = answers.filter((a) => likedBy(a, env)).length;
      return n >= p.atLeast ? [] : [`${n} suggestion(s) match a stated like, expected at least ${p.atLeast}`];
    }

    case 'distinctCategories': {
      const n = new Set(answers.map((a) => a.place.category)).size;
      return n >= p.atLeast ? [] : [`${n} distinct categor${n === 1 ? 'y' : 'ies'}, expected at least ${p.atLeast}`];
    }

    case 'placesForbidden':
      return each(answers, (a, where) => (p.placeIds.includes(a.place.id) ? `${where} (${a.place.id}) must not be suggested` : null));

    case 'noDistanceUsed':
      return explained(answers, (a, where) => {
        const out: string[] = [];
        if (a.distanceMeters !== null || a.walkMinutes !== null) out.push(`${where} shows a distance`);
        if (a.explanation.contributions.some((c) => c.signal === 'proximity' && c.points > 0)) out.push(`${where} weighs proximity`);
        if (a.explanation.contributions.some((c) => c.personalData.some((d) => d.category === 'location'))) out.push(`${where} read the position`);
        return out;
      });

    case 'noPersonalSignals':
      return explained(answers, (a, where) => {
        const personal = a.explanation.contributions.filter((c) => SIGNAL_CONSENT[c.signal] !== null).map((c) => c.signal);
        const data = a.explanation.contributions.flatMap((c) => c.personalData.map((d) => d.category));
        const out: string[] = [];
        if (personal.length) out.push(`${where} computed personal signal(s) ${personal.join(', ')}`);
        if (data.length) out.push(`${where} read personal data (${[...new Set(data)].join(', ')})`);
        return out;
      });

    case 'signalsAbsent':
      return explained(answers, (a, where) => {
        const present = a.explanation.contributions.filter((c) => p.signals.includes(c.signal)).map((c) => c.signal);
        return present.length ? `${where} computed ${present.join(', ')}` : null;
      });

    case 'personalDataAbsent':
      return explained(answers, (a, where) => {
        const read = a.explanation.contributions.flatMap((c) => c.personalData.filter((d) => p.categories.includes(d.category)).map(() => c.signal));
        return read.length ? `${where} read ${p.categories.join('/')} data in ${[...new Set(read)].join(', ')}` : null;
      });

    case 'explained':
      return explained(answers, (a, where) => {
        const out: string[] = [];
        const top = a.explanation.contributions.reduce<(typeof a.explanation.contributions)[number] | null>((b, c) => (b === null || c.points > b.points ? c : b), null);
        if (!top || top.signal !== a.explanation.driver) out.push(`${where} names ${a.explanation.driver} as driver, not the signal with the most points`);
        const unconsented = a.explanation.contributions.flatMap((c) => c.personalData.filter((d) => env.nonProfiled || !env.consents[d.category]).map((d) => d.category));
        if (unconsented.length) out.push(`${where} read ${[...new Set(unconsented)].join(', ')} data without consent`);
        return out;
      });

    case 'promotionDisclosed':
      if (answers.some((a) => a.explanation === null)) return ['cannot disclose a promotion (no explanation)'];
      return explained(answers, (a, where) => {
        const promoted = env.catalogue.promoted(a.kind, a.id);
        const agency = a.explanation.contributions.find((c) => c.signal === 'agency');
        if (!promoted) return a.explanation.promotion ? `${where} is labelled promoted but is not` : null;
        const out: string[] = [];
        if (!a.explanation.promotion?.agencyName) out.push(`${where} is promoted but shown without the agency's label`);
        if (!agency || agency.points <= 0) out.push(`${where} is promoted but the agency signal does not show it`);
        return out;
      });

    case 'withinBudget':
      return each(answers, (a, where) => {
        if (a.kind === 'place') {
          const level = env.catalogue.place(a.place.id)?.priceLevel ?? null;
          return p.maxPriceLevel !== undefined && level !== null && level > p.maxPriceLevel ? `${where} has price level ${level} > ${p.maxPriceLevel}` : null;
        }
        // The demo sells in euros: a price in another currency is not compared with a euro bound.
        const item = a.kind === 'event' ? env.catalogue.event(a.id) : env.catalogue.offer(a.id);
        const price = item?.currency === 'EUR' ? item.price : undefined;
        return p.maxPriceEur !== undefined && price !== undefined && price > p.maxPriceEur ? `${where} costs €${price} > €${p.maxPriceEur}` : null;
      });

    case 'driverIn':
      if (answers.some((a) => a.explanation === null)) return [NO_EXPLANATION];
      return atLeast(p.atLeast, answers, (a, where) => (p.signals.includes(a.explanation!.driver) ? null : `${where} is driven by ${a.explanation!.driver}`), `driven by ${p.signals.join(' or ')}`);

    case 'eventsNotStarted':
      return each(answers, (a, where) => {
        const start = eventStart(a, env);
        if (start === null) return null;
        const arrival = arrivalAt(a, env);
        return start.getTime() <= arrival.getTime() ? `${where} started at ${hhmm(start, env)}, before arrival at ${hhmm(arrival, env)}` : null;
      });

    case 'notSoldOut':
      return each(answers, (a, where) => {
        const seats = a.kind === 'event' ? env.catalogue.event(a.id)?.seatsLeft : a.kind === 'offer' ? env.catalogue.offer(a.id)?.seatsLeft : undefined;
        return seats !== undefined && seats <= 0 ? `${where} is sold out` : null;
      });

    case 'noEventStartsAfter': {
      const day = localParts(env.now, env.timezone);
      const [hour, minute] = p.localTime.split(':').map(Number) as [number, number];
      const limit = zonedTimeToUtc({ year: day.year, month: day.month, day: day.day, hour, minute }, env.timezone);
      return each(answers, (a, where) => {
        const start = eventStart(a, env);
        return start !== null && start.getTime() > limit.getTime() ? `${where} starts at ${hhmm(start, env)}, after ${p.localTime}` : null;
      });
    }
  }
}

export interface PropertyResult {
  property: ScenarioProperty['property'];
  failures: string[];
}

export function checkAll(properties: ScenarioProperty[], answers: EvalAnswer[], env: PropertyEnv): PropertyResult[] {
  return properties.map((p) => ({ property: p.property, failures: checkProperty(p, answers, env) }));
}
