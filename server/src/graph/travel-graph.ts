/**
 * The travel graph: places, events, offers, categories, tags, areas, cities and travellers, with typed
 * edges. It is the one model of the catalogue and of interactions in memory; built from the store at start
 * and patched in place as the store changes. Nothing outside this module touches graphology directly.
 */
import { createHash } from 'node:crypto';
import { MultiDirectedGraph } from 'graphology';
import type { Catalogue, CatalogueEvent, City, Offer, Place, Promotion } from '../catalogue/model.ts';
import { PromotionIndex, type PromotionsByTarget } from '../recommend/promotions.ts';
import type { Interaction } from '../travellers/model.ts';
import { areaLabel } from './area-names.ts';
import { areaOf, neighbourAreas } from './areas.ts';
import { PlaceTable } from './place-table.ts';
import { SpatialIndex } from './spatial-index.ts';
import { TRAVELLER, WalkIndex } from './walk-index.ts';
import { VisitLog } from './visit-log.ts';

export type NodeType = 'place' | 'event' | 'offer' | 'category' | 'tag' | 'area' | 'city' | 'traveller';
export type EdgeType = 'in_category' | 'tagged' | 'in_area' | 'area_neighbour' | 'in_city' | 'held_at' | 'interaction';

type NodeAttrs =
  /**
   * `archived`: a place the agency took out of its catalogue. Its node stays, with the interactions that
   * name it (they are travellers' history, and a graph built afresh holds them too), but it is in no index
   * a ranking reads, so it is never suggested again.
   */
  | { type: 'place'; place: Place; archived?: boolean }
  | { type: 'event'; event: CatalogueEvent }
  | { type: 'offer'; offer: Offer }
  | { type: 'city'; city: City }
  | { type: 'category' | 'tag' | 'area' }
  /**
   * `private`: a demo visitor's traveller. Their interactions are their own history (the ranking reads them)
   * but never reach anyone else: they are left out of the walk index, so they are no one's lookalike and
   * count in no place's popularity.
   */
  | { type: 'traveller'; private?: boolean };

interface EdgeAttrs {
  type: EdgeType;
  kind?: Interaction['kind'];
  at?: number;
  /**
   * An interaction's place id, as the very string the place holds: a ranking looks a traveller's places up
   * by id, and a string already hashed and identical to the table's key costs far less than a new slice.
   */
  placeId?: string;
}

export const nodeKey = (type: NodeType, id: string) => `${type}:${id}`;

/** Most places hold no event and no offer: one shared empty answer instead of an allocation per place. */
const NONE: readonly never[] = Object.freeze([]);

/** A place found near a position, with what is held there: candidate generation needs no further lookup. */
export interface NearbyPlace {
  place: Place;
  meters: number;
  /** The place's node in the walk index (valid for the index `walkIndex()` returns now). */
  node: number;
  events: readonly CatalogueEvent[];
  offers: readonly Offer[];
}

/**
 * Places near a position, nearest first, as positions in the place table: a caller tests the table's
 * columns and reads a place's objects (`entryAt`) only for the few that pass.
 */
export interface NearbySlots {
  table: PlaceTable<Place>;
  positions: readonly number[];
  meters: Float64Array;
}

/**
 * What the spatial index holds per place: the place and its current events and offers, kept together so
 * that a ranking, which visits hundreds of nearby places, reads them without a hash lookup per place
 * (in a table of 100k places each lookup is a cache miss).
 */
export interface PlaceEntry {
  id: string;
  lat: number;
  lon: number;
  place: Place;
  events: readonly CatalogueEvent[];
  offers: readonly Offer[];
  /** The place's node in the walk index, assigned when the index is built (-1 until then). */
  node: number;
}

/** Tags with a spatial index of their own (see TravelGraph.taggedPlacesNear). */
export const SPATIALLY_INDEXED_TAGS = ['running'] as const;
export type SpatiallyIndexedTag = (typeof SPATIALLY_INDEXED_TAGS)[number];

