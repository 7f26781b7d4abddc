/**
 * The ranker: candidates → hard rules → weighted sum of signals → one best item per place → diversity →
 * top N, each with its explanation. Score = Σ weight(signal) × value(signal) over the signals allowed by
 * consent (docs/RANKING.md has the formula and worked examples).
 */
import { DEFAULT_PROMOTION_LIFT, DEFAULT_WEIGHTS, type Evidence, FEWER_LIKE_FACTOR, type InterestRef, SIGNAL_CONSENT, type SignalContribution, type SignalId, type Suggestion } from '@escale/shared';
import type { TravelGraph } from '../graph/travel-graph.ts';
import { type Candidate, hasTag } from './candidate.ts';
import { candidatesAt, generateCandidates, placesAround, placesNearNextBooking, reachRadiusMeters, REACH_STEPS_MINUTES, runningCandidates, type CandidateOptions, MAX_PLACES } from './candidates.ts';
import type { RankingContext } from './context.ts';
import { reasonOf } from './reason.ts';
import { diversify } from './diversity.ts';
import { exclusionReason } from './hard-rules.ts';
import { localClock, localIso } from './local-clock.ts';
import { SIGNALS } from './signals/index.ts';
import type { RankRun, Signal, SignalResult } from './signals/signal.ts';
import { prepareTaste } from './taste-run.ts';
import { ownEntries } from './signals/popularity.ts';
import { readHabits, readNextPlace } from './visit-habits.ts';
import { promotionEvidence } from './signals/agency.ts';
import { runningPromotion } from './promotions.ts';

export interface RankOptions extends CandidateOptions {
  limit: number;
  weights?: Partial<Record<SignalId, number>>;
  /** The most a promotion may add, as a share of the idea's points without it (the agency's setting). */
  promotionLift?: number;
  /** Favourites mode: places the traveller visited may come back (dismissals are still obeyed). */
  allowVisited?: boolean;
  /** Category diversity re-ranking; on in the product, switchable for evaluations. */
  diversify?: boolean;
  /** Evaluations on a catalogue without opening hours only (see hard-rules.ts). */
  ignoreHours?: boolean;
  /**
   * Suggestion ids left out (the push's "never the same suggestion twice in a day"): the ranking then fills
   * `limit` with the best of the rest, however many of the very best were already sent.
   */
  skip?: ReadonlySet<string>;
}

/** What scoring reads of RankOptions: everything but how the top is chosen. */
export type ScoreOptions = Omit<RankOptions, 'limit' | 'skip' | 'diversify'>;

export interface Scored {
  candidate: Candidate;
  /** What the ranking orders by: the signals' sum, lowered when the traveller asked for fewer like it. */
  score: number;
  /** The signals' sum (Σ weight × value), which the panel's shares divide. */
  points: number;
  /** The "fewer like this" that lowered it, if any. */
  lowered: InterestRef | null;
  /** Each active signal's result, aligned with `signals`; turned into contributions only for the top items. */
  signals: readonly Signal[];
  results: SignalResult[];
  weights: Record<SignalId, number>;
  driver: SignalId;
  /** Set by diversity when this item was picked over a higher-scored one of an already-picked category. */
  variedFrom?: string;
}

/**
 * A signal runs only if the ranking is profiled (for personal ones), its consent is on, and the traveller
 * did not switch it off.
 */
export function signalAllowed(id: SignalId, ctx: RankingContext): boolean {
  const consent = SIGNAL_CONSENT[id];
  if (consent === null) return true;
  return !ctx.nonProfiled && ctx.consents[consent] && !ctx.signalsOff.has(id);
}

/** The traveller's "fewer like this" that the candidate falls under (its category first), or null. */
function fewerMatch(c: Candidate, fewer: RankingContext['fewer']): InterestRef | null {
  if (fewer.categories.has(c.place.category)) return { kind: 'category', id: c.place.category };
  for (const tag of fewer.tags) if (hasTag(c, tag)) return { kind: 'tag', id: tag };
  return null;
}

