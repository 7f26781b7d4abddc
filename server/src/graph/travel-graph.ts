/**
 * The travel graph: places, events, offers, categories, tags, areas, cities and travellers, and how they
 * relate. It is the one model of the catalogue and of interactions in memory; built from the store at start
 * and patched in place as the store changes. graphology holds the catalogue's structure; places and
 * interactions are in compact columns and the walk index (see the class). Nothing outside this module
 * touches graphology directly.
 */
import { performance } from 'node:perf_hooks';
import { MultiDirectedGraph } from 'graphology';
import type { Catalogue, CatalogueEvent, City, Offer, Place, Promotion } from '../catalogue/model.ts';
import { PromotionIndex, type PromotionsByTarget } from '../recommend/promotions.ts';
import type { Interaction, InteractionKind, InteractionPage } from '../travellers/model.ts';
import { areaLabel } from './area-names.ts';
import { areaOf, neighbourAreas } from './areas.ts';
import { type AddedRow, codeOf, type ExportColumns, type IndexRows, InteractionIndex } from './interaction-index.ts';
import { type DigestSums, LinesDigest } from './lines-digest.ts';
import { PlaceIds } from './place-ids.ts';
import { PlaceTable } from './place-table.ts';
import { SpatialIndex } from './spatial-index.ts';
import { TRAVELLER, WalkIndex, WEIGHT_OF_CODE, type WalkSource } from './walk-index.ts';
import { VisitLog } from './visit-log.ts';

export type NodeType = 'place' | 'event' | 'offer' | 'category' | 'tag' | 'area' | 'city' | 'traveller';
export type EdgeType = 'in_category' | 'tagged' | 'in_area' | 'area_neighbour' | 'in_city' | 'held_at' | 'interaction';

/**
 * What graphology holds: the catalogue's typed structure (cities, their areas and which area borders which,
 * categories, tags), small and rarely changed. Places, their relations and interactions are in compact
 * columns (place-ids.ts, interaction-index.ts, walk-index.ts): as graph objects, a million places and ten
 * million interactions took minutes and gigabytes to build (docs/DECISIONS.md).
 */
type StructureAttrs = { type: 'city'; city: City } | { type: 'category' | 'tag' | 'area' };
type StructureEdge = { type: 'in_city' | 'area_neighbour' };

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
  /** The place's H3 area (areas.ts), computed once. */
  area: string;
  events: readonly CatalogueEvent[];
  offers: readonly Offer[];
  /** The place's node in the walk index: its number (place-ids.ts). */
  node: number;
}

/** Tags with a spatial index of their own (see TravelGraph.taggedPlacesNear). */
export const SPATIALLY_INDEXED_TAGS = ['running'] as const;
export type SpatiallyIndexedTag = (typeof SPATIALLY_INDEXED_TAGS)[number];

const nearbyPlace = (e: PlaceEntry, meters: number): NearbyPlace => ({ place: e.place, meters, node: e.node, events: e.events, offers: e.offers });

/** The interactions of a graph, as a snapshot holds them (TravelGraph.interactionState). */
export interface InteractionState {
  /** The place ids by number: the graph's own list, which only grows (a row names only the first ones). */
  placeIds: readonly string[];
  rows: IndexRows;
  interactionDigest: DigestSums;
}

