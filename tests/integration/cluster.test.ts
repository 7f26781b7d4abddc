/**
 * Several instances on one PostgreSQL and one Redis, with real processes, and the faults of docs/SCALING.md:
 * a push made on one instance reaches a socket on another; a change committed on one is in the other's graph
 * within a second, with equal digests; an instance killed with SIGKILL behind HAProxy loses no message; a
 * Redis that stops and comes back delays, never loses; PostgreSQL unreachable at start, or lost while
 * running; two instances numbering one traveller's messages at once. Run in the PostgreSQL test run only
 * (the SQLite store is one instance by design).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { HealthResponse, PlaceDetails, type ServerMessage } from '@escale/shared';
import { freePort, stopProcess } from '../../scripts/bench/server-process.ts';
import { startCluster, type Cluster } from '../../scripts/cluster/start-cluster.ts';
import { Bus } from '../../server/src/bus/bus.ts';
import { ChangeLog } from '../../server/src/bus/change-log.ts';
import { RedisRelay, relayChannel } from '../../server/src/bus/relay.ts';
import { MessageLog } from '../../server/src/realtime/message-log.ts';
import { openPostgres } from '../../server/src/store/postgres.ts';
import { migrateToLatest } from '../../server/src/store/migrate.ts';
import { MARAIS } from '../support/positions.ts';
import { killServerProcess, startServerProcess, stopServerProcesses } from '../support/server-process.ts';
import { setSessionClock, signIn, TUESDAY_EVENING } from '../support/test-server.ts';
import { createTestStore, TEST_STORE, type TestStore } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REDIS_URL = process.env.ESCALE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function health(url: string): Promise<{ status: number; body: HealthResponse }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: HealthResponse.parse(await res.json()) };
}

type Sequenced = Extract<ServerMessage, { seq: number }>;
const sequenced = (s: TestSocket) => s.messages.filter((m): m is Sequenced => 'seq' in m && m.type !== 'welcome');

/** Waits until every instance reports the same graph digest and no lag; returns how long it took (ms). */
async function converged(urls: string[], timeoutMs = 5_000): Promise<{ ms: number; digest: string }> {
  const start = performance.now();
  for (;;) {
    const reports = await Promise.all(urls.map((u) => health(u)));
    const digests = new Set(reports.map((r) => r.body.graphDigest));
    if (digests.size === 1 && reports.every((r) => r.body.changes?.lag === 0)) return { ms: performance.now() - start, digest: [...digests][0]! };
    if (performance.now() - start > timeoutMs) throw new Error(`no convergence within ${timeoutMs} ms: ${JSON.stringify(reports.map((r) => [r.body.graphDigest, r.body.changes]))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Likes a place through `socket` and waits for the acknowledgement (committed, applied on that instance). */
async function like(socket: TestSocket, placeId: string): Promise<void> {
  socket.send({ type: 'feedback', placeId, kind: 'liked' });
  await socket.next((m) => m.type === 'feedback_ack' && m.placeId === placeId && !m.undone);
}

describe.runIf(TEST_STORE === 'postgres')('instances sharing PostgreSQL and Redis', () => {
  let store: TestStore;
  let cluster: Cluster;

  beforeAll(async () => {
    store = await createTestStore('cluster');
    cluster = await startCluster({ instances: 2, databaseUrl: store.env.DATABASE_URL!, redisUrl: REDIS_URL, entry: 'sources' });
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
    await store?.drop();
  });

  it('delivers a push made on instance B to the traveller’s socket on instance A, once and in order', async () => {
    const [a, b] = cluster.instances;
    const v = await signIn(a!, 'lea');
    // Server processes run on the real clock: at night every place is closed and the feed is empty.
    await setSessionClock(a!, v.cookie, TUESDAY_EVENING);
    const onA = await TestSocket.greeted(a!.url.replace('http', 'ws') + '/ws', v.cookie);
    const onB = await TestSocket.greeted(b!.url.replace('http', 'ws') + '/ws', v.cookie);
    onB.send({ type: 'location', ...MARAIS });
    // Feedback through B: its acknowledgement is a logged message, numbered on B.
    const feed = await onB.nextOfType('feed');
    await like(onB, feed.items[0]!.item.place.id);
    const ack = await onA.next((m) => m.type === 'feedback_ack', 5_000);
    expect(ack).toMatchObject({ placeId: feed.items[0]!.item.place.id, kind: 'liked' });
    // A notification asked for on B.
    onB.send({ type: 'suggest_now' });
    const pushed = await onA.next((m) => m.type === 'suggestions', 10_000);
    expect(pushed).toMatchObject({ trigger: { kind: 'suggest_now' } });
    // Both sockets saw the same numbered stream, each number once, in order.
    await onB.next((m) => m.type === 'suggestions');
    const seqA = sequenced(onA).map((m) => m.seq);
    expect(seqA).toEqual(sequenced(onB).map((m) => m.seq));
    expect(seqA).toEqual(Array.from({ length: seqA.length }, (_, i) => i + 1));
    onA.close();
    onB.close();
  });

  it('shows an interaction committed on B in A’s graph within a second, with equal digests', async () => {
    const [a, b] = cluster.instances;
    await converged([a!.url, b!.url]);
    const before = (await health(a!.url)).body.graphDigest;
    const v = await signIn(b!, 'marc');
    // Server processes run on the real clock: at night every place is closed and the feed is empty.
    await setSessionClock(b!, v.cookie, TUESDAY_EVENING);
    const onB = await TestSocket.greeted(b!.url.replace('http', 'ws') + '/ws', v.cookie);
    onB.send({ type: 'location', ...MARAIS });
    const feed = await onB.nextOfType('feed');
    await like(onB, feed.items[1]!.item.place.id);
    const { ms, digest } = await converged([a!.url, b!.url]);
    expect(digest).not.toBe(before);
    expect(ms).toBeLessThan(1_000);
    // The same change, from the log, in A's memory: A's change-log position is B's.
    const [ha, hb] = await Promise.all([health(a!.url), health(b!.url)]);
    expect(ha.body.changes!.applied).toBe(hb.body.changes!.applied);
    onB.close();
  });

  it('reads a catalogue change committed elsewhere into every instance’s graph within a second', async () => {
    const [a, b] = cluster.instances;
    await converged([a!.url, b!.url]);
    const before = (await health(a!.url)).body.graphDigest;
    // A third writer (an agency's console, a re-seed by a newer instance): the row and its change, one commit.
    const writer = await openPostgres(store.env.DATABASE_URL!, { poolSize: 2 });
    const relay = await RedisRelay.open('test-writer', REDIS_URL, relayChannel(writer.file), () => undefined);
    try {
      const changes = new ChangeLog(writer.db, new Bus(), relay, (err) => {
        throw err;
      });
      await changes.init();
      const place = await writer.db.selectFrom('places').select(['id', 'name']).orderBy('id').limit(1).executeTakeFirstOrThrow();
      await changes.record(
        (trx) =>
          trx
            .updateTable('places')
            .set({ name: `${place.name} (renamed)` })
            .where('id', '=', place.id)
            .execute(),
        () => [{ type: 'catalogue_changed', places: [place.id], events: [], offers: [] }],
      );
      const { ms, digest } = await converged([a!.url, b!.url]);
      expect(digest).not.toBe(before);
      expect(ms).toBeLessThan(1_000);
      const sheet = PlaceDetails.parse(await (await fetch(`${a!.url}/api/places/${place.id}`)).json());
      expect(sheet.name).toBe(`${place.name} (renamed)`);
    } finally {
      await relay.close();
      await writer.close();
    }
  });
});

describe.runIf(TEST_STORE === 'postgres')('an instance killed behind HAProxy', () => {
  it('loses no message: its travellers reconnect through the balancer and get every missed one once, in order', async () => {
    const store = await createTestStore('kill-cluster');
    onTestFinished(() => store.drop());
    const cluster = await startCluster({ instances: 2, databaseUrl: store.env.DATABASE_URL!, redisUrl: REDIS_URL, entry: 'sources' });
    onTestFinished(() => cluster.stop());
    const wsUrl = cluster.url.replace('http', 'ws') + '/ws';
    const v = await signIn(cluster, 'lea');
    // Server processes run on the real clock: at night every place is closed and the feed is empty.
    await setSessionClock(cluster, v.cookie, TUESDAY_EVENING);
    // The traveller's phone, through the balancer; which instance holds it is HAProxy's choice.
    const phone = await TestSocket.greeted(wsUrl, v.cookie);
    const held = await Promise.all(cluster.instances.map((i) => health(i.url)));
    const victim = held.findIndex((h) => h.body.connections === 1);
    expect(victim).toBeGreaterThanOrEqual(0);
    const survivor = cluster.instances[1 - victim]!;
    // Pushes keep coming from the other instance (the traveller's laptop is connected there).
    const laptop = await TestSocket.greeted(survivor.url.replace('http', 'ws') + '/ws', v.cookie);
    laptop.send({ type: 'location', ...MARAIS });
    await laptop.nextOfType('feed');
    const PUSHES = 12;
    let sent = 0;
    const pushing = (async () => {
      for (; sent < PUSHES; sent++) {
        laptop.send({ type: 'suggest_now' });
        await laptop.next((m) => m.type === 'suggestions' && m.seq === sent + 1, 10_000);
        if (sent === 3) await killServerProcess(cluster.instances[victim]!.child);
      }
    })();
    expect(await phone.closed()).toBe(1006);
    const lastSeen = Math.max(0, ...sequenced(phone).map((m) => m.seq));
    await pushing;
    // Back through the balancer, which now sends it to the survivor, with the last number it saw.
    const back = await TestSocket.greeted(wsUrl, v.cookie, lastSeen);
    await back.next((m) => 'seq' in m && m.type === 'suggestions' && m.seq === PUSHES, 10_000);
    const all = [...sequenced(phone), ...sequenced(back)].map((m) => m.seq);
    expect(all).toEqual(Array.from({ length: PUSHES }, (_, i) => i + 1));
    expect(back.welcome!.replay).toBe(lastSeen === PUSHES ? 'fresh' : 'replayed');
    back.close();
    laptop.close();
  }, 120_000);
});

describe.runIf(TEST_STORE === 'postgres')('Redis stopped and restarted mid-run', () => {
  it('keeps instances serving, reports the bus degraded, and converges with no update lost', async () => {
    const port = await freePort();
    const startRedis = () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    let redis = startRedis();
    onTestFinished(() => void redis.kill('SIGKILL'));
    await expect.poll(() => answers(port), { timeout: 5_000 }).toBe(true);
    const store = await createTestStore('redis-restart');
    onTestFinished(() => store.drop());
    const cluster = await startCluster({ instances: 2, databaseUrl: store.env.DATABASE_URL!, redisUrl: `redis://127.0.0.1:${port}`, entry: 'sources' });
    onTestFinished(() => cluster.stop());
    const [a, b] = cluster.instances;
    const v = await signIn(b!, 'martin-family');
    // Server processes run on the real clock: at night every place is closed and the feed is empty.
    await setSessionClock(b!, v.cookie, TUESDAY_EVENING);
    const onB = await TestSocket.greeted(b!.url.replace('http', 'ws') + '/ws', v.cookie);
    onB.send({ type: 'location', ...MARAIS });
    const feed = await onB.nextOfType('feed');

    redis.kill('SIGKILL');
    await expect.poll(async () => (await health(a!.url)).body.bus.connected, { timeout: 5_000 }).toBe(false);
    // Degraded bus, not a degraded instance: health stays 200 and the sockets are served.
    expect((await health(a!.url)).status).toBe(200);
    await like(onB, feed.items[0]!.item.place.id);
    await like(onB, feed.items[1]!.item.place.id);
    // No wake-up can reach A: it finds the changes by polling the log.
    await converged([a!.url, b!.url], 3_000);

    redis = startRedis();
    await expect.poll(async () => (await Promise.all([health(a!.url), health(b!.url)])).every((h) => h.body.bus.connected), { timeout: 10_000 }).toBe(true);
    await like(onB, feed.items[2]!.item.place.id);
    const { ms } = await converged([a!.url, b!.url]);
    expect(ms).toBeLessThan(1_000);
    onB.close();
  }, 120_000);
});

