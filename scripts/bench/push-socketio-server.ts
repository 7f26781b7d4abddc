/**
 * The Socket.IO 4.8 baseline of `npm run bench:push`: the least a live-push server needs, around the same
 * catalogue, TravelGraph and Recommender as the Escale server (built the way server/src/app.ts builds them),
 * so the comparison is about what surrounds the ranking. WebSocket transport only, no per-message deflate;
 * the Origin and the session cookie are checked at connection, as Escale's upgrade does. Unlike Escale it
 * writes nothing per message (no position, no message log, no push policy): the gap is the price of those.
 * Messages are the protocol's JSON objects, sent as Socket.IO "message" events. Env: PORT, ESCALE_DATA_DIR
 * (a database prepared by push-seed.ts), ALLOWED_ORIGINS, BENCH_CLOCK_OFFSET_MS (how far the city's time, as
 * the sessions' clocks seeded for Escale read it, runs ahead of the real clock).
 *
 * With BENCH_REPLAY_REDIS_URL set it is the baseline with Escale's delivery promise, the way Socket.IO's
 * documentation gives it (socketio-replay.ts): connection state recovery kept in Redis by the Redis Streams
 * adapter, and each traveller's sockets in one room, so every tab receives a push. BENCH_REPLAY_PREFIX
 * prefixes the stream's and the sessions' keys (one prefix per run; the bench deletes its keys after it).
 */
import http from 'node:http';
import { createClient, type RedisClientType } from 'redis';
import { Server } from 'socket.io';
import { tokenFromCookieHeader, travellerForToken } from '../../server/src/auth/sessions.ts';
import { readCatalogue } from '../../server/src/catalogue/queries.ts';
import { DEMO_AGENCY } from '../../server/src/catalogue/seed.ts';
import { loadConfig } from '../../server/src/config.ts';
import { TravelGraph } from '../../server/src/graph/travel-graph.ts';
import { requestOrigin } from '../../server/src/http/trusted-proxy.ts';
import { originAllowed } from '../../server/src/realtime/upgrade.ts';
import { warmOpeningHours } from '../../server/src/recommend/opening-hours.ts';
import { Recommender } from '../../server/src/recommend/recommender.ts';
import { openSqlite } from '../../server/src/store/db.ts';
import type { Traveller } from '../../server/src/travellers/model.ts';
import { findTraveller, listInteractions } from '../../server/src/travellers/queries.ts';
import { replayOptions, travellerRoom } from './socketio-replay.ts';
// The same ranking work as Escale's answer to a location: the feed's FEED_SIZE ideas.
import { ClientMessage, distanceMeters, FEED_SIZE, PROTOCOL_VERSION, toZonedIso, type LatLon } from '../../shared/src/index.ts';

// As server/src/main.ts: opening hours are evaluated on wall-clock Dates, safe only in UTC.
process.env.TZ = 'UTC';

/** As server/src/realtime/realtime-server.ts. */
const MAX_PAYLOAD_BYTES = 16 * 1024;

const { config } = loadConfig();
const clockOffsetMs = Number(process.env.BENCH_CLOCK_OFFSET_MS ?? 0);
if (!Number.isFinite(clockOffsetMs)) throw new Error(`BENCH_CLOCK_OFFSET_MS is not a number: ${process.env.BENCH_CLOCK_OFFSET_MS}`);
/** The sessions' time, as Escale's session clocks give it. */
const clockNow = () => new Date(Date.now() + clockOffsetMs);
const { db } = openSqlite(config.dataDir);
const startedAt = new Date();
const catalogue = await readCatalogue(db, new Date(startedAt.getTime() - 86_400_000));
const graph = TravelGraph.build(catalogue, await listInteractions(db));
const agencyNames = new Map(catalogue.agencies.map((a) => [a.id, a.name]));
const recommender = new Recommender(graph, (id) => agencyNames.get(id) ?? DEMO_AGENCY.name);
const city = catalogue.cities[0]!;

const replayRedisUrl = process.env.BENCH_REPLAY_REDIS_URL;
const redis: RedisClientType | null = replayRedisUrl ? await createClient({ url: replayRedisUrl }).connect() : null;
const replay = redis ? replayOptions(redis, process.env.BENCH_REPLAY_PREFIX ?? 'escale-bench:') : {};

type Events = { message: (message: unknown) => void };
const httpServer = http.createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' }).end('{}');
});
const io = new Server<Events, Events, Record<string, never>, { traveller: Traveller }>(httpServer, {
  transports: ['websocket'],
  perMessageDeflate: false,
  serveClient: false,
  maxHttpBufferSize: MAX_PAYLOAD_BYTES,
  allowRequest: (req, done) => done(null, originAllowed(req.headers.origin, requestOrigin(req), config.allowedOrigins)),
  ...replay,
});

io.use((socket, next) => {
  const token = tokenFromCookieHeader(socket.request.headers.cookie);
  travellerForToken(db, token, new Date(), config)
    .then((id) => (id ? findTraveller(db, id) : null))
    .then((traveller) => {
      if (!traveller) return next(new Error('Sign in before opening the live channel.'));
      socket.data.traveller = traveller;
      next();
    }, next);
});

io.on('connection', (socket) => {
  const { traveller } = socket.data;
  let seq = 0;
  let last: LatLon | null = null;
  // With replay, a push goes to the traveller's room (every tab), through the adapter that stores it first.
  const room = travellerRoom(traveller.id);
  if (redis) void socket.join(room);
  const push = (message: object) => (redis ? io.to(room).emit('message', message) : socket.send(message));
  socket.on('message', (raw) => {
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) return void socket.send({ type: 'error', code: 'bad_message', message: parsed.error.message });
    const msg = parsed.data;
    const now = clockNow();
    if (msg.type === 'hello') {
      socket.send({ type: 'welcome', seq, protocol: PROTOCOL_VERSION, traveller: { id: traveller.id, name: traveller.name }, now: now.toISOString(), replay: 'fresh' });
    } else if (msg.type === 'location') {
      const position = { lat: msg.lat, lon: msg.lon, at: now };
      const meters = last ? Math.round(distanceMeters(last, position)) : 0;
      last = position;
      const result = recommender.suggest({ traveller, now, position, limit: FEED_SIZE });
      // The same fields as Escale's feed, so both payloads are about the same size.
      push({
        type: 'feed',
        seq: ++seq,
        at: toZonedIso(now, city.timezone),
        position: { lat: msg.lat, lon: msg.lon },
        items: result.items,
        coldStart: result.coldStart,
        notifications: { state: 'on' },
        refreshInMs: null,
        moved: meters,
      });
    }
  });
});

httpServer.listen(config.port, config.host, () => {
  void warmOpeningHours(
    graph.places().map((p) => ({ openingHours: p.openingHours, lat: p.lat, lon: p.lon, countryCode: city.countryCode })),
    startedAt,
    city.timezone,
  );
});
process.on('SIGTERM', () => io.close(() => void (redis?.quit() ?? Promise.resolve()).finally(() => process.exit(0))));