/** The hot loop of a ranking: a plain loop, no intermediate arrays, the driver found on the way. */
export function scoreCandidate(c: Candidate, ctx: RankingContext, signals: readonly Signal[], weights: Record<SignalId, number>, run: RankRun, promotionLift = DEFAULT_PROMOTION_LIFT): Scored {
  const results: SignalResult[] = new Array(signals.length);
  let score = 0;
  let best = 0;
  let driverIndex = 0;
  for (let i = 0; i < signals.length; i++) {
    const signal = signals[i]!;
    let result = signal.compute(c, ctx, run);
    // The promotion comes last (SIGNALS' order): it may add at most `promotionLift` of what the idea already
    // scores, so an idea with nothing for it gets no lift at all. Its value says the share it was allowed.
    if (signal.id === 'agency' && result.value > 0 && weights.agency > 0) {
      const allowed = Math.min(weights.agency * result.value, promotionLift * score);
      if (allowed < weights.agency * result.value) result = { ...result, value: allowed / weights.agency };
    }
    results[i] = result;
    const points = weights[signal.id] * result.value;
    score += points;
    if (points > best) {
      best = points;
      driverIndex = i;
    }
  }
  const lowered = ctx.fewer.categories.size > 0 || ctx.fewer.tags.length > 0 ? fewerMatch(c, ctx.fewer) : null;
  return { candidate: c, score: lowered ? score * FEWER_LIKE_FACTOR : score, points: score, lowered, signals, results, weights, driver: signals[driverIndex]!.id };
}

/**
 * Figures as sent: four decimals say more than the Why panel shows (a share in whole percent), and a full
 * double takes seventeen digits; a push carries some sixty of them, logged, sent and parsed each time.
 */
const sent = (x: number) => Math.round(x * 1e4) / 1e4;

export function contributionsOf(s: Scored): SignalContribution[] {
  return s.results.map((r, i) => {
    const signal = s.signals[i]!.id;
    const weight = s.weights[signal];
    const points = weight * r.value;
    const share = s.points > 0 ? points / s.points : 0;
    return { signal, value: sent(r.value), weight, points: sent(points), share: sent(share), evidence: r.evidence, personalData: [...r.personalData], ...(r.path ? { path: r.path } : {}) };
  });
}

/** A suggestion's id: what the traveller is offered (a place, an event, an offer), stable across rankings. */
export const suggestionId = (c: Candidate): string => `${c.kind}:${c.id}`;

function toSuggestion(s: Scored, ctx: RankingContext): Suggestion {
  const c = s.candidate;
  const contributions = contributionsOf(s);
  const promotion = runningPromotion(c, ctx.promotions, ctx.now);
  return {
    id: suggestionId(c),
    item: {
      kind: c.kind,
      id: c.id,
      title: c.kind === 'place' ? c.place.name : c.kind === 'event' ? c.event.title : c.offer.title,
      place: { id: c.place.id, name: c.place.name, category: c.place.category, tags: c.place.tags, lat: c.place.lat, lon: c.place.lon, address: c.place.address },
      startsAt: c.kind === 'event' ? localIso(c.event.startsAt, ctx.city.timezone) : null,
      price: c.kind === 'event' ? { amount: c.event.price, currency: c.event.currency } : c.kind === 'offer' ? { amount: c.offer.price, currency: c.offer.currency } : null,
      seatsLeft: c.kind === 'event' ? c.event.seatsLeft : c.kind === 'offer' ? c.offer.seatsLeft : null,
    },
    score: sent(s.score),
    distanceMeters: c.meters === null ? null : Math.round(c.meters),
    walkMinutes: c.walkMinutes,
    openUntil: c.hours.kind === 'open' && c.hours.closesAt ? localClock(c.hours.closesAt, ctx.city.timezone) : null,
    hoursKnown: c.hours.kind !== 'unknown',
    driver: s.driver,
    reason: reasonOf(contributions, c.kind, c.hours.kind === 'open', c.meters !== null),
    contributions,
    promotion: promotion ? { agencyName: ctx.agencyName, label: promotionEvidence(ctx.agencyName, promotion.label) } : null,
    notes: notesOf(s),
  };
}

function notesOf(s: Scored): Evidence[] {
  const notes: Evidence[] = [];
  if (s.lowered) notes.push({ key: 'fewer.lowered', params: { kind: s.lowered.kind, id: s.lowered.id } });
  if (s.variedFrom) notes.push({ key: 'diversity.varied', params: { category: s.variedFrom } });
  return notes;
}