/** Whether something accepts TCP connections on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A TCP proxy in front of PostgreSQL that the test can cut (every connection dropped, new ones refused) and restore. */
async function cuttablePostgres(): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(5432, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.once('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const cut = async () => {
    // close() waits for the open connections, which are dropped meanwhile: the database is gone mid-query.
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
    for (const s of sockets) s.destroy();
    await closed;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

describe.runIf(TEST_STORE === 'postgres')('PostgreSQL faults', () => {
  afterEach(stopServerProcesses);

  it('unreachable at start: a clear message naming DATABASE_URL and a non-zero exit', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: `postgres://escale:s3cret@127.0.0.1:${port}/escale` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach PostgreSQL at DATABASE_URL=postgres://escale:***@127.0.0.1:${port}/escale`);
    expect(output).not.toContain('s3cret');
  }, 30_000);

  it('lost while running: 503 in the usual shape, an error on the socket, no crash, and service resumes', async () => {
    const store = await createTestStore('pg-lost');
    onTestFinished(() => store.drop());
    const proxy = await cuttablePostgres();
    onTestFinished(() => proxy.close());
    const url = new URL(store.env.DATABASE_URL!);
    url.port = String(proxy.port);
    const server = await startServerProcess(store, { DATABASE_URL: url.toString() });
    const v = await signIn(server, 'lea');
    // Server processes run on the real clock: at night every place is closed and the feed is empty.
    await setSessionClock(server, v.cookie, TUESDAY_EVENING);
    const socket = await TestSocket.greeted(server.wsUrl, v.cookie);
    socket.send({ type: 'location', ...MARAIS });
    await socket.nextOfType('feed');

    await proxy.cut();
    const res = await fetch(`${server.url}/api/push-settings`, { headers: { cookie: v.cookie } });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'unavailable', message: expect.stringContaining('database') } });
    expect((await health(server.url)).status).toBe(503);
    socket.send({ type: 'suggest_now' });
    expect(await socket.nextOfType('error', 15_000)).toMatchObject({ code: 'unavailable' });
    expect(socket.closeCode).toBeNull();
    expect(server.child.exitCode).toBeNull();

    await proxy.restore();
    await expect.poll(async () => (await fetch(`${server.url}/api/push-settings`, { headers: { cookie: v.cookie } })).status, { timeout: 15_000, interval: 200 }).toBe(200);
    socket.send({ type: 'suggest_now' });
    expect(await socket.next((m) => m.type === 'suggestions', 10_000)).toMatchObject({ seq: 1 });
    socket.close();
    await stopProcess(server.child);
  }, 90_000);

  it('two instances numbering one traveller’s messages at once keep the numbers unique and gapless', async () => {
    const store = await createTestStore('seq');
    onTestFinished(() => store.drop());
    const [one, two] = await Promise.all([openPostgres(store.env.DATABASE_URL!, { poolSize: 4 }), openPostgres(store.env.DATABASE_URL!, { poolSize: 4 })]);
    onTestFinished(() => Promise.all([one.close(), two.close()]).then(() => undefined));
    await migrateToLatest(one.db, one.file);
    const stamp = new Date().toISOString();
    await one.db.insertInto('agencies').values({ id: 'a', name: 'A', created_at: stamp }).execute();
    await one.db.insertInto('cities').values({ id: 'paris', name: 'Paris', timezone: 'Europe/Paris', country_code: 'fr', center_lat: 48.8, center_lon: 2.3, attribution: '[]' }).execute();
    await one.db
      .insertInto('travellers')
      .values({ id: 't', agency_id: 'a', name: 't', locale: 'en', city_id: 'paris', persona_id: null, likes: '[]', dislikes: '[]', party: '{}', budget: null, created_at: stamp, push_settings: null })
      .execute();
    // Two processes' worth of logs: each instance's own chain, on its own pool, racing on the counter row.
    const logs = [new MessageLog(one.db, one.commitNumbered, 1000), new MessageLog(two.db, two.commitNumbered, 1000)];
    const PER_INSTANCE = 100;
    const given = await Promise.all(
      logs.flatMap((log, n) => Array.from({ length: PER_INSTANCE }, (_, i) => log.append('t', { type: 'feedback_ack', placeId: `osm:node/${n}${i}`, kind: 'liked' }, new Date()))),
    );
    const numbers = given.map((g) => g.seq).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 2 * PER_INSTANCE }, (_, i) => i + 1));
    const rows = await one.db.selectFrom('message_log').select('seq').where('traveller_id', '=', 't').orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(numbers);
  }, 30_000);
});