export class TravelGraph {
  private readonly g = new MultiDirectedGraph<StructureAttrs, StructureEdge>();
  private readonly spatial = new SpatialIndex<PlaceEntry>();
  /**
   * Places of a few tags that a ranking searches far afield (a runner's parks, 3 km away): their own index,
   * so that search does not go through the thousands of other places in that radius.
   */
  private readonly byTag = new Map<SpatiallyIndexedTag, SpatialIndex<PlaceEntry>>(SPATIALLY_INDEXED_TAGS.map((tag) => [tag, new SpatialIndex<PlaceEntry>()]));
  private readonly placeIds = new PlaceIds();
  /** The catalogue's places by number; archived ones are in `archived` instead. */
  private readonly entries: (PlaceEntry | undefined)[] = [];
  private liveEntries = 0;
  /** Tags of the catalogue's places, each place's counted once: the health endpoint reports it. */
  private taggedRelations = 0;
  /**
   * Places the agency took out of its catalogue. Their numbers stay, with the interactions that name them
   * (they are travellers' history, and a graph built afresh holds them too), but they are in no index a
   * ranking reads, so they are never suggested again.
   */
  private readonly archived = new Map<number, Place>();
  private readonly cityById = new Map<string, City>();
  private readonly interactions = new InteractionIndex(this.placeIds);
  private table: PlaceTable<Place> | null = null;
  /** Derived typed-array view for the taste walk; null until first needed or after a structural change. */
  private walk: WalkIndex | null = null;
  /** The last point areaAt was asked about, and its area. */
  private lastArea: { lat: number; lon: number; area: string } | null = null;
  /** Per-place lookups for the hot path. */
  private readonly eventsByPlace = new ByPlace<CatalogueEvent>();
  private readonly offersByPlace = new ByPlace<Offer>();
  /** Promotions are not nodes: they relate nothing, they only weigh on the agency signal. */
  private readonly promotions = new PromotionIndex();
  /** Area labels by H3 cell, derived from addresses; cleared when a place changes. */
  private readonly areaLabels = new Map<string, string | null>();
  /** The catalogue's places per area, for the labels; built when first asked, dropped when a place changes. */
  private placesByArea: Map<string, PlaceEntry[]> | null = null;
  /**
   * Overlay edges at which a compacted walk index starts being built in the background (a slice of rows
   * per turn of the event loop, `compactInBackground`): WALK_OVERLAY_LIMIT, or WALK_OVERLAY_SHARE of the
   * built index if more, so that a compaction's cost (all the rows) is paid once per so many appends
   * whatever the graph's size. The overlay keeps taking appends meanwhile, up to WALK_OVERLAY_HARD_LIMIT
   * times that, past which the index is dropped and rebuilt at the next ranking.
   */
  static readonly WALK_OVERLAY_LIMIT = 20_000;
  static readonly WALK_OVERLAY_SHARE = 0.05;
  static readonly WALK_OVERLAY_HARD_LIMIT = 4;
  /** Milliseconds of compaction per turn of the event loop: a ranking waits at most about this long. */
  static readonly COMPACTION_SLICE_MS = 4;
  /** The compaction under way, with what it was started from (a change to either makes it void). */
  private compaction: { catalogue: number; rows: number } | null = null;
  /** Bumped by every change of the places the walk index is built from. */
  private catalogueVersion = 0;
  /** Compactions swapped in so far (the health endpoint and the benchmark report it). */
  compactions = 0;
  private readonly visits = new VisitLog();
  /** The digest's lines of the catalogue and of private travellers. */
  private readonly digestLines = new LinesDigest();
  /** The digest's lines of interactions, apart: a snapshot carries their sums (graph-snapshot.ts). */
  private readonly interactionLines = new LinesDigest();

  /**
   * A digest of what the store decides (the catalogue's records, private travellers, every interaction
   * with its kind and time), so two instances can be compared from their health: equal digests, same graph. Nodes
   * that only structure the catalogue (categories, tags, areas) follow from the places and are left out.
   */
  digest(): string {
    return this.digestLines.valueWith(this.interactionLines.sums());
  }

  /**
   * The graph of a catalogue and its interactions, every index built. `interactions` may be a stream (a
   * store's cursor): nothing of it is kept but its rows; `expectedInteractions` (a count the store gives
   * cheaply) sizes the rows once instead of growing them.
   */
  static build(catalogue: Catalogue, interactions: Iterable<Interaction>, privateTravellers: Iterable<string> = [], expectedInteractions?: number): TravelGraph {
    const graph = TravelGraph.ofCatalogue(catalogue, privateTravellers, Array.isArray(interactions) ? interactions.length : expectedInteractions);
    // No walk index yet, so each interaction is a row and nothing more; the index is built once at the end.
    for (const i of interactions) graph.addInteraction(i);
    return graph.indexed();
  }

  /**
   * As build, from interactions that come a page at a time from the store (travellers/queries.ts
   * interactionPages), as columns: only one page is ever held, and the event loop turns between pages.
   */
  static async load(catalogue: Catalogue, pages: AsyncIterable<InteractionPage>, privateTravellers: Iterable<string> = [], expectedInteractions?: number): Promise<TravelGraph> {
    const graph = TravelGraph.ofCatalogue(catalogue, privateTravellers, expectedInteractions);
    for await (const page of pages) {
      const { travellerId, placeId, kind, atMs } = page;
      for (let k = 0; k < travellerId.length; k++) graph.addFact(travellerId[k]!, placeId[k]!, kind[k]!, atMs[k]!);
    }
    return graph.indexed();
  }