/**
 * The reach widens only when fewer than two places qualify: near comes first, and two good ideas round the
 * corner beat three of which one is twice as far.
 */
const ENOUGH_PLACES = 2;

/**
 * Candidates that pass the hard rules, in reach tiers: the nearest tier first, a farther one only when the
 * nearer ones hold fewer places than the ranking asks for. Tier 0 is always ranked ahead of tier 1.
 */
function reachableCandidates(graph: TravelGraph, ctx: RankingContext, options: ScoreOptions): { candidate: Candidate; tier: number }[] {
  const rules = { allowVisited: options.allowVisited ?? false, ignoreHours: options.ignoreHours ?? false };
  const passes = (c: Candidate) => !exclusionReason(c, ctx, rules);
  if (options.radiusMeters !== undefined) {
    return generateCandidates(graph, ctx, { ...options, radiusMeters: options.radiusMeters, rules }).map((candidate) => ({ candidate, tier: 0 }));
  }
  // A runner's parks are near in running time: they belong to the first tier, reached at running pace.
  const running = runningCandidates(graph, ctx).filter(passes);
  const runningIds = new Set(running.map((c) => c.place.id));
  const out = running.map((candidate) => ({ candidate, tier: 0 }));
  const qualified = new Set(runningIds);
  // Tier by tier, each query capped at the same number of places: a busy street is answered by the first
  // tier's query alone, and a farther tier only adds the places beyond the nearer one's radius.
  let nearer = 0;
  for (let step = 0; step < REACH_STEPS_MINUTES.length; step++) {
    const radius = reachRadiusMeters(step);
    const near = placesAround(graph, ctx, radius, options.maxPlaces);
    let from = 0;
    while (from < near.positions.length && near.meters[from]! <= nearer) from++;
    for (const c of candidatesAt(graph, ctx, near, from, { onlyPossibleHours: !options.ignoreHours, rules })) {
      if (runningIds.size > 0 && runningIds.has(c.place.id)) continue;
      out.push({ candidate: c, tier: step });
      qualified.add(c.place.id);
    }
    if (qualified.size >= ENOUGH_PLACES || near.positions.length >= (options.maxPlaces ?? MAX_PLACES)) break;
    nearer = radius;
  }
  // Where the traveller must be next is within reach as much as where they stand (wallet consent): the
  // places around it join the first tier, timed from the traveller's position.
  const nextBooking = placesNearNextBooking(graph, ctx, options.maxPlaces);
  if (nextBooking) {
    for (const c of candidatesAt(graph, ctx, nextBooking, 0, { onlyPossibleHours: !options.ignoreHours, rules })) {
      if (!qualified.has(c.place.id)) out.push({ candidate: c, tier: 0 });
    }
  }
  return out;
}

export interface RankResult {
  items: Suggestion[];
  coldStart: boolean;
  considered: number;
  /** How many other travellers the taste walk went through ("travellers like you"); never who. */
  lookalikes: number;
  /**
   * The first instant after `now` at which something the items say stops being true: a place closes, an
   * event starts. A feed showing them is stale from then on (push/push-service.ts asks for a new one).
   */
  changesAt: Date | null;
}

/** When the shown items' facts change: the earliest closing time or event start after `now`. */
function firstChange(top: readonly Scored[], now: Date): Date | null {
  let first: number | null = null;
  const consider = (t: number) => {
    if (t > now.getTime() && (first === null || t < first)) first = t;
  };
  for (const { candidate: c } of top) {
    if (c.hours.kind === 'open' && c.hours.closesAt) consider(c.hours.closesAt.getTime());
    if (c.kind === 'event') consider(c.event.startsAt.getTime());
  }
  return first === null ? null : new Date(first);
}

/** How the top is chosen from a scoring: the part of RankOptions a second selection may change. */
export interface SelectOptions {
  limit: number;
  diversify?: boolean;
  skip?: ReadonlySet<string>;
}

