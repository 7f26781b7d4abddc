/**
 * The replaying baseline of bench:push is credited with Escale's delivery promise: this checks it keeps it,
 * against the real Redis (127.0.0.1:6379, or BENCH_REDIS_URL). Skipped, and said so, when Redis is absent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type RedisClientType } from 'redis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayOptions, travellerRoom } from './socketio-replay.ts';

const url = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const probe = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
probe.on('error', () => undefined);
const reachable = await probe.connect().then(
  async () => (await probe.quit(), true),
  () => false,
);

const prefix = `escale-test:${process.pid}:`;
const once = (socket: Socket, event: string) => new Promise((resolve) => socket.once(event, resolve));
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!reachable)(`the Socket.IO baseline with replay in Redis (${url})`, () => {
  let redis: RedisClientType;
  let io: Server;
  let port: number;

  beforeAll(async () => {
    redis = (await createClient({ url }).connect()) as RedisClientType;
    const server = http.createServer();
    io = new Server(server, { transports: ['websocket'], ...replayOptions(redis, prefix, 60_000) });
    io.on('connection', (socket) => void socket.join(travellerRoom(String(socket.handshake.auth.traveller))));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    io.close();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await redis.unlink(keys);
    await redis.quit();
  });

  it('sends a dropped client what it missed, once and in order, and every tab of the traveller gets each push', async () => {
    const open = () => connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], auth: { traveller: 't1' }, forceNew: true });
    const [tab, otherTab] = [open(), open()];
    const got: number[] = [];
    const gotElsewhere: number[] = [];
    tab.on('message', (m: { n: number }) => got.push(m.n));
    otherTab.on('message', (m: { n: number }) => gotElsewhere.push(m.n));
    await Promise.all([once(tab, 'connect'), once(otherTab, 'connect')]);
    await settle(); // the rooms are joined
    io.to(travellerRoom('t1')).emit('message', { n: 1 });
    await settle();
    tab.io.engine.close(); // the network drops: the client reconnects by itself
    await settle(20);
    io.to(travellerRoom('t1')).emit('message', { n: 2 });
    io.to(travellerRoom('t1')).emit('message', { n: 3 });
    await once(tab, 'connect');
    await settle();
    expect(tab.recovered).toBe(true);
    expect(got).toEqual([1, 2, 3]);
    expect(gotElsewhere).toEqual([1, 2, 3]);
    tab.close();
    otherTab.close();
  });
});