  /** The graph of a catalogue, its rows sized for the interactions to come. */
  private static ofCatalogue(catalogue: Catalogue, privateTravellers: Iterable<string>, expectedInteractions = 0): TravelGraph {
    const graph = new TravelGraph();
    graph.addCatalogue(catalogue, privateTravellers);
    graph.interactions.reserve(expectedInteractions);
    return graph;
  }

  private addCatalogue(catalogue: Catalogue, privateTravellers: Iterable<string>): void {
    for (const id of privateTravellers) this.addPrivateTraveller(id);
    for (const city of catalogue.cities) this.upsertCity(city);
    for (const place of catalogue.places) this.upsertPlace(place);
    for (const place of catalogue.archivedPlaces) this.archivePlace(place);
    for (const event of catalogue.events) this.upsertEvent(event);
    for (const offer of catalogue.offers) this.upsertOffer(offer);
    for (const promotion of catalogue.promotions) this.upsertPromotion(promotion);
  }

  /**
   * What a snapshot keeps of the graph (graph-snapshot.ts): the interactions, which are most of a build,
   * with the place numbers they name and their share of the digest. The catalogue is not in it: the store
   * gives it whole in a few queries, and it must be the store's current one. The rows are views of
   * `columns` when given (InteractionIndex.exportRows).
   */
  interactionState(columns?: ExportColumns): InteractionState {
    return { placeIds: this.placeIds.list(), rows: this.interactions.exportRows(columns), interactionDigest: this.interactionLines.sums() };
  }

  /**
   * The graph of a catalogue and the interactions of a snapshot, as build would make it from the same
   * records: the rows go in as numbers, with no id looked up, and the visit log and the walk index are
   * built from them. `privateTravellers` are today's demo visitors (a snapshot's own stay private).
   */
  static fromInteractionState(catalogue: Catalogue, state: InteractionState, privateTravellers: Iterable<string> = []): TravelGraph {
    const graph = new TravelGraph();
    graph.placeIds.restore(state.placeIds);
    graph.interactions.importRows(state.rows);
    graph.interactionLines.restore(state.interactionDigest);
    const visited = codeOf('visited');
    const index = graph.interactions;
    state.rows.travellerIds.forEach((id, t) => {
      if (state.rows.privateFlags[t] === 1) graph.digestLines.add(privateLine(id));
    });
    // Private before the visits are logged, as in a build: a private traveller's visits are in no shared count.
    for (const id of privateTravellers) graph.addPrivateTraveller(id);
    index.forEach((t, place, kind, at) => {
      if (kind === visited) graph.visits.add(index.travellerId(t)!, graph.placeIds.id(place), at, !index.isPrivate(t));
    });
    graph.addCatalogue(catalogue, []);
    return graph.indexed();
  }

  /**
   * Builds now rather than at the first ranking, which would otherwise pay for them: the walk index, the
   * spatial index and the place table.
   */
  private indexed(): TravelGraph {
    this.placeTable();
    return this;
  }

  /** Categories, tags and areas already in the structure, by id: a million places name a few hundred. */
  private readonly known = { category: new Set<string>(), tag: new Set<string>(), area: new Set<string>() };

  private ensureNode(type: 'category' | 'tag' | 'area', id: string): void {
    if (this.known[type].has(id)) return;
    this.known[type].add(id);
    this.g.addNode(nodeKey(type, id), { type });
  }

  /** Structural edges are unique per (type, source, target); the key makes re-adding a no-op. */
  private link(type: StructureEdge['type'], source: string, target: string): void {
    const key = `${type}|${source}|${target}`;
    if (!this.g.hasEdge(key)) this.g.addEdgeWithKey(key, source, target, { type });
  }

  upsertCity(city: City): void {
    const key = nodeKey('city', city.id);
    const previous = this.cityById.get(city.id);
    if (previous) this.digestLines.remove(cityLine(previous));
    this.digestLines.add(cityLine(city));
    this.cityById.set(city.id, city);
    if (this.g.hasNode(key)) this.g.replaceNodeAttributes(key, { type: 'city', city });
    else this.g.addNode(key, { type: 'city', city });
  }

