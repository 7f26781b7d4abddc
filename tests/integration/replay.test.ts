/**
 * Replay after a reconnect: each socket's stream is exactly-once and in sequence order even while pushes
 * keep arriving, and a replay asked for from the very beginning of a long log is bounded (a reset beyond the
 * limit, one page in memory at a time), so it neither grows the server's memory nor stalls /api/health.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { residentMiB, startServerProcess, stopServerProcesses } from '../support/server-process.ts';
import { signIn, startTestServer, type TestServer } from '../support/test-server.ts';
import { createTestStore } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const seqsAfterWelcome = (s: TestSocket) => s.messages.filter((m) => m.type !== 'welcome' && m.type !== 'error').map((m) => ('seq' in m ? m.seq : -1));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('a reconnecting tab while another tab receives pushes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('gets every missed message once and in order, then the live ones, in ten rounds out of ten', async () => {
    const v = await signIn(server, 'marc');
    const hub = server.realtime.hub;
    const publish = (i: number) => hub.publish(v.travellerId, { type: 'feedback_ack', placeId: `osm:node/${i}`, kind: 'dismissed' }, server.clock.now());
    const busy = await TestSocket.greeted(server.wsUrl, v.cookie);
    let n = 0;
    for (let round = 0; round < 10; round++) {
      const away = await TestSocket.greeted(server.wsUrl, v.cookie);
      const lastSeen = away.welcome!.seq;
      away.close();
      await away.closed();
      // Missed while away: enough for the replay to take several pages and turns of the event loop.
      for (let i = 0; i < 120; i++) await publish(n++);
      // Back, while pushes keep coming: the live ones race the replay.
      const racing = (async () => {
        for (let i = 0; i < 60; i++) {
          await publish(n++);
          await new Promise((r) => setImmediate(r));
        }
      })();
      const back = await TestSocket.greeted(server.wsUrl, v.cookie, lastSeen);
      await racing;
      const last = await server.ctx.db
        .selectFrom('message_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('traveller_id', '=', v.travellerId)
        .executeTakeFirstOrThrow();
      await back.next((m) => 'seq' in m && m.type !== 'welcome' && m.seq === Number(last.seq), 10_000);
      expect(back.welcome!.replay).toBe('replayed');
      expect(seqsAfterWelcome(back), `round ${round}`).toEqual(range(lastSeen + 1, Number(last.seq)));
      back.close();
    }
    // The tab that stayed saw every message once, in order, too.
    expect(seqsAfterWelcome(busy)).toEqual(range(busy.welcome!.seq + 1, busy.welcome!.seq + n));
    busy.close();
  }, 60_000);
});

describe('a maximal replay', () => {
  afterEach(stopServerProcesses);

  it('keeps the server’s memory and /api/health latency bounded', async () => {
    // A traveller with 20,000 logged pushes of 7 KB (140 MB), all within the replay window.
    const store = await createTestStore('replay');
    onTestFinished(() => store.drop());
    const setup = await startTestServer({ store, at: new Date() });
    const v = await signIn(setup, 'lea');
    await setup.close();
    const MESSAGES = 20_000;
    const { db, close } = await store.connect();
    const at = new Date().toISOString();
    const body = (seq: number) => JSON.stringify({ type: 'feedback_ack', seq, placeId: `osm:node/${'7'.repeat(7000)}`, kind: 'dismissed' });
    await db.transaction().execute(async (trx) => {
      for (let first = 1; first <= MESSAGES; first += 500) {
        const rows = Array.from({ length: Math.min(500, MESSAGES - first + 1) }, (_, i) => ({ traveller_id: v.travellerId, seq: first + i, type: 'feedback_ack', body: body(first + i), at }));
        await trx.insertInto('message_log').values(rows).execute();
      }
      // The traveller's counter, as the server's appends would have left it.
      await trx
        .insertInto('message_counters')
        .values({ traveller_id: v.travellerId, seq: MESSAGES })
        .onConflict((oc) => oc.column('traveller_id').doUpdateSet({ seq: MESSAGES }))
        .execute();
    });
    await close();

    const limit = 200;
    const server = await startServerProcess(store, { WS_REPLAY_MAX_MESSAGES: String(limit) });
    const pid = server.child.pid!;
    const before = residentMiB(pid);
    let peak = before;
    let slowestHealthMs = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t = performance.now();
        await fetch(`${server.url}/api/health`).catch(() => undefined);
        slowestHealthMs = Math.max(slowestHealthMs, performance.now() - t);
        peak = Math.max(peak, residentMiB(pid));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    // The review's attack, four times at once: hello {lastSeq: 0}. And four honest reconnects owed nearly
    // the limit (each reset above pushes a fresh feed, which the owed replays may include).
    const owedFrom = MESSAGES - limit + 8;
    const [fromZero, owed] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, () => TestSocket.greeted(server.wsUrl, v.cookie, 0))),
      Promise.all(Array.from({ length: 4 }, () => TestSocket.greeted(server.wsUrl, v.cookie, owedFrom))),
    ]);
    await Promise.all(owed.map((s) => s.next((m) => 'seq' in m && m.type !== 'welcome' && m.seq === MESSAGES, 20_000)));
    sampling = false;
    await sampler;

    expect(fromZero.map((s) => s.welcome!.replay)).toEqual(['reset', 'reset', 'reset', 'reset']);
    for (const s of owed) {
      expect(s.welcome!.replay).toBe('replayed');
      expect(seqsAfterWelcome(s).filter((seq) => seq <= MESSAGES)).toEqual(range(owedFrom + 1, MESSAGES));
    }
    // Before the bound, these replays read the whole log each: the server grew by some 650 MB and health
    // stalled for seconds. Four replays of 200 messages, a page of 50 at a time, fit in far less.
    expect(peak - before, `resident memory grew from ${before.toFixed(0)} to ${peak.toFixed(0)} MiB`).toBeLessThan(80);
    expect(slowestHealthMs).toBeLessThan(500);
    for (const s of [...fromZero, ...owed]) s.close();
  }, 120_000);
});
