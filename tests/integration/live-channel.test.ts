/**
 * The live channel under abuse and failure, with real clients: a flood is throttled then closed, dead peers
 * are reaped by the heartbeat, a slow reader is closed instead of buffered without bound and catches up
 * from the log, and a client back after the replay window starts over from a fresh state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, type HealthResponse } from '@escale/shared';
import { signIn, signInAs, startTestServer, TUESDAY_EVENING, type TestServer } from '../support/test-server.ts';
import { TestSocket } from '../support/ws-client.ts';

let strict: TestServer; // low message rate
let fast: TestServer; // short heartbeat, small send buffer
beforeAll(async () => {
  strict = await startTestServer({ env: { WS_RATE_PER_SECOND: '5', WS_RATE_BURST: '5' } });
  // Demo sessions outlive the 25-hour jump of the replay-window test.
  fast = await startTestServer({ env: { WS_HEARTBEAT_MS: '150', WS_MAX_BUFFERED_BYTES: '65536', DEMO_SESSION_TTL_HOURS: '48' } });
});
afterAll(async () => {
  await strict.close();
  await fast.close();
});

const health = async (server: TestServer) => (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;

describe('live channel', () => {
  it('throttles a client over its message rate, then closes it with a policy code', async () => {
    const socket = await TestSocket.greeted(strict.wsUrl, await signInAs(strict, 'lea'));
    for (let i = 0; i < 30; i++) socket.send({ type: 'teleport' });
    expect(await socket.next((m) => m.type === 'error' && m.code === 'rate_limited')).toMatchObject({ message: expect.stringMatching(/at most 5 per second/) });
    expect(await socket.closed()).toBe(CLOSE_CODES.rateLimited);
    const counted = (await health(strict)).realtime.errors;
    expect(counted.rate_limited).toBeGreaterThanOrEqual(1);
    expect(counted.unknown_type).toBeGreaterThanOrEqual(1); // the messages within the burst were answered
  });

  it('keeps a client at a human pace unthrottled', async () => {
    const socket = await TestSocket.greeted(strict.wsUrl, await signInAs(strict, 'marc'));
    for (let i = 0; i < 8; i++) {
      socket.send({ type: 'suggest_now' });
      await socket.next((m) => m.type === 'suggestions' && m.seq > 0 && socket.messages.filter((x) => x.type === 'suggestions').length === i + 1);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(socket.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(socket.closeCode).toBeNull();
    socket.close();
  });

  it('reaps a peer that stops answering pings within two heartbeat intervals', async () => {
    const cookie = await signInAs(fast, 'lea');
    const healthy = await TestSocket.greeted(fast.wsUrl, cookie);
    const dead = await TestSocket.greeted(fast.wsUrl, cookie, undefined, { autoPong: false });
    const started = Date.now();
    await dead.closed();
    expect(Date.now() - started).toBeLessThan(3 * 150 + 200);
    await new Promise((r) => setTimeout(r, 400)); // more heartbeats: the healthy one stays
    expect(healthy.closeCode).toBeNull();
    expect(fast.realtime.hub.connectionCount).toBe(1);
    healthy.close();
  });

  it('closes a reader too slow for its pushes instead of buffering without bound, and it catches up from the log', async () => {
    const { cookie, travellerId } = await signIn(fast, 'marc');
    const slow = await TestSocket.greeted(fast.wsUrl, cookie);
    const lastSeen = slow.welcome!.seq;
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    // 100 KB messages until the kernel's buffers are full and the server's own queue passes its bound.
    let published = 0;
    while (fast.realtime.hub.stats.slowConsumers === 0 && published < 400) {
      await fast.realtime.hub.publish(travellerId, { type: 'feedback_ack', placeId: 'x'.repeat(100_000), kind: 'dismissed' }, fast.clock.now());
      published++;
    }
    expect(fast.realtime.hub.stats.slowConsumers).toBe(1);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed()).toBe(CLOSE_CODES.slowConsumer);
    // Back with its last sequence number, it gets every message it missed, once, in order.
    const back = await TestSocket.greeted(fast.wsUrl, cookie, lastSeen);
    expect(back.welcome?.replay).toBe('replayed');
    const last = back.welcome!.seq;
    await back.next((m) => 'seq' in m && m.seq === last, 20_000);
    const seqs = back.messages.filter((m) => m.type === 'feedback_ack').map((m) => ('seq' in m ? m.seq : -1));
    expect(seqs).toEqual(Array.from({ length: published }, (_, i) => lastSeen + 1 + i));
    back.close();
  }, 60_000);

  it('starts a client over from a fresh state when what it missed is older than the replay window', async () => {
    const cookie = await signInAs(fast, 'martin-family');
    const tab = await TestSocket.greeted(fast.wsUrl, cookie);
    tab.send({ type: 'suggest_now' });
    const seen = await tab.nextOfType('suggestions');
    tab.close();
    const other = await TestSocket.greeted(fast.wsUrl, cookie);
    other.send({ type: 'suggest_now' });
    await other.next((m) => m.type === 'suggestions' && m.seq > seen.seq);
    other.close();
    fast.clock.set(new Date(TUESDAY_EVENING.getTime() + 25 * 3600_000), 0);
    try {
      const back = await TestSocket.greeted(fast.wsUrl, cookie, seen.seq);
      expect(back.welcome?.replay).toBe('reset');
      // The client drops what it showed and asks for its feed again.
      back.send({ type: 'refresh' });
      expect(await back.nextOfType('feed')).toMatchObject({ position: null });
      back.close();
    } finally {
      fast.clock.set(TUESDAY_EVENING, 0);
    }
  });
});
