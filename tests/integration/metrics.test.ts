import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../support/test-server.ts';
import { MARAIS } from '../support/positions.ts';
import { TestSocket } from '../support/ws-client.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample line (`name{labels} value`), or null when the series is not there. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts requests by route pattern, WebSocket messages, pushes and rankings, and holds no personal data', async () => {
    const visitor = await signIn(server, 'lea');
    await fetch(`${server.url}/api/places/${encodeURIComponent('osm:node/4111593158')}`);
    await fetch(`${server.url}/api/places/${encodeURIComponent('osm:node/1')}`);
    const socket = await TestSocket.greeted(server.wsUrl, visitor.cookie);
    socket.send({ type: 'location', ...MARAIS });
    await socket.nextOfType('feed');
    socket.send({ type: 'suggest_now' });
    await socket.nextOfType('suggestions');
    socket.send({ type: 'nonsense' });
    await socket.nextOfType('error');

    const text = await scrape();
    // A route's pattern, never the id in the path: one series for every place.
    expect(sample(text, 'escale_http_requests_total{method="GET",route="/api/places/*id",status="200"}')).toBe(1);
    expect(sample(text, 'escale_http_requests_total{method="GET",route="/api/places/*id",status="404"}')).toBe(1);
    expect(sample(text, 'escale_ws_connections')).toBe(1);
    expect(sample(text, 'escale_ws_messages_received_total{type="hello"}')).toBe(1);
    expect(sample(text, 'escale_ws_messages_received_total{type="location"}')).toBe(1);
    expect(sample(text, 'escale_ws_messages_received_total{type="invalid"}')).toBe(1);
    expect(sample(text, 'escale_pushes_total{trigger="suggest_now"}')).toBe(1);
    expect(sample(text, 'escale_ranking_duration_seconds_count')).toBeGreaterThanOrEqual(2); // the feed and the push
    expect(sample(text, 'escale_store_errors')).toBe(0);
    expect(sample(text, 'escale_change_log_lag')).toBe(0);
    expect(sample(text, 'escale_bus_connected')).toBe(1);
    expect(text).toMatch(/^escale_process_resident_memory_bytes \d+/m);
    // Counts only: no traveller, place or session in any label.
    expect(text).not.toContain(visitor.travellerId);
    expect(text).not.toContain('4111593158');
    expect(text).not.toContain(visitor.cookie.split('=')[1]!);
    socket.close();
    await expect.poll(async () => sample(await scrape(), 'escale_ws_connections')).toBe(0);
  });
});
