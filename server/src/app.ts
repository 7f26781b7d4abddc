/**
 * Builds the whole server from a configuration: store, catalogue, travel graph, recommender, HTTP API,
 * static client and live channel. `main.ts` runs it; integration tests start it on an ephemeral port.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet, { strictTransportSecurity } from 'helmet';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { authRoutes } from './auth/routes.ts';
import { accessGuard } from './agency/access.ts';
import { syncDemoStaff } from './agency/demo-staff.ts';
import { followAgencyChanges, readAgencyRankings } from './agency/ranking.ts';
import { agencyRoutes } from './agency/routes.ts';
import { advisorNoteRoutes } from './advisor-notes/routes.ts';
import { sameOriginWrites } from './http/same-origin-writes.ts';
import { BASEMAP_PATH, basemapRoutes } from './basemap/routes.ts';
import { sessionInfoOfRequest } from './auth/session-info.ts';
import { Bus } from './bus/bus.ts';
import { ChangeLog, CHANGE_POLL_MS } from './bus/change-log.ts';
import { describeRedisUrl, InProcessRelay, RedisRelay, relayChannel, type Relay } from './bus/relay.ts';
import { followPushChanges } from './push/follow-changes.ts';
import { followTravellerChanges } from './travellers/follow-changes.ts';
import { SessionClocks } from './auth/session-clocks.ts';
import { loadCatalogues, type Catalogues } from './catalogue/load-files.ts';
import { Cities, defaultCityId } from './catalogue/cities.ts';
import { readCatalogue } from './catalogue/queries.ts';
import { clientConfig } from './catalogue/client-config.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { DEMO_AGENCY, seedDemoCatalogueIn } from './catalogue/seed.ts';
import { followCatalogueChanges } from './catalogue/follow-changes.ts';
import { catalogueEditingRoutes } from './catalogue/editing/routes.ts';
import { listDemoVisitors } from './demo/visitors.ts';
import { InsightRecorder } from './insights/recorder.ts';
import { insightRoutes } from './insights/routes.ts';
import { systemClock, type Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { AppContext } from './context.ts';
import type { GraphSnapshot } from './graph/graph-snapshot.ts';
import { graphSnapshotFile, GraphSnapshotWriter, usableGraphSnapshot } from './graph/snapshots.ts';
import { TravelGraph } from './graph/travel-graph.ts';
import type { Catalogue } from './catalogue/model.ts';
import type { Db } from './store/db.ts';
import { healthRoutes, VERSION } from './health/routes.ts';
import { scheduleHousekeeping, type Housekeeping } from './housekeeping/housekeeping.ts';
import { compressResponses } from './http/compress-responses.ts';
import { apiNotFound, errorHandler, upgradeRequired } from './http/errors.ts';
import { jsonBody } from './http/json-body.ts';
import { listRoutes, type RouteInfo } from './http/route-list.ts';
import { serveClient } from './http/static-client.ts';
import { isTrustedProxy } from './http/trusted-proxy.ts';
import { createLogger, HTTP_LOG_SERIALIZERS, withRedaction } from './log/logger.ts';
import { PushCache } from './push/push-cache.ts';
import { pushRoutes } from './push/routes.ts';
import { walletRoutes } from './wallet/routes.ts';
import { tripRoutes } from './wallet/trip-routes.ts';
import { demoRoutes } from './demo/routes.ts';
import { DemoTrips } from './demo/trips.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { forwardingRoutes } from './wallet/forwarding/routes.ts';
import { startSmtpListener, type SmtpListener } from './wallet/forwarding/smtp-listener.ts';
import { mountRealtime, type RealtimeServer } from './realtime/realtime-server.ts';
import { WS_PATH } from './realtime/upgrade.ts';
import { warmOpeningHours } from './recommend/opening-hours.ts';
import { Recommender } from './recommend/recommender.ts';
import { AfterTurnWrites } from './store/after-turn-writes.ts';
import { openStore } from './store/open-store.ts';
import { StoreHealth } from './store/store-health.ts';
import { countInteractions, interactionPages } from './travellers/queries.ts';
import { travellerRoutes } from './travellers/routes.ts';
import { Metrics } from './metrics/metrics.ts';
import { countRequests, metricsRoutes } from './metrics/routes.ts';
import { openApiRoutes } from './http/openapi.ts';

export interface RunningApp {
  ctx: AppContext;
  url: string;
  realtime: RealtimeServer;
  housekeeping: Housekeeping;
  /** The wallet's SMTP listener, when SMTP_PORT is set (its port: the one asked for, or the free one given for 0). */
  smtp: SmtpListener | null;
  /** Every route the app serves (method and path), from Express's router. */
  routes: RouteInfo[];
  close(): Promise<void>;
}