  private entryOf(id: string): PlaceEntry | undefined {
    const n = this.placeIds.find(id);
    return n === undefined ? undefined : this.entries[n];
  }

  upsertPlace(place: Place): void {
    const n = this.placeIds.number(place.id);
    const previous = this.entries[n];
    if (!previous) this.liveEntries++;
    else {
      this.digestLines.remove(placeLine(previous.id, previous.place));
      this.taggedRelations -= distinctCount(previous.place.tags);
    }
    this.taggedRelations += distinctCount(place.tags);
    this.forgetArchived(n);
    this.digestLines.add(placeLine(this.placeIds.id(n), place));
    this.ensureNode('category', place.category);
    for (const tag of place.tags) this.ensureNode('tag', tag);
    // H3 costs microseconds a call: a place that did not move keeps its area.
    const area = previous && previous.lat === place.lat && previous.lon === place.lon ? previous.area : areaOf(place.lat, place.lon);
    this.addArea(area, place.cityId);
    const entry: PlaceEntry = { id: this.placeIds.id(n), lat: place.lat, lon: place.lon, place, area, events: this.eventsByPlace.at(place.id), offers: this.offersByPlace.at(place.id), node: n };
    this.entries[n] = entry;
    this.placeChanged();
    this.spatial.set(entry);
    for (const [tag, index] of this.byTag) {
      if (place.tags.includes(tag)) index.set(entry);
      else index.delete(place.id);
    }
  }

  /** Takes a place out of every suggestion (the agency archived it); see `archived` for what stays. */
  archivePlace(place: Place): void {
    const n = this.placeIds.number(place.id);
    const live = this.entries[n];
    if (live) {
      this.digestLines.remove(placeLine(live.id, live.place));
      this.taggedRelations -= distinctCount(live.place.tags);
      this.entries[n] = undefined;
      this.liveEntries--;
    }
    this.forgetArchived(n);
    this.archived.set(n, place);
    this.digestLines.add(placeLine(this.placeIds.id(n), place, true));
    this.spatial.delete(place.id);
    for (const index of this.byTag.values()) index.delete(place.id);
    this.placeChanged();
  }

  private forgetArchived(n: number): void {
    const archived = this.archived.get(n);
    if (!archived) return;
    this.digestLines.remove(placeLine(this.placeIds.id(n), archived, true));
    this.archived.delete(n);
  }

  private placeChanged(): void {
    this.areaLabels.clear();
    this.placesByArea = null;
    this.walk = null;
    this.catalogueVersion++;
  }

  private addArea(area: string, cityId: string): void {
    if (this.known.area.has(area)) return;
    this.ensureNode('area', area);
    const key = nodeKey('area', area);
    const city = nodeKey('city', cityId);
    if (this.g.hasNode(city)) this.link('in_city', key, city);
    for (const n of neighbourAreas(area)) {
      const nKey = nodeKey('area', n);
      if (!this.g.hasNode(nKey)) continue;
      this.link('area_neighbour', key, nKey);
      this.link('area_neighbour', nKey, key);
    }
  }

  upsertEvent(event: CatalogueEvent): void {
    const previous = this.eventsByPlace.get(event.id);
    if (previous) this.digestLines.remove(recordLine('event', previous));
    this.digestLines.add(recordLine('event', event));
    for (const placeId of this.eventsByPlace.set(event)) {
      const entry = this.entryOf(placeId);
      if (entry) {
        entry.events = this.eventsByPlace.at(placeId);
        this.heldChanged(entry);
      }
    }
  }

  upsertOffer(offer: Offer): void {
    const previous = this.offersByPlace.get(offer.id);
    if (previous) this.digestLines.remove(recordLine('offer', previous));
    this.digestLines.add(recordLine('offer', offer));
    for (const placeId of this.offersByPlace.set(offer)) {
      const entry = this.entryOf(placeId);
      if (entry) {
        entry.offers = this.offersByPlace.at(placeId);
        this.heldChanged(entry);
      }
    }
  }

  /** An event no longer published (archived, or back to a draft): no longer a candidate. */
  removeEvent(id: string): void {
    this.removeItem(this.eventsByPlace, 'event', id, (entry, placeId) => (entry.events = this.eventsByPlace.at(placeId)));
  }