const nearbyPlace = (e: PlaceEntry, meters: number): NearbyPlace => ({ place: e.place, meters, node: e.node, events: e.events, offers: e.offers });

export class TravelGraph {
  private readonly g = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  private readonly spatial = new SpatialIndex<PlaceEntry>();
  /**
   * Places of a few tags that a ranking searches far afield (a runner's parks, 3 km away): their own index,
   * so that search does not go through the thousands of other places in that radius.
   */
  private readonly byTag = new Map<SpatiallyIndexedTag, SpatialIndex<PlaceEntry>>(SPATIALLY_INDEXED_TAGS.map((tag) => [tag, new SpatialIndex<PlaceEntry>()]));
  private readonly entries = new Map<string, PlaceEntry>();
  /** The cities (a handful): read on every position, so not found by walking the nodes. */
  private readonly cityIds = new Set<string>();
  private table: PlaceTable<Place> | null = null;
  /** Derived typed-array view for the taste walk; null until first needed or after a structural change. */
  private walk: WalkIndex | null = null;
  /** The last point areaAt was asked about, and its area. */
  private lastArea: { lat: number; lon: number; area: string } | null = null;
  /** Per-place lookups for the hot path: walking graphology's in-edges of a place also visits every interaction. */
  private readonly eventsByPlace = new ByPlace<CatalogueEvent>();
  private readonly offersByPlace = new ByPlace<Offer>();
  /** Promotions are not nodes: they relate nothing, they only weigh on the agency signal. */
  private readonly promotions = new PromotionIndex();
  /** Area labels by H3 cell, derived from addresses; cleared when a place changes. */
  private readonly areaLabels = new Map<string, string | null>();
  /** Overlay edges tolerated before the walk index is rebuilt from scratch. */
  static readonly WALK_OVERLAY_LIMIT = 20_000;
  private readonly visits = new VisitLog();
  /** Bumped by every change to the graph (graphology's own events), so the digest is computed once per state. */
  private version = 0;
  private digestCache: { version: number; value: string } | null = null;

  constructor() {
    const bump = () => void this.version++;
    for (const event of ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped', 'nodeAttributesUpdated', 'edgeAttributesUpdated', 'cleared', 'edgesCleared'] as const) {
      this.g.on(event, bump);
    }
  }

  /**
   * A digest of what the store decides (the catalogue's records, private travellers, every interaction
   * with its kind and time), so two instances can be compared from their health: equal digests, same graph. Nodes
   * that only structure the catalogue (categories, tags, areas) follow from the places and are left out.
   */
  digest(): string {
    if (this.digestCache?.version === this.version) return this.digestCache.value;
    this.digestCache = { version: this.version, value: graphDigest(this.g, [...this.promotions.all()]) };
    return this.digestCache.value;
  }

  static build(catalogue: Catalogue, interactions: Interaction[], privateTravellers: Iterable<string> = []): TravelGraph {
    const graph = new TravelGraph();
    for (const id of privateTravellers) graph.addPrivateTraveller(id);
    for (const city of catalogue.cities) graph.upsertCity(city);
    for (const place of catalogue.places) graph.upsertPlace(place);
    for (const place of catalogue.archivedPlaces) graph.archivePlace(place);
    for (const event of catalogue.events) graph.upsertEvent(event);
    for (const offer of catalogue.offers) graph.upsertOffer(offer);
    for (const promotion of catalogue.promotions) graph.upsertPromotion(promotion);
    for (const i of interactions) graph.addInteraction(i);
    // Built now rather than at the first ranking, which would otherwise pay for it.
    graph.walkIndex();
    return graph;
  }

  private ensureNode(type: NodeType, id: string): string {
    const key = nodeKey(type, id);
    if (!this.g.hasNode(key)) this.g.addNode(key, { type } as NodeAttrs);
    return key;
  }