function contentSecurityPolicy(config: ServerConfig) {
  const mapOrigins = config.mapStyleUrl ? [new URL(config.mapStyleUrl).origin] : [];
  const mapbox = config.mapboxToken ? ['https://api.mapbox.com', 'https://events.mapbox.com'] : [];
  return {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      // maplibre runs its tile work in a worker and sets styles inline on the canvas container.
      'worker-src': ["'self'", 'blob:'],
      'child-src': ["'self'", 'blob:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:', ...mapOrigins, ...mapbox],
      'connect-src': ["'self'", ...mapOrigins, ...mapbox],
      'font-src': ["'self'", ...mapOrigins],
      'upgrade-insecure-requests': null,
    },
  };
}

export async function startApp(config: ServerConfig, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningApp> {
  // Whatever logger is handed in, the server's lines (pino-http's request and response headers among them)
  // go through the one redaction rule of log/logger.ts.
  const logger = options.logger ? withRedaction(options.logger) : createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;

  const opening = openStore(config.dataDir, {
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    onConnectionError: (err) => logger.warn({ code: (err as { code?: unknown }).code, message: err.message }, 'a PostgreSQL connection broke; the pool replaces it'),
    checkpointErrors: (message) => logger.warn({ message }, 'WAL checkpoint failed'),
  });
  // The store's integrity check runs on a worker thread: the catalogue files are read and validated meanwhile.
  let files: Catalogues;
  let trips: DemoTrips;
  try {
    files = loadCatalogues(config.catalogueDirs, config.personasFile);
    trips = DemoTrips.load(
      config.demoTripsDir,
      config.dataRoot,
      files.cities.map((c) => c.city.id),
    );
  } catch (err) {
    await opening.then(
      (store) => store.close(),
      () => undefined,
    );
    throw err;
  }
  const store = await opening;
  const { db, close: closeDb } = store;
  if (store.integrity.status === 'unfinished') {
    logger.warn({ reason: store.integrity.reason, file: store.file }, 'the database integrity check did not finish: starting without it');
  }
  const storeHealth = new StoreHealth(store.kind, store.integrity);
  const commit = storeHealth.watch(store.commit);
  const commitNumbered = storeHealth.watchNumbered(store.commitNumbered);
  // The raw commit: a turn's writes are first tried as one transaction, then batch by batch when that
  // fails; only a batch that fails on its own is a failure, and it comes back through onError.
  const afterTurn = new AfterTurnWrites(store.commit, (err, writes) => {
    storeHealth.record(err);
    logger.error({ err, writes }, 'writes after the turn failed');
  });

  const origin = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const relay: Relay = config.redisUrl
    ? await RedisRelay.open(origin, config.redisUrl, relayChannel(store.file), (event, detail, level) => logger[level]({ ...detail, redis: describeRedisUrl(config.redisUrl!) }, event))
    : new InProcessRelay(origin);
  const bus = new Bus();
  const changes = new ChangeLog(db, bus, relay, (err, what) => {
    storeHealth.record(err);
    logger.error({ err }, what);
  });
  // Before the state is read: whatever another instance commits from here on is applied on top of it.
  await changes.init();
  // Committed with its change: instances already running read what a new version's files changed.
  const seedReport = await changes.record(
    (trx) => seedDemoCatalogueIn(trx, files, clock.now(), trips.windows()),
    ({ written }) => (written.places.length + written.events.length + written.offers.length + written.promotions.length > 0 ? [{ type: 'catalogue_changed', ...written }] : []),
  );
  logger.debug({ seedReport }, 'catalogue seeded');
  await syncDemoStaff(db, config.demoMode, clock.now());

  // Events that ended more than a day ago are not loaded: the graph holds what can still be suggested.
  const catalogue = await readCatalogue(db, new Date(clock.now().getTime() - 86_400_000), undefined, trips.windows());
  const snapshotFile = graphSnapshotFile(config.dataDir);
  const { graph, snapshot } = await buildGraph(db, catalogue, await usableGraphSnapshot(db, snapshotFile, logger), await listDemoVisitors(db), logger);
  const agencyNames = new Map(catalogue.agencies.map((a) => [a.id, a.name]));
  const recommender = new Recommender(graph, (id) => agencyNames.get(id) ?? DEMO_AGENCY.name, await readAgencyRankings(db));
  const cities = new Cities(
    graph,
    defaultCityId(
      config.defaultCity,
      files.cities.map((c) => c.city.id),
    ),
  );

  const metrics = new Metrics();
  metrics.live.storeErrors = () => storeHealth.report().errors;
  metrics.live.changeLag = () => changes.lastKnown().lag;
  metrics.live.busConnected = () => (relay.state().connected ? 1 : 0);
  recommender.onRanked = (seconds) => metrics.ranking.observe(seconds);
  // Written apart from the push's commits, and never failing one: a batch that fails twice is a statistic
  // lost, logged (and counted, as the store failing). The raw commit: a first try that fails is no failure.
  const insights = new InsightRecorder({
    commit: store.commit,
    clock,
    timezone: cities.default.timezone,
    onError: (err, rows) => {
      storeHealth.record(err);
      logger.warn({ err, rows }, 'insight events could not be written: dropped');
    },
  });
  const ctx: AppContext = {
    config,
    db,
    commit,
    commitNumbered,
    storeKind: store.kind,
    afterTurn,
    storeHealth,
    graph,
    recommender,
    clock,
    sessionClocks: new SessionClocks(db, clock),
    pushCache: new PushCache(db, afterTurn),
    bus,
    changes,
    relay,
    metrics,
    insights,
    logger,
    cities,
    personas: new Map(files.personas.map((p) => [p.id, p])),
  };

  const app = express();
  app.disable('x-powered-by');
  // The same rule the WebSocket upgrade reads the scheme with (http/trusted-proxy.ts).
  app.set('trust proxy', isTrustedProxy);
  app.use(helmet({ contentSecurityPolicy: contentSecurityPolicy(config), strictTransportSecurity: false }));
  // HSTS only on a request that came over TLS, directly or through a trusted proxy: RFC 6797 §7.2 says a
  // host must not send it over plain HTTP, where browsers ignore it anyway.
  const hsts = strictTransportSecurity();
  app.use((req, res, next) => (req.secure ? hsts(req, res, next) : next()));
  app.use(pinoHttp({ logger, serializers: HTTP_LOG_SERIALIZERS, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(countRequests(metrics));
  app.use(compressResponses());
  app.use('/api', jsonBody());
  // Before any route: a cross-site write is refused, and who may call what is decided from the contract.
  app.use('/api', sameOriginWrites(config.allowedOrigins));

  followTravellerChanges(bus, graph);
  // A failed read is reported by the change log (storeHealth and the log), like any listener's failure.
  followCatalogueChanges(bus, db, graph);
  followPushChanges(bus, ctx.pushCache);
  followAgencyChanges(bus, db, recommender);
  if (snapshot) {
    // The graph is as it was at the snapshot's mark: every entry after it is applied again, on top of it.
    const through = changes.lastKnown().applied;
    changes.rewindTo(snapshot.mark.position);
    await changes.applyThrough(through);
    logger.info({ from: snapshot.mark.position, through, replayed: through - snapshot.mark.position }, 'graph snapshot brought up to date from the change log');
  }
  const snapshots = new GraphSnapshotWriter(graph, snapshotFile, db, changes, logger, snapshot);
  // One instance applies its own changes as it commits them; several (PostgreSQL) also poll, in case a
  // wake-up is lost or Redis is down.
  changes.start(store.kind === 'postgres' ? CHANGE_POLL_MS : 0);

  const server = http.createServer(app);
  const realtime = mountRealtime(ctx, server);
  metrics.live.connections = () => realtime.hub.connectionCount;
  bus.on('session_ended', ({ sessionId }) => ctx.sessionClocks.forget(sessionId));
  bus.on('traveller_erased', (c) => insights.forget(c));
  // At start, before anyone is served: sessions that expired while the server was down end now, and with
  // demo mode switched off every demo session ends (and its visitor is erased).
  const housekeeping = scheduleHousekeeping(ctx);
  await housekeeping.runOnce();
  // Before anyone is served too: a first write holds the event loop while the process's first full
  // collection of a heap this size runs (3.6–4.0 s at ten million interactions), a later one some 0.1 s
  // (docs/RANKING.md). An instance not yet listening is better than one that stops answering.
  await snapshots.start(bus);

  app.use('/api', accessGuard(ctx));
  app.use('/api', openApiRoutes(VERSION));
  app.use('/api', healthRoutes(ctx, realtime.hub));
  app.use('/api', authRoutes(ctx));
  app.use('/api', catalogueRoutes(ctx));
  app.use('/api', catalogueEditingRoutes(ctx));
  app.use('/api', travellerRoutes(ctx));
  app.use('/api', pushRoutes(ctx));
  app.use('/api', walletRoutes(ctx));
  app.use('/api', privacyRoutes(ctx));
  app.use('/api', tripRoutes(ctx));
  app.use('/api', demoRoutes(ctx, trips));
  app.use('/api', forwardingRoutes(ctx));
  app.use('/api', agencyRoutes(ctx));
  app.use('/api', advisorNoteRoutes(ctx));
  app.use('/api', insightRoutes(ctx));
  app.use('/api', apiNotFound);
  app.use(BASEMAP_PATH, basemapRoutes(config.basemapDir));
  app.use(metricsRoutes(metrics));
  app.all(WS_PATH, upgradeRequired);
  serveClient(app, config.clientDist, async (req) => ({ config: clientConfig(ctx), session: await sessionInfoOfRequest(ctx, req) }));
  app.use(errorHandler((err) => storeHealth.record(err)));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let smtp: SmtpListener | null = null;
  const close = async () => {
    housekeeping.stop();
    await smtp?.close();
    await realtime.close();
    await afterTurn.flush();
    await insights.flush();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await changes.stop();
    await snapshots.stop();
    await relay.close();
    await closeDb();
  };
  try {
    if (config.smtp.port !== null) smtp = await startSmtpListener(ctx, config.smtp.port);
  } catch (err) {
    // A certificate it cannot read, a port in use: nothing is left running behind the error.
    await close();
    throw err;
  }
  if (smtp) logger.info({ port: smtp.port, domain: config.smtp.domain }, 'the wallet SMTP listener is ready');
  for (const city of cities.list()) {
    void warmOpeningHours(
      graph
        .places()
        .filter((p) => p.cityId === city.id)
        .map((p) => ({ openingHours: p.openingHours, lat: p.lat, lon: p.lon, countryCode: city.countryCode })),
      clock.now(),
      city.timezone,
    );
  }
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  return {
    ctx,
    url,
    realtime,
    housekeeping,
    smtp,
    routes: listRoutes(app),
    close,
  };
}

/**
 * The travel graph at start: from the snapshot's interactions and the store's catalogue when a snapshot may
 * be used (graph/snapshots.ts), else from the store, its interactions a page at a time. A snapshot whose
 * rows do not hold together is set aside the same way, with its reason logged. Returns the snapshot the
 * graph was made from, if any: the change log replays what came after its mark.
 */
async function buildGraph(db: Db, catalogue: Catalogue, usable: GraphSnapshot | null, privateTravellers: string[], logger: Logger): Promise<{ graph: TravelGraph; snapshot: GraphSnapshot | null }> {
  const started = performance.now();
  if (usable) {
    try {
      const graph = TravelGraph.fromInteractionState(catalogue, usable.state, privateTravellers);
      logger.info({ position: usable.mark.position, writtenAt: usable.writtenAt, ms: Math.round(performance.now() - started) }, 'graph built from its snapshot');
      return { graph, snapshot: usable };
    } catch (err) {
      logger.warn({ err }, 'graph snapshot refused: building the graph from the store');
    }
  }
  const graph = await TravelGraph.load(catalogue, interactionPages(db), privateTravellers, await countInteractions(db));
  logger.info({ ms: Math.round(performance.now() - started) }, 'graph built from the store');
  return { graph, snapshot: null };
}