  removeOffer(id: string): void {
    this.removeItem(this.offersByPlace, 'offer', id, (entry, placeId) => (entry.offers = this.offersByPlace.at(placeId)));
  }

  private removeItem<T extends { id: string; placeId: string }>(items: ByPlace<T>, type: 'event' | 'offer', id: string, refresh: (entry: PlaceEntry, placeId: string) => void): void {
    const item = items.get(id);
    const placeId = items.delete(id);
    if (placeId === null) return;
    if (item) this.digestLines.remove(recordLine(type, item));
    const entry = this.entryOf(placeId);
    if (entry) {
      refresh(entry, placeId);
      this.heldChanged(entry);
    }
  }

  upsertPromotion(promotion: Promotion): void {
    const previous = this.promotions.get(promotion.id);
    if (previous) this.digestLines.remove(recordLine('promotion', previous));
    this.digestLines.add(recordLine('promotion', promotion));
    this.promotions.upsert(promotion);
  }

  removePromotion(id: string): void {
    const previous = this.promotions.get(id);
    if (previous) this.digestLines.remove(recordLine('promotion', previous));
    this.promotions.remove(id);
  }

  /** An agency's promotions, by what they promote (the agency signal's lookup). */
  promotionsOf(agencyId: string): PromotionsByTarget {
    return this.promotions.of(agencyId);
  }

  /**
   * A traveller whose interactions stay out of what other travellers' rankings read: a demo visitor. Their
   * interactions are their own history (the ranking reads them) but never reach anyone else: they are left
   * out of the walk index, so they are no one's lookalike and count in no place's popularity.
   */
  addPrivateTraveller(travellerId: string): void {
    const known = this.interactions.traveller(travellerId);
    if (known !== undefined && this.interactions.isPrivate(known)) return;
    // Their rows, if any, were in the walk index: it is rebuilt without them.
    if (known !== undefined) this.walk = null;
    this.interactions.ensureTraveller(travellerId, true);
    this.digestLines.add(privateLine(travellerId));
  }

  /**
   * Records an interaction; the same traveller, place and kind again only refreshes its time (a repeated
   * "like" is one like, as in the store: ten thousand taps must not grow the graph or slow the ranking).
   * A visit is kept in the visit log at its latest time, as the store keeps it (one row per fact).
   * Returns whether a row was added.
   */
  addInteraction(i: Interaction): boolean {
    return this.addFact(i.travellerId, i.placeId, i.kind, i.at.getTime());
  }

  /** addInteraction, from the record's parts (a page of the store is columns: no object, no Date, a row). */
  private addFact(travellerId: string, placeId: string, kind: InteractionKind, atMs: number): boolean {
    const { row, added, traveller } = this.addRow(travellerId, placeId, kind, atMs);
    if (kind === 'visited') {
      if (!added) this.visits.removeVisits(travellerId, placeId);
      this.visits.add(travellerId, placeId, this.interactions.at(row), !this.interactions.isPrivate(traveller));
    }
    return added;
  }

  /**
   * Records one visit of a log that keeps every visit (a check-in file): the fact row as addInteraction
   * makes it, and the visit appended to the visit log, however many came before.
   */
  recordVisit(travellerId: string, placeId: string, at: Date): void {
    const { traveller } = this.addRow(travellerId, placeId, 'visited', at.getTime());
    this.visits.add(travellerId, placeId, at.getTime(), !this.interactions.isPrivate(traveller));
  }

  /** Each traveller's visits in time order and what follows what (visit-log.ts). */
  visitLog(): VisitLog {
    return this.visits;
  }

  private addRow(travellerId: string, placeId: string, kind: InteractionKind, at: number): AddedRow {
    const result = this.interactions.add(travellerId, placeId, kind, at);
    if (result.before !== null && at > result.before) this.interactionLines.interaction(-1, travellerId, kind, placeId, result.before);
    if (result.before === null || at > result.before) this.interactionLines.interaction(1, travellerId, kind, placeId, at);
    if (!result.added) return result;
    const slot = result.traveller;
    if (this.interactions.isPrivate(slot) || !this.walk) return result; // not in the walk index, or none to patch
    this.walk.addInteraction(slot, travellerId, result.place, codeOf(kind));
    this.walkChanged();
    return result;
  }