  /** Structural edges are unique per (type, source, target); the key makes re-adding a no-op. */
  private link(type: EdgeType, source: string, target: string): void {
    const key = `${type}|${source}|${target}`;
    if (!this.g.hasEdge(key)) this.g.addEdgeWithKey(key, source, target, { type });
  }

  upsertCity(city: City): void {
    const key = nodeKey('city', city.id);
    this.cityIds.add(city.id);
    if (this.g.hasNode(key)) this.g.replaceNodeAttributes(key, { type: 'city', city });
    else this.g.addNode(key, { type: 'city', city });
  }

  upsertPlace(place: Place): void {
    const key = nodeKey('place', place.id);
    if (this.g.hasNode(key)) {
      // Drop outgoing structural edges: category, tags or position may have changed.
      for (const edge of this.g.outEdges(key)) this.g.dropEdge(edge);
      this.g.replaceNodeAttributes(key, { type: 'place', place });
    } else {
      this.g.addNode(key, { type: 'place', place });
    }
    this.link('in_category', key, this.ensureNode('category', place.category));
    for (const tag of place.tags) this.link('tagged', key, this.ensureNode('tag', tag));
    const area = areaOf(place.lat, place.lon);
    const areaKey = this.addArea(area, place.cityId);
    this.link('in_area', key, areaKey);
    const entry: PlaceEntry = { id: place.id, lat: place.lat, lon: place.lon, place, events: this.eventsByPlace.at(place.id), offers: this.offersByPlace.at(place.id), node: -1 };
    this.entries.set(place.id, entry);
    this.areaLabels.clear();
    this.spatial.set(entry);
    for (const [tag, index] of this.byTag) {
      if (place.tags.includes(tag)) index.set(entry);
      else index.delete(place.id);
    }
    this.walk = null;
  }

  /** Takes a place out of every suggestion (the agency archived it); see NodeAttrs for what stays. */
  archivePlace(place: Place): void {
    const key = nodeKey('place', place.id);
    if (this.g.hasNode(key)) {
      for (const edge of this.g.outEdges(key)) this.g.dropEdge(edge);
      this.g.replaceNodeAttributes(key, { type: 'place', place, archived: true });
    } else {
      this.g.addNode(key, { type: 'place', place, archived: true });
    }
    this.entries.delete(place.id);
    this.spatial.delete(place.id);
    for (const index of this.byTag.values()) index.delete(place.id);
    this.areaLabels.clear();
    this.walk = null;
  }

  private addArea(area: string, cityId: string): string {
    const key = nodeKey('area', area);
    if (this.g.hasNode(key)) return key;
    this.ensureNode('area', area);
    this.link('in_city', key, this.ensureNode('city', cityId));
    for (const n of neighbourAreas(area)) {
      const nKey = nodeKey('area', n);
      if (!this.g.hasNode(nKey)) continue;
      this.link('area_neighbour', key, nKey);
      this.link('area_neighbour', nKey, key);
    }
    return key;
  }

  upsertEvent(event: CatalogueEvent): void {
    for (const placeId of this.eventsByPlace.set(event)) {
      const entry = this.entries.get(placeId);
      if (entry) {
        entry.events = this.eventsByPlace.at(placeId);
        this.heldChanged(entry);
      }
    }
    const key = nodeKey('event', event.id);
    if (this.g.hasNode(key)) this.g.replaceNodeAttributes(key, { type: 'event', event });
    else this.g.addNode(key, { type: 'event', event });
    this.link('held_at', key, nodeKey('place', event.placeId));
  }

  upsertOffer(offer: Offer): void {
    for (const placeId of this.offersByPlace.set(offer)) {
      const entry = this.entries.get(placeId);
      if (entry) {
        entry.offers = this.offersByPlace.at(placeId);
        this.heldChanged(entry);
      }
    }
    const key = nodeKey('offer', offer.id);
    if (this.g.hasNode(key)) this.g.replaceNodeAttributes(key, { type: 'offer', offer });
    else this.g.addNode(key, { type: 'offer', offer });
    this.link('held_at', key, nodeKey('place', offer.placeId));
  }