/**
 * Every reachable candidate scored, before any is chosen: the costly part of a ranking (candidates, the taste
 * walk, the signals). Choosing the top from it is cheap, so one scoring serves several selections of the same
 * moment, the feed's ten and the notification's three.
 */
export interface Scoring {
  readonly ctx: RankingContext;
  /** Each candidate's score, in candidate order. */
  readonly scored: readonly Scored[];
  /** The reach tier of each place (rank.ts reachableCandidates). */
  readonly tierOf: ReadonlyMap<string, number>;
  readonly considered: number;
  readonly lookalikes: number;
}

/**
 * Favourites mode (the traveller asked for places they already know): their history decides and the moment's
 * circumstances only break ties: taste × 4, proximity × 0.5, timing and popularity × 0.25. Chosen on NYC's
 * validation check-ins (`npm run eval:nextpoi`, next place), and shown as such in the panel's weights.
 */
export const FAVOURITES_FACTORS: Partial<Record<SignalId, number>> = { taste: 4, proximity: 0.5, timing: 0.25, popularity: 0.25 };

export function scoreAll(graph: TravelGraph, ctx: RankingContext, options: ScoreOptions): Scoring {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  if (options.allowVisited) for (const [id, factor] of Object.entries(FAVOURITES_FACTORS) as [SignalId, number][]) weights[id] *= factor;
  const tiered = reachableCandidates(graph, ctx, options);
  const candidates = tiered.map((t) => t.candidate);
  const tierOf = new Map(tiered.map((t) => [t.candidate.place.id, t.tier]));
  const tasteOn = signalAllowed('taste', ctx);
  const favourites = options.allowVisited ?? false;
  const run: RankRun = {
    graph,
    favourites,
    taste: tasteOn ? prepareTaste(graph, ctx, candidates) : null,
    habits: tasteOn && favourites && ctx.visits ? readHabits(ctx.visits, ctx) : null,
    next: tasteOn && ctx.visits ? readNextPlace(ctx.visits, ctx, graph) : null,
    ownEntries: ownEntries(graph.walkIndex(), ctx),
  };
  const active = SIGNALS.filter((s) => signalAllowed(s.id, ctx));
  const scored = candidates.map((c) => scoreCandidate(c, ctx, active, weights, run, options.promotionLift ?? DEFAULT_PROMOTION_LIFT));
  return { ctx, scored, tierOf, considered: candidates.length, lookalikes: run.taste?.result.lookalikes.length ?? 0 };
}

/** The top `limit` of a scoring: one item per place (its best), skipped ids left out, nearer tiers first, diversified. */
export function selectTop(scoring: Scoring, options: SelectOptions): RankResult {
  const { ctx, tierOf } = scoring;
  const bestPerPlace = new Map<string, Scored>();
  const skip = options.skip !== undefined && options.skip.size > 0 ? options.skip : null;
  for (const scored of scoring.scored) {
    const c = scored.candidate;
    // Skipped before the best per place is chosen: a place whose event was sent may still offer its table.
    if (skip !== null && skip.has(suggestionId(c))) continue;
    const prev = bestPerPlace.get(c.place.id);
    if (!prev || scored.score > prev.score) bestPerPlace.set(c.place.id, scored);
  }
  const ordered = [...bestPerPlace.values()].sort((a, b) => b.score - a.score || a.candidate.id.localeCompare(b.candidate.id));
  // Nearer tiers first: a farther place only fills what the nearer ones could not.
  const top: Scored[] = [];
  for (const tier of new Set([...tierOf.values()].sort())) {
    const inTier = ordered.filter((s) => tierOf.get(s.candidate.place.id) === tier);
    const room = options.limit - top.length;
    if (room <= 0) break;
    top.push(...(options.diversify === false ? inTier.slice(0, room) : diversify(inTier, room, top)));
  }
  const coldStart = !ctx.profile?.likes.length && !ctx.history?.length;
  return {
    items: top.map((s) => toSuggestion(s, ctx)),
    coldStart,
    considered: scoring.considered,
    lookalikes: scoring.lookalikes,
    changesAt: firstChange(top, ctx.now),
  };
}

export function rank(graph: TravelGraph, ctx: RankingContext, options: RankOptions): RankResult {
  return selectTop(scoreAll(graph, ctx, options), options);
}