  /**
   * After the walk index took a change in place: a compaction in the background once the changes pass the
   * overlay's limit, and a rebuild at the next ranking past four times that (compactions falling behind).
   */
  private walkChanged(): void {
    if (!this.walk) return;
    const limit = Math.max(TravelGraph.WALK_OVERLAY_LIMIT, this.walk.builtEntries * TravelGraph.WALK_OVERLAY_SHARE);
    if (this.walk.overlaySize >= limit * TravelGraph.WALK_OVERLAY_HARD_LIMIT) this.walk = null;
    else if (this.walk.overlaySize >= limit) this.compactInBackground();
  }

  /**
   * Builds a walk index of every row so far, a slice per turn of the event loop, and swaps it in with the
   * rows appended meanwhile as its overlay: appends stay visible to every ranking, and none waits for a
   * rebuild. A removal meanwhile (a row it may have read died) voids it, and a new one starts from the rows
   * as they are; a catalogue change drops the index, which the next ranking rebuilds.
   */
  private compactInBackground(): void {
    if (this.compaction) return;
    const from = { catalogue: this.catalogueVersion, rows: this.interactions.generation };
    this.compaction = from;
    const steps = WalkIndex.buildInSlices({ ...this.walkSource(), rowsUpTo: this.interactions.rows });
    const stillValid = () => this.compaction === from && from.catalogue === this.catalogueVersion && from.rows === this.interactions.generation && this.walk !== null;
    const slice = () => {
      if (!stillValid()) {
        // Started afresh from the rows as they are now, if the changes still call for it.
        if (this.compaction === from) {
          this.compaction = null;
          this.walkChanged();
        }
        return;
      }
      const until = performance.now() + TravelGraph.COMPACTION_SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          this.swapIn(step.value);
          this.compaction = null;
          return;
        }
        if (performance.now() >= until) break;
      }
      setImmediate(slice);
    };
    setImmediate(slice);
  }

  private swapIn(index: WalkIndex): void {
    // The rows appended while it was built are its overlay, as they were the old index's.
    this.interactions.forEach((t, p, kind) => {
      if (!this.interactions.isPrivate(t)) index.addInteraction(t, this.interactions.travellerId(t)!, p, kind);
    }, index.rowsUpTo);
    this.walk = index;
    this.compactions++;
  }

  /**
   * Takes an interaction back (an undo). The walk index takes its entries out in place, read before the row
   * goes: a rebuild at a million places would hold the next ranking for seconds.
   */
  removeInteraction(i: Pick<Interaction, 'travellerId' | 'placeId' | 'kind'>): boolean {
    // Only a kind the walk weighs has entries there (a dismissal has none): its place in them is read then.
    const walked = this.walk !== null && WEIGHT_OF_CODE[codeOf(i.kind)]! > 0;
    const located = walked ? this.interactions.locate(i.travellerId, i.placeId, i.kind, WEIGHT_OF_CODE) : null;
    const at = this.interactions.remove(i.travellerId, i.placeId, i.kind);
    if (at === null) return false;
    this.interactionLines.interaction(-1, i.travellerId, i.kind, i.placeId, at);
    // A compaction under way was built from rows of which one just died (InteractionIndex.generation): void.
    if (this.walk && located && !this.interactions.isPrivate(located.traveller)) {
      this.walk.removeInteraction(located.traveller, located.place, located.code, located.before);
      this.walkChanged();
    }
    if (i.kind === 'visited') this.visits.removeVisits(i.travellerId, i.placeId);
    return true;
  }

  private isPrivate(travellerId: string): boolean {
    const slot = this.interactions.traveller(travellerId);
    return slot !== undefined && this.interactions.isPrivate(slot);
  }

  /** Removes a traveller and every interaction of theirs (erasure, consent withdrawal). */
  dropTraveller(travellerId: string): void {
    const slot = this.interactions.traveller(travellerId);
    const wasPrivate = this.isPrivate(travellerId);
    for (const i of this.interactions.of(travellerId)) this.interactionLines.interaction(-1, travellerId, i.kind, i.placeId, i.at.getTime());
    if (wasPrivate) this.digestLines.remove(privateLine(travellerId));
    if (!this.interactions.dropTraveller(travellerId)) return;
    this.visits.dropTraveller(travellerId);
    // Erasure must leave no trace in derived structures either: the walk index takes out their entries and
    // their key in place (a private traveller was never in it).
    if (!wasPrivate && this.walk && slot !== undefined) {
      this.walk.dropTraveller(slot);
      this.walkChanged();
    }
  }

  /** The typed-array view for random walks, (re)built on demand. */
  walkIndex(): WalkIndex {
    if (this.walk) return this.walk;
    this.walk = WalkIndex.build(this.walkSource());
    this.compaction = null;
    return this.walk;
  }

  private walkSource(): WalkSource {
    return {
      places: this.placeIds,
      forEachPlace: (visit) => {
        for (const e of this.entries) if (e) visit(e.node, e.place.cityId, e.place.category, e.place.tags);
      },
      interactions: this.interactions,
    };
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
    if (!this.placesByArea) {
      this.placesByArea = new Map();
      for (const e of this.entries) {
        if (!e) continue;
        const list = this.placesByArea.get(e.area);
        if (list) list.push(e);
        else this.placesByArea.set(e.area, [e]);
      }
    }
    const addressesIn = (cell: string) => (this.placesByArea!.get(cell) ?? []).map((e) => e.place.address);
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
    return this.entryOf(id)?.place;
  }

  city(id: string): City | undefined {
    return this.cityById.get(id);
  }

  /** Every city of the catalogue (the demo's and those an agency's import added). */
  cities(): City[] {
    return [...this.cityById.values()];
  }

  places(): Place[] {
    const out: Place[] = [];
    for (const e of this.entries) if (e) out.push(e.place);
    return out;
  }

  /** Places within `radiusMeters`, nearest first, at most `max`, with their events and offers. */
  placesNear(lat: number, lon: number, radiusMeters: number, max = Infinity): NearbyPlace[] {
    this.walkIndex(); // so that every entry's node is in the index
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
  travellerIds(): Generator<string> {
    return this.interactions.travellerIds();
  }

  interactionsOf(travellerId: string): Interaction[] {
    return this.interactions.of(travellerId);
  }

  /** Nodes and relations by type, as the health endpoint reports them (kept as counts for places and interactions). */
  counts(): { nodes: Record<string, number>; edges: Record<string, number>; totalNodes: number; totalEdges: number } {
    const nodes: Record<string, number> = {};
    const edges: Record<string, number> = {};
    this.g.forEachNode((_k, a) => {
      nodes[a.type] = (nodes[a.type] ?? 0) + 1;
    });
    this.g.forEachEdge((_k, a) => {
      edges[a.type] = (edges[a.type] ?? 0) + 1;
    });
    const events = this.eventsByPlace.size;
    const offers = this.offersByPlace.size;
    Object.assign(nodes, { place: this.liveEntries + this.archived.size, event: events, offer: offers, traveller: this.interactions.travellers });
    Object.assign(edges, { in_category: this.liveEntries, tagged: this.taggedRelations, in_area: this.liveEntries, held_at: events + offers, interaction: this.interactions.size });
    for (const k of Object.keys(nodes)) if (nodes[k] === 0) delete nodes[k];
    for (const k of Object.keys(edges)) if (edges[k] === 0) delete edges[k];
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    return { nodes, edges, totalNodes: sum(nodes), totalEdges: sum(edges) };
  }
}

/**
 * The digest's line of each record: what the store decides, in the same words whichever path it came by
 * (lines-digest.ts; an interaction is fed by its parts, `LinesDigest.interaction`). Nodes that only
 * structure the catalogue (categories, tags, areas) follow from the places and have none.
 */
const distinctCount = (tags: readonly string[]) => new Set(tags).size;
const placeLine = (id: string, place: Place, archived = false) => `place:${id}${archived ? ' archived' : ''} ${JSON.stringify(place)}`;
const cityLine = (city: City) => `city:${city.id} ${JSON.stringify(city)}`;
const recordLine = (type: 'event' | 'offer' | 'promotion', record: { id: string }) => `${type}:${record.id} ${JSON.stringify(record)}`;
const privateLine = (travellerId: string) => `private traveller:${travellerId}`;

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

  get size(): number {
    return this.placeOf.size;
  }

  get(id: string): T | undefined {
    const placeId = this.placeOf.get(id);
    return placeId === undefined ? undefined : this.items.get(placeId)?.get(id);
  }

  *all(): Generator<T> {
    for (const items of this.items.values()) yield* items.values();
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