  /** An event no longer published (archived, or back to a draft): no longer a candidate. */
  removeEvent(id: string): void {
    this.removeItem(this.eventsByPlace, 'event', id, (entry, placeId) => (entry.events = this.eventsByPlace.at(placeId)));
  }

  removeOffer(id: string): void {
    this.removeItem(this.offersByPlace, 'offer', id, (entry, placeId) => (entry.offers = this.offersByPlace.at(placeId)));
  }

  private removeItem<T extends { id: string; placeId: string }>(items: ByPlace<T>, type: 'event' | 'offer', id: string, refresh: (entry: PlaceEntry, placeId: string) => void): void {
    const placeId = items.delete(id);
    if (placeId === null) return;
    const entry = this.entries.get(placeId);
    if (entry) {
      refresh(entry, placeId);
      this.heldChanged(entry);
    }
    const key = nodeKey(type, id);
    if (this.g.hasNode(key)) this.g.dropNode(key);
  }

  upsertPromotion(promotion: Promotion): void {
    this.promotions.upsert(promotion);
    this.version++;
  }

  removePromotion(id: string): void {
    this.promotions.remove(id);
    this.version++;
  }

  /** An agency's promotions, by what they promote (the agency signal's lookup). */
  promotionsOf(agencyId: string): PromotionsByTarget {
    return this.promotions.of(agencyId);
  }

  /** A traveller whose interactions stay out of what other travellers' rankings read (see NodeAttrs). */
  addPrivateTraveller(travellerId: string): void {
    const key = nodeKey('traveller', travellerId);
    if (this.g.hasNode(key)) this.g.mergeNodeAttributes(key, { private: true });
    else this.g.addNode(key, { type: 'traveller', private: true });
  }

  /**
   * Records an interaction; the same traveller, place and kind again only refreshes its time (a repeated
   * "like" is one like, as in the store: ten thousand taps must not grow the graph or slow the ranking).
   * A visit is kept in the visit log at its latest time, as the store keeps it (one row per fact).
   * Returns whether an edge was added.
   */
  addInteraction(i: Interaction): boolean {
    const added = this.addEdge(i);
    if (i.kind === 'visited') {
      if (!added) this.visits.removeVisits(i.travellerId, i.placeId);
      this.visits.add(i.travellerId, i.placeId, this.latestAt(i), !this.isPrivate(nodeKey('traveller', i.travellerId)));
    }
    return added;
  }

  /**
   * Records one visit of a log that keeps every visit (a check-in file): the fact edge as addInteraction
   * makes it, and the visit appended to the visit log, however many came before.
   */
  recordVisit(travellerId: string, placeId: string, at: Date): void {
    this.addEdge({ travellerId, placeId, kind: 'visited', at });
    this.visits.add(travellerId, placeId, at.getTime(), !this.isPrivate(nodeKey('traveller', travellerId)));
  }

  /** Each traveller's visits in time order and what follows what (visit-log.ts). */
  visitLog(): VisitLog {
    return this.visits;
  }

  private latestAt(i: Interaction): number {
    let at = i.at.getTime();
    this.g.forEachOutEdge(nodeKey('traveller', i.travellerId), nodeKey('place', i.placeId), (_e, attrs) => {
      if (attrs.type === 'interaction' && attrs.kind === i.kind && attrs.at !== undefined) at = Math.max(at, attrs.at);
    });
    return at;
  }

