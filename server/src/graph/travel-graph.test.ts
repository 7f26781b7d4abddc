import { describe, expect, it } from 'vitest';
import { event, graphOf, offer, PARIS, place } from '../test-support/fixtures.ts';
import { TravelGraph } from './travel-graph.ts';
import type { Interaction, InteractionPage } from '../travellers/model.ts';
import { CATEGORY_IDS } from '@escale/shared';
import { areaOf } from './areas.ts';
import { HOLDS_EVENTS, HOLDS_OFFERS, UNKNOWN_PRICE } from './place-table.ts';

describe('travel graph', () => {
  const bar = place({ category: 'bar', tags: ['wine', 'outdoor-seating'] });
  const ramen = place({ category: 'restaurant', tags: ['cuisine:ramen'], lat: 48.87, lon: 2.34 });
  const concert = event(bar);
  const tasting = offer(bar);
  const liked = { travellerId: 'lea', placeId: ramen.id, kind: 'liked' as const, at: new Date('2026-11-20T12:00:00Z') };
  const graph = graphOf({ places: [bar, ramen], events: [concert], offers: [tasting], interactions: [liked] });

  it('builds typed nodes and edges from the catalogue', () => {
    const { nodes, edges } = graph.counts();
    expect(nodes).toMatchObject({ place: 2, event: 1, offer: 1, category: 2, tag: 3, city: 1, traveller: 1 });
    expect(edges).toMatchObject({ in_category: 2, tagged: 3, in_area: 2, held_at: 2, interaction: 1 });
    expect(nodes.area).toBe(new Set([areaOf(bar.lat, bar.lon), areaOf(ramen.lat, ramen.lon)]).size);
  });

  it('answers radius queries nearest first with distances', () => {
    const near = graph.placesNear(bar.lat, bar.lon, 500);
    expect(near.map((n) => n.place.id)).toEqual([bar.id]);
    expect(near[0]!.meters).toBeLessThan(1);
    expect(graph.placesNear(bar.lat, bar.lon, 5000).map((n) => n.place.id)).toEqual([bar.id, ramen.id]);
  });

  it('finds events and offers held at a place, and a traveller’s interactions', () => {
    expect(graph.eventsAt(bar.id).map((e) => e.id)).toEqual([concert.id]);
    expect(graph.offersAt(bar.id).map((o) => o.id)).toEqual([tasting.id]);
    expect(graph.interactionsOf('lea')).toEqual([liked]);
  });

  it('keeps one edge for the same interaction repeated, with its latest time', () => {
    const g = graphOf({ places: [bar, ramen] });
    const at = (day: number) => new Date(Date.UTC(2026, 10, day));
    expect(g.addInteraction({ ...liked, at: at(20) })).toBe(true);
    for (let day = 21; day < 25; day++) expect(g.addInteraction({ ...liked, at: at(day) })).toBe(false);
    expect(g.addInteraction({ ...liked, kind: 'visited', at: at(25) })).toBe(true);
    expect(g.counts().edges.interaction).toBe(2);
    expect(g.interactionsOf('lea').find((i) => i.kind === 'liked')!.at).toEqual(at(24));
    expect(g.interactionCount(ramen.id)).toBe(3); // a like weighs two, a visit one: the repeats add nothing
  });

  it('leaves a private traveller (a demo visitor) out of what others are ranked with', () => {
    const g = graphOf({ places: [bar, ramen], interactions: [liked] });
    const popularity = [g.interactionCount(ramen.id), g.interactionCount(bar.id)];
    g.addPrivateTraveller('visitor');
    g.addInteraction({ ...liked, travellerId: 'visitor' });
    g.addInteraction({ ...liked, travellerId: 'visitor', placeId: bar.id });
    // Their own history is theirs to be ranked with…
    expect(
      g
        .interactionsOf('visitor')
        .map((i) => i.placeId)
        .sort(),
    ).toEqual([bar.id, ramen.id].sort());
    // …but they are nobody's connector and count in no place's popularity.
    expect(g.walkIndex().nodeOf('traveller:visitor')).toBeUndefined();
    expect([g.interactionCount(ramen.id), g.interactionCount(bar.id)]).toEqual(popularity);
    const walk = g.walkIndex();
    g.dropTraveller('visitor');
    expect(g.walkIndex()).toBe(walk); // erasing a private traveller leaves the walk index as it was
    expect(g.interactionsOf('visitor')).toEqual([]);
  });

  it('updates a place in place: category, tags and position move with it', () => {
    const g = graphOf({ places: [bar] });
    g.upsertPlace({ ...bar, category: 'nightlife', tags: ['jazz'], lat: 48.88, lon: 2.33 });
    expect(g.place(bar.id)?.category).toBe('nightlife');
    expect(g.counts().edges).toMatchObject({ in_category: 1, tagged: 1, in_area: 1 });
    expect(g.placesNear(bar.lat, bar.lon, 300)).toEqual([]);
    expect(g.placesNear(48.88, 2.33, 300).map((n) => n.place.id)).toEqual([bar.id]);
  });

  it('keeps the place table current as places, events and offers change', () => {
    const g = graphOf({ places: [bar, ramen] });
    const row = (id: string) => {
      const table = g.placeTable();
      const at = g.slotOf(id)!;
      return { category: CATEGORY_IDS[table.category[at]!], price: table.priceLevel[at], held: table.held[at], node: table.node[at], entry: g.entryAt(at).place.id };
    };
    expect(row(bar.id)).toEqual({ category: 'bar', price: bar.priceLevel, held: 0, node: g.walkIndex().placeNode(bar.id), entry: bar.id });
    g.upsertEvent(event(bar));
    expect(row(bar.id).held).toBe(HOLDS_EVENTS);
    g.upsertOffer(offer(bar));
    expect(row(bar.id).held).toBe(HOLDS_EVENTS | HOLDS_OFFERS);
    // An offer moved to another place leaves the first one's row.
    const moving = offer(ramen);
    g.upsertOffer(moving);
    g.upsertOffer({ ...moving, placeId: bar.id });
    expect(row(ramen.id).held).toBe(0);
    g.upsertPlace({ ...ramen, category: 'cafe', priceLevel: null });
    expect(row(ramen.id)).toMatchObject({ category: 'cafe', price: UNKNOWN_PRICE, entry: ramen.id });
    expect(row(bar.id).held).toBe(HOLDS_EVENTS | HOLDS_OFFERS);
  });

  it('finds running places through their own index', () => {
    const park = place({ category: 'park', tags: ['running'], lat: 48.875, lon: 2.345 });
    const g = graphOf({ places: [bar, ramen, park] });
    expect(g.taggedPlacesNear('running', bar.lat, bar.lon, 5000).map((n) => n.place.id)).toEqual([park.id]);
    expect(g.taggedPlacesNear('running', bar.lat, bar.lon, 500)).toEqual([]);
    g.upsertPlace({ ...park, tags: [] });
    expect(g.taggedPlacesNear('running', bar.lat, bar.lon, 5000)).toEqual([]);
  });

  it('takes an archived place out of every search, keeping the interactions that name it, as a fresh build does', () => {
    const g = graphOf({ places: [ramen, bar], interactions: [liked] });
    g.archivePlace(ramen);
    expect(g.place(ramen.id)).toBeUndefined();
    expect(g.placesNear(ramen.lat, ramen.lon, 2_000).map((n) => n.place.id)).not.toContain(ramen.id);
    expect(g.places().map((p) => p.id)).toEqual([bar.id]);
    expect(g.interactionsOf('lea').map((i) => i.placeId)).toEqual([ramen.id]);
    const fresh = TravelGraph.build(
      { agencies: [], cities: [PARIS], places: [bar], archivedPlaces: [ramen], events: [], offers: [], promotions: [], withdrawn: { events: [], offers: [], promotions: [] } },
      [liked],
    );
    expect(fresh.digest()).toBe(g.digest());
    // Published again, it is found again.
    g.upsertPlace(ramen);
    expect(g.placesNear(ramen.lat, ramen.lon, 2_000).map((n) => n.place.id)).toContain(ramen.id);
  });

  it('drops a traveller with every edge that touches them', () => {
    const g = graphOf({ places: [ramen], interactions: [liked] });
    g.dropTraveller('lea');
    expect(g.interactionsOf('lea')).toEqual([]);
    expect(g.counts().nodes.traveller ?? 0).toBe(0);
    expect(g.counts().edges.interaction ?? 0).toBe(0);
  });

  it('loads from pages of interactions the same graph as a build from all of them at once', async () => {
    const places = Array.from({ length: 12 }, (_, k) => place({ category: k % 2 ? 'bar' : 'museum', lat: 48.85 + k / 1000, lon: 2.35 }));
    const kinds = ['liked', 'visited', 'saved', 'dismissed'] as const;
    // Repeats of a fact included: the later time wins, whichever page it comes in.
    const rows: Interaction[] = Array.from({ length: 300 }, (_, k) => ({
      travellerId: `t${k % 17}`,
      placeId: places[(k * 7) % 12]!.id,
      kind: kinds[k % 4]!,
      at: new Date(Date.UTC(2026, 10, 1, 0, k)),
    }));
    const catalogue = { agencies: [], cities: [PARIS], places, archivedPlaces: [], events: [], offers: [], promotions: [], withdrawn: { events: [], offers: [], promotions: [] } };
    async function* pagesOf(size: number): AsyncGenerator<InteractionPage> {
      for (let from = 0; from < rows.length; from += size) {
        const page = rows.slice(from, from + size);
        yield { travellerId: page.map((i) => i.travellerId), placeId: page.map((i) => i.placeId), kind: page.map((i) => i.kind), atMs: Float64Array.from(page, (i) => i.at.getTime()) };
      }
    }
    const built = TravelGraph.build(catalogue, rows, ['t3']);
    const loaded = await TravelGraph.load(catalogue, pagesOf(7), ['t3'], rows.length);
    expect(loaded.digest()).toBe(built.digest());
    expect(loaded.counts()).toEqual(built.counts());
    for (let t = 0; t < 17; t++) expect(loaded.interactionsOf(`t${t}`)).toEqual(built.interactionsOf(`t${t}`));
    for (const p of places) expect(loaded.interactionCount(p.id)).toBe(built.interactionCount(p.id));
    expect(loaded.walkIndex().builtEntries).toBe(built.walkIndex().builtEntries);
  });

  it('digests what the store decides: equal for the same facts in any order, different when one changes', () => {
    const at = new Date('2026-11-21T09:00:00Z');
    const other = { ...liked, placeId: bar.id, kind: 'visited' as const, at };
    const one = graphOf({ places: [bar, ramen], events: [concert], offers: [tasting], interactions: [liked, other] });
    const two = graphOf({ places: [ramen, bar], events: [concert], offers: [tasting], interactions: [other, liked] });
    expect(one.digest()).toMatch(/^[0-9a-f]{16}$/);
    expect(two.digest()).toBe(one.digest());
    two.removeInteraction(other);
    expect(two.digest()).not.toBe(one.digest());
    two.addInteraction(other);
    expect(two.digest()).toBe(one.digest());
    // A catalogue record's content counts, not only its id.
    two.upsertPlace({ ...bar, name: 'Renamed' });
    expect(two.digest()).not.toBe(one.digest());
  });

  it('keeps a digest that two graphs share whatever path led them to the same records', () => {
    const p1 = place({ name: 'Le Comptoir' });
    const p2 = place({ category: 'museum' });
    const gone = place({ name: 'Closed for good' });
    const e1 = event(p1);
    const e2 = event(p2);
    const o1 = offer(p1);
    const at = (day: number) => new Date(Date.UTC(2026, 10, day));
    const final: Interaction[] = [
      { travellerId: 'lea', placeId: p1.id, kind: 'liked', at: at(5) },
      { travellerId: 'lea', placeId: p2.id, kind: 'visited', at: at(6) },
      { travellerId: 'tom', placeId: p1.id, kind: 'dismissed', at: at(7) },
      { travellerId: 'visitor', placeId: p2.id, kind: 'saved', at: at(8) },
    ];
    const direct = TravelGraph.build(
      {
        agencies: [{ id: 'demo', name: 'Demo' }],
        cities: [PARIS],
        places: [p1, p2],
        archivedPlaces: [gone],
        events: [e1],
        offers: [o1],
        promotions: [],
        withdrawn: { events: [], offers: [], promotions: [] },
      },
      final,
      ['visitor'],
    );
    // Another way there: older versions first, records that came and went, repeats at earlier times.
    const other = graphOf({ places: [{ ...p1, name: 'Le Comptoir (old name)' }, gone], events: [e1, e2] });
    other.upsertPlace(p2);
    other.upsertPlace(p1);
    other.archivePlace(gone);
    other.removeEvent(e2.id);
    other.upsertOffer({ ...o1, title: 'draft' });
    other.upsertOffer(o1);
    other.addInteraction({ travellerId: 'ana', placeId: p1.id, kind: 'liked', at: at(1) });
    other.addPrivateTraveller('visitor');
    for (const i of [...final].reverse()) other.addInteraction(i);
    other.addInteraction({ ...final[0]!, at: at(2) }); // an older repeat changes nothing
    other.addInteraction({ travellerId: 'lea', placeId: p1.id, kind: 'visited', at: at(3) });
    other.removeInteraction({ travellerId: 'lea', placeId: p1.id, kind: 'visited' });
    other.dropTraveller('ana');
    expect(other.digest()).toBe(direct.digest());
    other.addInteraction({ ...final[0]!, at: at(9) }); // a newer repeat moves the fact's time
    expect(other.digest()).not.toBe(direct.digest());
  });
});
