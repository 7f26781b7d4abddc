/**
 * taste: what the traveller's history says. Looking for somewhere new (the feed), two readings: the taste
 * walk (taste-walk.ts; the candidate's boosted visit count relative to the best-reached candidate, with a
 * floor so that a thin signal stays thin, and the start that contributed most and how many travellers
 * connect it to the suggestion as evidence) and where travellers went next from the traveller's last place
 * (visit-habits.ts). In favourites mode, the traveller's own habit and where travellers went next. The path
 * is kept for the panel, with other travellers only ever as a count.
 */
import type { Evidence, PersonalDataRef, TastePath } from '@escale/shared';
import { idOfWalkKey, TAG, TRAVELLER } from '../../graph/walk-index.ts';
import { localDate } from '../local-clock.ts';
import { coVisitors } from '../taste-walk.ts';
import { likeRef } from './interests.ts';
import { HABIT_SHARES } from '../visit-habits.ts';
import type { TasteSource } from '../taste-run.ts';
import type { Candidate } from '../candidate.ts';
import type { RankingContext } from '../context.ts';
import { clamp01, type RankRun, type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

/**
 * Boosted visits at which the signal saturates, whatever the other candidates got. The walk has 300 steps
 * for the whole city, so a place within walking reach that is hit 8 times is among the best-reached.
 */
const SATURATION = 8;
/** Co-visitors needed for full confidence: one other traveller's habit is an anecdote, not a taste. */
const FULL_SUPPORT_TRAVELLERS = 3;
/** Confidence in a path through a shared tag or category rather than through people. */
const SIMILARITY_SUPPORT = 0.5;
/** In favourites mode, own visits at which a place counts as a full favourite. */
const FAVOURITE_VISITS = 3;

function favourite(placeId: string, history: { placeId: string; kind: string }[] | null): number {
  return (history ?? []).filter((i) => i.placeId === placeId && (i.kind === 'visited' || i.kind === 'liked')).length;
}

type SourceData = Extract<TasteSource, { kind: 'interest' }> | Pick<Extract<TasteSource, { kind: 'interaction' }>, 'kind' | 'interaction' | 'at'>;

function sourceRef(source: SourceData, placeName: string, timeZone: string): PersonalDataRef {
  if (source.kind === 'interest') {
    return likeRef(source.interest);
  }
  return {
    category: 'history',
    kind: 'interaction',
    evidence: { key: 'data.interaction', params: { interaction: source.interaction, place: placeName, date: localDate(source.at, timeZone) } },
    at: source.at.toISOString(),
  };
}

export const taste: Signal = {
  id: 'taste',
  compute(c, ctx, run): SignalResult {
    if (run.favourites) return favouritesReading(c, ctx, run);
    // Discovery: two readings of the history pointing at places the traveller never went to, each a value in
    // [0, 1]; the signal is their noisy-or (both pointing at a place make it surer, neither can pass 1), and
    // the evidence is the stronger one's, the more specific on a tie (where the traveller is now).
    const walk = walkReading(c, ctx, run);
    const next = nextReading(c, ctx, run);
    let value = 0;
    let best: SignalResult | null = null;
    let readings = 0;
    for (const r of [next, walk]) {
      if (!r || r.value <= 0) continue;
      value = 1 - (1 - value) * (1 - clamp01(r.value));
      if (!best || r.value > best.value) best = r;
      readings++;
    }
    if (!best) return NONE;
    if (readings === 1) return { ...best, value };
    const personalData = [walk, next].flatMap((r) => (r && r.value > 0 ? r.personalData : []));
    return { value, evidence: best.evidence, personalData, ...(walk?.path ? { path: walk.path } : {}) };
  },
};

/**
 * In favourites mode the traveller asked for the places they know: the value is one score of how much the
 * place is theirs, the habit's parts and where travellers go next from here added with fixed shares
 * (visit-habits.ts HABIT_SHARES, and NEXT_SHARE beside them), so that each part adds what it knows the way
 * the evaluation's tuned blend adds its parts. The taste walk is left out: a place the traveller never went
 * to, reached through other people's places, is a guess beside one they keep going back to. Shares chosen on
 * NYC's validation check-ins (`npm run eval:nextpoi`, next place).
 */
const NEXT_SHARE = 2;
const FAVOURITES_TOTAL = Object.values(HABIT_SHARES).reduce((a, b) => a + b, 0) + NEXT_SHARE;

function favouritesReading(c: Candidate, ctx: RankingContext, run: RankRun): SignalResult {
  const habit = habitReading(c, ctx, run);
  const next = nextReading(c, ctx, run);
  const habitPoints = habit ? habit.value * (FAVOURITES_TOTAL - NEXT_SHARE) : 0;
  const nextPoints = next ? next.value * NEXT_SHARE : 0;
  if (habitPoints <= 0 && nextPoints <= 0) return NONE;
  const value = clamp01((habitPoints + nextPoints) / FAVOURITES_TOTAL);
  const best = habitPoints >= nextPoints ? habit! : next!;
  const personalData = [habit, next].flatMap((r) => (r && r.value > 0 ? r.personalData : []));
  return { value, evidence: best.evidence, personalData };
}

const NONE: SignalResult = Object.freeze({ value: 0, evidence: fixedEvidence('taste.no_signal'), personalData: NO_DATA });

/** A run without the visit log (built by hand): the history's facts, one per kind. */
function habitFromHistory(c: Candidate, ctx: RankingContext): SignalResult | null {
  const own = favourite(c.place.id, ctx.history);
  if (own === 0) return null;
  const last = [...(ctx.history ?? [])].reverse().find((i) => i.placeId === c.place.id)!;
  return {
    value: clamp01(own / FAVOURITE_VISITS),
    evidence: { key: 'taste.favourite', params: { count: own } },
    personalData: [sourceRef({ kind: 'interaction', interaction: last.kind === 'liked' ? 'liked' : 'visited', at: last.at }, c.place.name, ctx.city.timezone)],
  };
}

/**
 * The traveller's own visits to the place (favourites mode). The evidence names the most specific fact the
 * habit holds: where they went next from here themselves, then "already here on this outing", then the
 * kind of day, then the plain count.
 */
function habitReading(c: Candidate, ctx: RankingContext, run: RankRun): SignalResult | null {
  if (run.habits === undefined) return habitFromHistory(c, ctx);
  const h = run.habits?.places.get(c.place.id);
  if (!h || h.value <= 0) return null;
  const from = run.habits!.from;
  const fromName = from ? (run.graph.place(from.placeId)?.name ?? '') : '';
  const day = run.habits!.weekend ? 'weekend' : 'weekday';
  const evidence: Evidence =
    h.ownNext > 0 && from
      ? { key: 'taste.own_next', params: { place: fromName, count: h.ownNext, visits: h.count } }
      : h.parts.thisOuting > 0
        ? { key: 'taste.this_outing', params: { count: h.count } }
        : h.sameDay > 0
          ? { key: 'taste.habit_day', params: { count: h.count, same: h.sameDay, day } }
          : { key: 'taste.favourite', params: { count: h.count } };
  const personalData = [sourceRef({ kind: 'interaction', interaction: 'visited', at: new Date(h.last) }, c.place.name, ctx.city.timezone)];
  if (h.ownNext > 0 && from) personalData.push(sourceRef({ kind: 'interaction', interaction: 'visited', at: new Date(from.at) }, fromName, ctx.city.timezone));
  return { value: h.value, evidence, personalData };
}

/** Where travellers went next from the traveller's last place of the day. */
function nextReading(c: Candidate, ctx: RankingContext, run: RankRun): SignalResult | null {
  const n = run.next;
  const v = n?.value.get(c.place.id);
  if (!n || v === undefined) return null;
  const fromName = run.graph.place(n.from.placeId)?.name ?? '';
  return {
    value: v,
    evidence: { key: 'taste.next_place', params: { place: fromName, count: n.count.get(c.place.id)! } },
    personalData: [sourceRef({ kind: 'interaction', interaction: 'visited', at: new Date(n.from.at) }, fromName, ctx.city.timezone)],
  };
}

/** The taste walk's reading: places that people who share the traveller's places went to. */
function walkReading(c: Candidate, ctx: RankingContext, run: RankRun): SignalResult | null {
  const t = run.taste;
  const s = t?.slotOf.get(c.node);
  if (!t || s === undefined) return null;
  const score = t.result.score[s]!;
  const q = t.result.bestQuery[s]!;
  if (score <= 0 || q < 0) return null;

  const reach = clamp01(score / Math.max(t.maxScore, SATURATION));
  const source = t.sources[q]!;
  const sourcePlace = source.kind === 'interaction' ? run.graph.place(source.placeId) : undefined;
  const personalData = [sourceRef(source, sourcePlace?.name ?? '', ctx.city.timezone)];

  const connector = t.result.connector[s]!;
  const connectorKind = connector >= 0 ? t.index.kind(connector) : -1;
  const connectorId = connector >= 0 ? idOfWalkKey(t.index.keyOf(connector)) : '';
  const targetNode = t.nodes[s]!;

  if (source.kind === 'interest') {
    const path: TastePath = { from: { kind: 'interest', interest: source.interest }, via: viaOf(connectorKind, connectorId, 0), visits: score };
    return { value: reach * SIMILARITY_SUPPORT, evidence: { key: 'taste.interest_walk', params: { kind: source.interest.kind, id: source.interest.id } }, personalData, path };
  }
  const shared = coVisitors(t.index, source.node, targetNode, t.self, t.twin);
  const value = reach * (shared > 0 ? Math.min(1, shared / FULL_SUPPORT_TRAVELLERS) : SIMILARITY_SUPPORT);
  const path: TastePath = {
    from: { kind: 'place', id: source.placeId, name: sourcePlace?.name ?? source.placeId, interaction: source.interaction },
    via: viaOf(connectorKind, connectorId, shared),
    visits: score,
  };
  const evidence: Evidence =
    shared > 0
      ? { key: 'taste.co_visit', params: { interaction: source.interaction, place: path.from.kind === 'place' ? path.from.name : '', travellers: shared } }
      : { key: 'taste.similar', params: { interaction: source.interaction, place: path.from.kind === 'place' ? path.from.name : '' } };
  return { value, evidence, personalData, path };
}

function viaOf(kind: number, id: string, coVisiting: number): TastePath['via'] {
  if (kind === TRAVELLER || (kind === -1 && coVisiting > 0)) return { kind: 'travellers', count: coVisiting };
  if (kind === TAG) return { kind: 'tag', id };
  return { kind: 'category', id };
}