  private addEdge(i: Interaction): boolean {
    const traveller = this.ensureNode('traveller', i.travellerId);
    const place = nodeKey('place', i.placeId);
    let existing: string | undefined;
    if (this.g.hasNode(place)) {
      this.g.forEachOutEdge(traveller, place, (edge, attrs) => {
        if (attrs.type === 'interaction' && attrs.kind === i.kind) existing = edge;
      });
    }
    if (existing !== undefined) {
      this.g.setEdgeAttribute(existing, 'at', Math.max(i.at.getTime(), this.g.getEdgeAttribute(existing, 'at') ?? 0));
      return false;
    }
    const placeId = this.entries.get(i.placeId)?.id ?? i.placeId;
    this.g.addEdge(traveller, place, { type: 'interaction', kind: i.kind, at: i.at.getTime(), placeId });
    if (this.isPrivate(traveller)) return true; // not in the walk index: nothing to patch
    if (this.walk && this.walk.overlaySize < TravelGraph.WALK_OVERLAY_LIMIT) this.walk.addInteraction(traveller, place, i.kind);
    else this.walk = null;
    return true;
  }

  /** Takes an interaction back (an undo). The walk index is rebuilt unless the traveller was never in it. */
  removeInteraction(i: Pick<Interaction, 'travellerId' | 'placeId' | 'kind'>): boolean {
    const traveller = nodeKey('traveller', i.travellerId);
    const place = nodeKey('place', i.placeId);
    if (!this.g.hasNode(traveller) || !this.g.hasNode(place)) return false;
    let removed = false;
    for (const edge of this.g.outEdges(traveller, place)) {
      if (this.g.getEdgeAttribute(edge, 'kind') !== i.kind) continue;
      this.g.dropEdge(edge);
      removed = true;
    }
    // The index has no removal: a public traveller's undo costs a rebuild at the next ranking (rare: an
    // undo follows a tap by seconds, and a demo visitor, the usual case, is private).
    if (removed && !this.isPrivate(traveller)) this.walk = null;
    if (removed && i.kind === 'visited') this.visits.removeVisits(i.travellerId, i.placeId);
    return removed;
  }

  private isPrivate(travellerKey: string): boolean {
    const attrs = this.g.getNodeAttributes(travellerKey);
    return attrs.type === 'traveller' && attrs.private === true;
  }

  /** Removes a traveller and every edge touching them (erasure, consent withdrawal). */
  dropTraveller(travellerId: string): void {
    const key = nodeKey('traveller', travellerId);
    if (!this.g.hasNode(key)) return;
    const wasPrivate = this.isPrivate(key);
    this.g.dropNode(key);
    this.visits.dropTraveller(travellerId);
    // Erasure must leave no trace in derived structures either: the walk index is rebuilt without them
    // (a private traveller was never in it).
    if (!wasPrivate) this.walk = null;
  }

  /** The typed-array view for random walks, (re)built on demand. */
  walkIndex(): WalkIndex {
    if (this.walk) return this.walk;
    const walk = WalkIndex.fromGraph(this.g);
    // Every place is in the index (places are never dropped from it), so every entry gets its node.
    for (const entry of this.entries.values()) entry.node = walk.placeNode(entry.id) ?? -1;
    this.walk = walk;
    return walk;
  }

  /** The H3 area of a position. */
  areaAt(lat: number, lon: number): string {
    // The push asks for the same point twice (the trigger, then the state it records); H3 costs ~10 µs.
    const last = this.lastArea;
    if (last && last.lat === lat && last.lon === lon) return last.area;
    const area = areaOf(lat, lon);
    this.lastArea = { lat, lon, area };
    return area;
  }

  /**
   * A recognisable name for an area ("Paris 4e"), from the addresses of its places, or of its neighbours'
   * when it has none with an address; null when nothing around says.
   */
  areaName(area: string): string | null {
    const cached = this.areaLabels.get(area);
    if (cached !== undefined) return cached;
    const addressesIn = (cell: string) => {
      const key = nodeKey('area', cell);
      if (!this.g.hasNode(key)) return [];
      const out: (string | null)[] = [];
      this.g.forEachInNeighbor(key, (_n, attrs) => {
        if (attrs.type === 'place') out.push(attrs.place.address);
      });
      return out;
    };
    const label = areaLabel(addressesIn(area)) ?? areaLabel(neighbourAreas(area).flatMap(addressesIn));
    this.areaLabels.set(area, label);
    return label;
  }

