/**
 * The demo's own routes on a real server: the trips and their booking files, the side-by-side comparison
 * (the real recommender twice, at the session's clock), the graph around a suggestion, and the city that
 * follows a visitor from Paris to Lyon.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoComparison, DemoGraph, DemoTrip, DemoTripList, type ServerFeed } from '@escale/shared';
import { callApi, setSessionClock, signIn, startTestServer, TUESDAY_EVENING, type TestServer } from '../support/test-server.ts';
import { MARAIS } from '../support/positions.ts';
import { TestSocket } from '../support/ws-client.ts';

/** Place des Cordeliers, on Lyon's Presqu'île. */
const LYON_PRESQUILE = { lat: 45.7626, lon: 4.8357 };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ allCities: true });
});
afterAll(async () => {
  await server.close();
});

const getJson = async (path: string, cookie = '') => {
  const res = await callApi(server.url, cookie, 'GET', path);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('the demo routes', () => {
  it('lists the scripted trips, gives each script, and hands out the files its import steps send', async () => {
    const { body } = await getJson('/api/demo/trips');
    const { trips } = DemoTripList.parse(body);
    expect(trips.map((t) => t.id)).toContain('lea-paris');
    const lea = DemoTrip.parse((await getJson('/api/demo/trips/lea-paris')).body);
    const index = lea.steps.findIndex((s) => s.kind === 'import');
    expect(index).toBeGreaterThanOrEqual(0);
    const file = await fetch(`${server.url}/api/demo/trips/lea-paris/steps/${index}/file`);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(100);
    // Only an import step has a file; a walk does not, nor a step past the end.
    const walk = lea.steps.findIndex((s) => s.kind === 'walk');
    expect((await fetch(`${server.url}/api/demo/trips/lea-paris/steps/${walk}/file`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/demo/trips/lea-paris/steps/9999/file`)).status).toBe(404);
    expect((await getJson('/api/demo/trips/nobody')).status).toBe(404);
  });

  it('ranks the same moment twice: the non-profiled side differs, and the profiled side is the feed', async () => {
    const lea = await signIn(server, 'lea');
    await setSessionClock(server, lea.cookie, TUESDAY_EVENING);
    const socket = await TestSocket.greeted(server.wsUrl, lea.cookie);
    socket.send({ type: 'location', ...MARAIS });
    const feed = await socket.nextOfType('feed');
    const { status, body } = await getJson(`/api/demo/compare?lat=${MARAIS.lat}&lon=${MARAIS.lon}&variant=non_profiled`, lea.cookie);
    expect(status).toBe(200);
    const both = DemoComparison.parse(body);
    expect(both.profiled.map((s) => s.item.id)).toEqual(feed.items.slice(0, both.profiled.length).map((s) => s.item.id));
    expect(both.other.map((s) => s.item.id)).not.toEqual(both.profiled.map((s) => s.item.id));
    // Non-profiled: no personal signal is computed on that side.
    for (const s of both.other) for (const c of s.contributions) expect(c.personalData).toEqual([]);
    // One signal off: that signal contributes nothing on the other side.
    const noInterests = DemoComparison.parse((await getJson(`/api/demo/compare?lat=${MARAIS.lat}&lon=${MARAIS.lon}&variant=interests`, lea.cookie)).body);
    // A signal switched off is not computed: it contributes nothing on that side.
    for (const s of noInterests.other) expect(s.contributions.find((c) => c.signal === 'interests')?.points ?? 0).toBe(0);
    expect(noInterests.profiled.some((s) => s.contributions.some((c) => c.signal === 'interests' && c.points > 0))).toBe(true);
    expect((await getJson(`/api/demo/compare?lat=95&lon=2&variant=non_profiled`, lea.cookie)).status).toBe(400);
    expect((await getJson(`/api/demo/compare?lat=48.8&lon=2.3&variant=timing`, lea.cookie)).status).toBe(400);
    socket.close();
  });

  it('draws the graph around a place: what it is, other travellers as a count, the path most travelled highlighted', async () => {
    const lea = await signIn(server, 'lea');
    // Counted here from the graph's own records, apart from the walk index the route reads: for each of
    // Léa's liked or visited places, the other travellers who also went to the target.
    const { graph } = server.ctx;
    const walked = new Set(['liked', 'visited', 'booked']);
    const placesOf = new Map<string, Set<string>>();
    for (const id of graph.travellerIds()) {
      if (id === lea.travellerId || id === 'lea') continue;
      placesOf.set(
        id,
        new Set(
          graph
            .interactionsOf(id)
            .filter((i) => walked.has(i.kind))
            .map((i) => i.placeId),
        ),
      );
    }
    const mine = [
      ...new Set(
        graph
          .interactionsOf(lea.travellerId)
          .filter((i) => i.kind === 'liked' || i.kind === 'visited')
          .map((i) => i.placeId),
      ),
    ];
    const together = (a: string, b: string) => [...placesOf.values()].filter((set) => set.has(a) && set.has(b)).length;
    const counts = new Map<string, number>();
    for (const set of placesOf.values()) for (const p of set) if (!mine.includes(p) && mine.some((m) => set.has(m))) counts.set(p, (counts.get(p) ?? 0) + 1);
    const target = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const busiest = Math.max(...mine.map((m) => together(m, target)));
    expect(busiest).toBeGreaterThan(0);

    const drawn = DemoGraph.parse((await getJson(`/api/demo/graph/${target}`, lea.cookie)).body);
    const place = graph.place(target)!;
    expect(drawn.historyRead).toBe(true);
    expect(drawn.nodes.find((n) => n.kind === 'suggestion')!.label).toBe(place.name);
    expect(drawn.nodes.find((n) => n.kind === 'category')!.label).toBe(place.category);
    expect(drawn.nodes.find((n) => n.kind === 'travellers')!.count).toBeGreaterThanOrEqual(counts.get(target)!);
    // No other traveller is a node of their own: only the visitor, and counts.
    expect(drawn.nodes.filter((n) => n.kind === 'you')).toHaveLength(1);
    const highlighted = drawn.edges.filter((e) => e.highlighted);
    expect(highlighted).toHaveLength(2);
    expect(highlighted.map((e) => e.kind)).toEqual([expect.stringMatching(/^(liked|visited)$/), 'co_visitors']);
    expect(highlighted.find((e) => e.kind === 'co_visitors')!.weight).toBe(busiest);
    expect((await getJson('/api/demo/graph/osm:node/1', lea.cookie)).status).toBe(404);
  });

  it('moves a visitor to Lyon when their position is there: the feed says so and suggests Lyon', async () => {
    const marc = await signIn(server, 'marc');
    await setSessionClock(server, marc.cookie, TUESDAY_EVENING);
    const socket = await TestSocket.greeted(server.wsUrl, marc.cookie);
    socket.send({ type: 'location', ...MARAIS });
    expect((await socket.nextOfType('feed')).cityId).toBe('paris');
    socket.send({ type: 'location', ...LYON_PRESQUILE });
    const lyon = await socket.next<'feed'>((m) => m.type === 'feed' && (m as ServerFeed).position?.lat === LYON_PRESQUILE.lat);
    expect(lyon.cityId).toBe('lyon');
    expect(lyon.items.length).toBeGreaterThan(3);
    for (const s of lyon.items) expect(s.distanceMeters).toBeLessThan(10_000);
    const session = (await getJson('/api/session', marc.cookie)).body as { traveller: { cityId: string } };
    expect(session.traveller.cityId).toBe('lyon');
    socket.close();
  });
});
