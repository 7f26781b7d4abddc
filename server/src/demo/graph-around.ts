/**
 * The neighbourhood of the travel graph around a suggestion, drawn by the demo's "look inside": the
 * place, what it is (category, tags, area, city), the visitor's own places that other travellers link to
 * it, and how many travellers went there. Other travellers are only ever counts. The path most of them
 * travelled (the visitor's place with the most co-visitors) is the one the taste walk follows most often,
 * and is highlighted.
 */
import type { DemoGraph, DemoGraphEdge, DemoGraphNode } from '@escale/shared';
import { nodeKey, type TravelGraph } from '../graph/travel-graph.ts';
import { coVisitors } from '../recommend/taste-walk.ts';
import type { Traveller } from '../travellers/model.ts';

/** At most this many of the visitor's places: the drawing stays readable on a slide. */
const MAX_OWN_PLACES = 6;
const MAX_TAGS = 4;

const matches = (traveller: Traveller, kind: 'category' | 'tag', id: string) => traveller.likes.some((l) => l.kind === kind && l.id === id);

export function graphAround(graph: TravelGraph, traveller: Traveller, placeId: string): DemoGraph | null {
  const place = graph.place(placeId);
  if (!place) return null;
  const nodes: DemoGraphNode[] = [];
  const edges: DemoGraphEdge[] = [];
  const center = `place:${place.id}`;
  nodes.push({ id: center, kind: 'suggestion', label: place.name });

  const category = `category:${place.category}`;
  nodes.push({ id: category, kind: 'category', label: place.category });
  edges.push({ from: center, to: category, kind: 'in_category', highlighted: false });
  for (const tag of place.tags.slice(0, MAX_TAGS)) {
    nodes.push({ id: `tag:${tag}`, kind: 'tag', label: tag });
    edges.push({ from: center, to: `tag:${tag}`, kind: 'has_tag', highlighted: false });
  }
  const areaName = graph.areaName(graph.areaAt(place.lat, place.lon));
  if (areaName) {
    nodes.push({ id: 'area', kind: 'area', label: areaName });
    edges.push({ from: center, to: 'area', kind: 'in_area', highlighted: false });
  }
  const city = graph.city(place.cityId);
  if (city) {
    nodes.push({ id: `city:${city.id}`, kind: 'city', label: city.name });
    edges.push({ from: areaName ? 'area' : center, to: `city:${city.id}`, kind: 'in_city', highlighted: false });
  }

  nodes.push({ id: 'you', kind: 'you', label: traveller.name });
  // Stated interests are profile data: drawn only with that consent.
  if (traveller.consents.profile) {
    if (matches(traveller, 'category', place.category)) edges.push({ from: 'you', to: category, kind: 'interest', highlighted: false });
    for (const tag of place.tags.slice(0, MAX_TAGS)) if (matches(traveller, 'tag', tag)) edges.push({ from: 'you', to: `tag:${tag}`, kind: 'interest', highlighted: false });
  }

  const index = graph.walkIndex();
  const target = index.placeNode(place.id);
  const everyone = graph.interactionCount(place.id);
  // Likes and visits are history data: without that consent they are not read at all.
  const historyRead = traveller.consents.history;
  let best: { id: string; common: number } | null = null;
  if (historyRead && target !== undefined) {
    const self = index.nodeOf(nodeKey('traveller', traveller.id));
    const twin = traveller.personaId && traveller.personaId !== traveller.id ? index.nodeOf(nodeKey('traveller', traveller.personaId)) : undefined;
    const own = new Map<string, { kind: 'liked' | 'visited' | 'booked'; common: number }>();
    for (const i of graph.interactionsOf(traveller.id)) {
      if (i.placeId === place.id || (i.kind !== 'liked' && i.kind !== 'visited')) continue;
      const node = index.placeNode(i.placeId);
      if (node === undefined) continue;
      const common = coVisitors(index, node, target, self, twin);
      const seen = own.get(i.placeId);
      if (!seen || seen.kind !== 'liked') own.set(i.placeId, { kind: i.kind, common });
    }
    const ranked = [...own.entries()].sort((a, b) => b[1].common - a[1].common || a[0].localeCompare(b[0])).slice(0, MAX_OWN_PLACES);
    if (ranked[0] && ranked[0][1].common > 0) best = { id: ranked[0][0], common: ranked[0][1].common };
    for (const [id, { kind, common }] of ranked) {
      const node = `place:${id}`;
      const highlighted = best?.id === id;
      nodes.push({ id: node, kind: 'your_place', label: graph.place(id)?.name ?? id });
      edges.push({ from: 'you', to: node, kind, highlighted });
      if (common > 0) edges.push({ from: node, to: center, kind: 'co_visitors', weight: common, highlighted });
    }
  }
  nodes.push({ id: 'travellers', kind: 'travellers', label: '', count: everyone });
  edges.push({ from: 'travellers', to: center, kind: 'visited', weight: everyone, highlighted: false });
  return { placeId: place.id, nodes, edges, historyRead };
}