  /** How many interactions of all travellers a place has (aggregated, no one's identity): for popularity. */
  interactionCount(placeId: string): number {
    const index = this.walkIndex();
    const node = index.placeNode(placeId);
    return node === undefined ? 0 : index.degree(node, TRAVELLER);
  }

  place(id: string): Place | undefined {
    return this.entries.get(id)?.place;
  }

  city(id: string): City | undefined {
    const key = nodeKey('city', id);
    const attrs = this.g.hasNode(key) ? this.g.getNodeAttributes(key) : undefined;
    return attrs?.type === 'city' ? attrs.city : undefined;
  }

  /** Every city of the catalogue (the demo's and those an agency's import added). */
  cities(): City[] {
    return [...this.cityIds].map((id) => this.city(id)!);
  }

  places(): Place[] {
    const out: Place[] = [];
    this.g.forEachNode((_k, a) => {
      if (a.type === 'place' && !a.archived) out.push(a.place);
    });
    return out;
  }

  /** Places within `radiusMeters`, nearest first, at most `max`, with their events and offers. */
  placesNear(lat: number, lon: number, radiusMeters: number, max = Infinity): NearbyPlace[] {
    this.walkIndex(); // so that every entry's node is current
    return this.spatial.near(lat, lon, radiusMeters, max, nearbyPlace);
  }

  /** Places within `radiusMeters`, nearest first, at most `max`, as positions in the place table. */
  placeSlotsNear(lat: number, lon: number, radiusMeters: number, max = Infinity): NearbySlots {
    const table = this.placeTable();
    return { table, ...this.spatial.nearest(lat, lon, radiusMeters, max) };
  }

  /** The place at a position of the current place table. */
  entryAt(position: number): PlaceEntry {
    return this.spatial.list()[position]!;
  }

  /** A place's position in the current place table. */
  slotOf(placeId: string): number | undefined {
    return this.spatial.positionOf(placeId);
  }

  /** The place table, rebuilt when the spatial index or the walk index (its nodes) was. */
  placeTable(): PlaceTable<Place> {
    const walk = this.walkIndex();
    const entries = this.spatial.list();
    if (this.table?.generation !== this.spatial.generation || this.table.walk !== walk) {
      this.table = new PlaceTable(entries, this.spatial.generation, walk);
    }
    return this.table;
  }

  private heldChanged(entry: PlaceEntry): void {
    // A stale index is rebuilt, and the table with it, before the next query: nothing to patch then.
    if (!this.table || !this.spatial.current || this.table.generation !== this.spatial.generation) return;
    const position = this.spatial.positionOf(entry.id);
    if (position !== undefined) this.table.updateHeld(position, entry);
  }

  /** As placesNear, among the places tagged `tag`. */
  taggedPlacesNear(tag: SpatiallyIndexedTag, lat: number, lon: number, radiusMeters: number, max = Infinity): NearbyPlace[] {
    this.walkIndex();
    return this.byTag.get(tag)!.near(lat, lon, radiusMeters, max, nearbyPlace);
  }

  eventsAt(placeId: string): readonly CatalogueEvent[] {
    return this.eventsByPlace.at(placeId);
  }

  offersAt(placeId: string): readonly Offer[] {
    return this.offersByPlace.at(placeId);
  }

  /** Every traveller in the graph (an erasure named by digest is looked for among them). */
  *travellerIds(): Generator<string> {
    for (const { node, attributes } of this.g.nodeEntries()) if (attributes.type === 'traveller') yield node.slice('traveller:'.length);
  }

