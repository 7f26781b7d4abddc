/**
 * taste: what the traveller's history says, through the taste walk (taste-walk.ts). The value is the
 * candidate's boosted visit count relative to the best-reached candidate, with a floor so that a thin
 * signal stays thin. The evidence names the start that contributed most and how many travellers connect it
 * to the suggestion; the path is kept for the panel, with other travellers only ever as a count.
 */
import type { Evidence, PersonalDataRef, TastePath } from '@escale/shared';
import { idOfWalkKey, TAG, TRAVELLER } from '../../graph/walk-index.ts';
import { localDate } from '../local-clock.ts';
import { coVisitors } from '../taste-walk.ts';
import { likeRef } from './interests.ts';
import type { TasteSource } from '../taste-run.ts';
import { clamp01, type Signal, type SignalResult, fixedEvidence, NO_DATA } from './signal.ts';

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
    const none: SignalResult = { value: 0, evidence: fixedEvidence('taste.no_signal'), personalData: NO_DATA };
    if (run.favourites) {
      const own = favourite(c.place.id, ctx.history);
      if (own > 0) {
        const last = [...(ctx.history ?? [])].reverse().find((i) => i.placeId === c.place.id)!;
        return {
          value: clamp01(own / FAVOURITE_VISITS),
          evidence: { key: 'taste.favourite', params: { count: own } },
          personalData: [sourceRef({ kind: 'interaction', interaction: last.kind === 'liked' ? 'liked' : 'visited', at: last.at }, c.place.name, ctx.city.timezone)],
        };
      }
    }
    const t = run.taste;
    const s = t?.slotOf.get(c.place.id);
    if (!t || s === undefined) return none;
    const score = t.result.score[s]!;
    const q = t.result.bestQuery[s]!;
    if (score <= 0 || q < 0) return none;

    const reach = clamp01(score / Math.max(t.maxScore, SATURATION));
    const source = t.sources[q]!;
    const sourcePlace = source.kind === 'interaction' ? run.graph.place(source.placeId) : undefined;
    const personalData = [sourceRef(source, sourcePlace?.name ?? '', ctx.city.timezone)];

    const connector = t.result.connector[s]!;
    const connectorKind = connector >= 0 ? t.index.kind(connector) : -1;
    const connectorId = connector >= 0 ? idOfWalkKey(t.index.keys[connector]!) : '';
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
  },
};

function viaOf(kind: number, id: string, coVisiting: number): TastePath['via'] {
  if (kind === TRAVELLER || (kind === -1 && coVisiting > 0)) return { kind: 'travellers', count: coVisiting };
  if (kind === TAG) return { kind: 'tag', id };
  return { kind: 'category', id };
}