  interactionsOf(travellerId: string): Interaction[] {
    const key = nodeKey('traveller', travellerId);
    if (!this.g.hasNode(key)) return [];
    const out: Interaction[] = [];
    this.g.forEachOutEdge(key, (_e, attrs, _s, target) => {
      if (attrs.type === 'interaction' && attrs.kind && attrs.at !== undefined) {
        out.push({ travellerId, placeId: attrs.placeId ?? target.slice('place:'.length), kind: attrs.kind, at: new Date(attrs.at) });
      }
    });
    return out;
  }

  counts(): { nodes: Record<string, number>; edges: Record<string, number>; totalNodes: number; totalEdges: number } {
    const nodes: Record<string, number> = {};
    const edges: Record<string, number> = {};
    this.g.forEachNode((_k, a) => {
      nodes[a.type] = (nodes[a.type] ?? 0) + 1;
    });
    this.g.forEachEdge((_k, a) => {
      edges[a.type] = (edges[a.type] ?? 0) + 1;
    });
    return { nodes, edges, totalNodes: this.g.order, totalEdges: this.g.size };
  }
}

/**
 * Events or offers by place, for candidate generation: each place's list is an array built once per change,
 * since it is read for every place near every ranking and changes only when the agency edits its catalogue.
 */
class ByPlace<T extends { id: string; placeId: string }> {
  private readonly items = new Map<string, Map<string, T>>();
  private readonly placeOf = new Map<string, string>();
  private readonly lists = new Map<string, readonly T[]>();

  /** Adds or replaces an item, moving it if its place changed; returns the places whose list changed. */
  set(item: T): string[] {
    const previous = this.placeOf.get(item.id);
    const changed = [item.placeId];
    if (previous !== undefined && previous !== item.placeId) {
      const old = this.items.get(previous);
      if (old?.delete(item.id) && old.size === 0) this.items.delete(previous);
      this.lists.delete(previous);
      changed.push(previous);
    }
    this.placeOf.set(item.id, item.placeId);
    let items = this.items.get(item.placeId);
    if (!items) this.items.set(item.placeId, (items = new Map()));
    items.set(item.id, item);
    this.lists.delete(item.placeId);
    return changed;
  }

  /** Takes an item out; returns the place whose list changed, or null when it was not there. */
  delete(id: string): string | null {
    const placeId = this.placeOf.get(id);
    if (placeId === undefined) return null;
    this.placeOf.delete(id);
    const items = this.items.get(placeId);
    if (items?.delete(id) && items.size === 0) this.items.delete(placeId);
    this.lists.delete(placeId);
    return placeId;
  }

  at(placeId: string): readonly T[] {
    let list = this.lists.get(placeId);
    if (list === undefined) {
      const items = this.items.get(placeId);
      if (!items) return NONE;
      list = Object.freeze([...items.values()]);
      this.lists.set(placeId, list);
    }
    return list;
  }
}

function graphDigest(g: MultiDirectedGraph<NodeAttrs, EdgeAttrs>, promotions: Promotion[]): string {
  const lines: string[] = promotions.map((p) => `promotion:${p.id} ${JSON.stringify(p)}`);
  g.forEachNode((key, attrs) => {
    if (attrs.type === 'place') lines.push(`${key}${attrs.archived ? ' archived' : ''} ${JSON.stringify(attrs.place)}`);
    else if (attrs.type === 'event') lines.push(`${key} ${JSON.stringify(attrs.event)}`);
    else if (attrs.type === 'offer') lines.push(`${key} ${JSON.stringify(attrs.offer)}`);
    else if (attrs.type === 'city') lines.push(`${key} ${JSON.stringify(attrs.city)}`);
    else if (attrs.type === 'traveller' && attrs.private === true) lines.push(`private ${key}`);
  });
  g.forEachEdge((_edge, attrs, source, target) => {
    if (attrs.type === 'interaction') lines.push(`${source} ${attrs.kind} ${target} ${attrs.at}`);
  });
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}
